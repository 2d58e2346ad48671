import type { Response } from 'express';

/** Where Teams (web, desktop, mobile, Outlook and the Microsoft 365 app) frames a tab from. */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.teams.microsoft.us', 'https://*.cloud.microsoft',
  'https://*.office.com', 'https://*.microsoft365.com', 'https://*.skype.com',
];

/** The origin of a Leaflet tile template ({s} subdomains as a wildcard), for the CSP. */
export function tileOrigin(tileUrl: string | null): string | null {
  const origin = tileUrl ? /^(https?:\/\/[^/]+)/.exec(tileUrl)?.[1] : null;
  return origin ? origin.replace('{s}', '*') : null;
}

/**
 * The tab page's headers: framed by Teams (helmet's X-Frame-Options would forbid it), scripts and
 * styles of its own only, images from the tile server, requests to this server only.
 */
export function tabPageHeaders(res: Response, tileUrl: string | null): void {
  res.removeHeader('X-Frame-Options');
  const tiles = tileOrigin(tileUrl);
  res.setHeader('Content-Security-Policy', [
    "default-src 'self'", "script-src 'self'",
    // Leaflet and Chart.js position their elements with style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    // teams-js reads the list of Microsoft's host domains from its CDN.
    "connect-src 'self' https://res.cdn.office.net", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
  ].join('; '));
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/** The page: an empty shell the bundle fills in, in the user's language once it knows it. */
export function tabPage(mode: 'content' | 'config'): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trygghetsboten</title>
<link rel="stylesheet" href="/tab/assets/tab.css">
<script src="/tab/assets/tab.js" defer></script>
</head>
<body data-mode="${mode}"><main id="app" aria-busy="true"></main></body></html>
`;
}
