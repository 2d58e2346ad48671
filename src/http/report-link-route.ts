import express from 'express';
import { reportRefIn } from '../domain/report-finder';
import { localeFrom, messages } from '../i18n/messages';

// A report's own address: `<PUBLIC_BASE_URL>/r/H-2026-0042`. Pasted into Teams it unfolds to the report
// in brief (for those who may see it); opened in a browser it says to open it in Teams, and shows no
// data: there is no sign-in here, so the page is the same whether the report exists or not.

export const REPORT_LINK_PATH = '/r';

const REF_ONLY = /^[HA]-\d{4}-\d{4,6}$/i;

/** The link to a report, on the bot's public address. */
export function reportLinkUrl(baseUrl: string, ref: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${REPORT_LINK_PATH}/${encodeURIComponent(ref)}`;
}

/**
 * The report number a link names, when the link is one of the bot's report links: on the bot's own
 * host (when it is known) and with the path /r/<number>. Anything else: null.
 */
export function refOfReportLink(url: string, baseUrl: string | null): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (baseUrl && parsed.host.toLowerCase() !== new URL(baseUrl).host.toLowerCase()) return null;
  const match = /^\/r\/([^/]+)\/?$/.exec(parsed.pathname);
  const ref = match ? decodeURIComponent(match[1]!) : '';
  return REF_ONLY.test(ref) ? reportRefIn(ref) : null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The static tab's id in the app manifest (manifest/manifest.json, staticTabs). */
const LAGESBILD_TAB = 'lagesbild';

/**
 * A Teams deep link to the lägesbild tab with the report's number: the tab opens the conversation of
 * the user's that holds it and marks the report there (no conversation, no report: nothing is shown).
 */
export function reportTabLink(teamsAppId: string, ref: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: ref }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${LAGESBILD_TAB}?context=${context}`;
}

/**
 * GET /r/<anything>: the "open it in Teams" page, in the browser's language, never with data; with the
 * Teams app's id (the bot's), also a link that opens the report in the lägesbild tab.
 */
export function reportLinkRoutes(teamsAppId = ''): { path: string; router: express.Router } {
  const router = express.Router();
  router.get('/:ref', (req, res) => {
    const locale = localeFrom(req.headers['accept-language']?.split(',')[0]?.trim());
    const page = messages(locale).extension.linkPage;
    const ref = REF_ONLY.test(req.params.ref) ? reportRefIn(req.params.ref) : null;
    const tabLink = teamsAppId && ref ? `<p><a href="${escapeHtml(reportTabLink(teamsAppId, ref))}">${escapeHtml(page.openTab)}</a></p>\n` : '';
    res.set('cache-control', 'no-store');
    res.set('x-robots-tag', 'noindex');
    res.type('html').send(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem;">
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.text)}</p>
${tabLink}</body></html>
`);
  });
  return { path: REPORT_LINK_PATH, router };
}
