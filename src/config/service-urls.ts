import { isIPv4 } from 'node:net';

// Where the bot may talk to: the Bot Connector service URL of an activity (activity.serviceUrl) is where
// the bot POSTs its replies (with an app id: with its own bearer token), and once stored, where scheduled
// lägesbild digests and hot spot reminders go. Pure URL rules; configuration and the Teams edge use them.

/**
 * The Bot Connector hosts Microsoft Teams sends activities from, by cloud. Only over https on the default
 * port; any path (Teams uses regional ones: /teams/, /amer/, /emea/, /apac/, … and tenant-specific ones).
 * Sources: Microsoft's well-known Teams service endpoints (the Agents SDK's TeamsServiceEndpoints). A
 * cloud not listed here (e.g. Teams operated by 21Vianet) is added with BOT_EXTRA_SERVICE_URLS.
 */
export const TEAMS_SERVICE_URL_HOSTS: Readonly<Record<string, string>> = {
  'smba.trafficmanager.net': 'public cloud',
  'smba.infra.gcc.teams.microsoft.com': 'US Government Community Cloud (GCC)',
  'smba.infra.gov.teams.microsoft.us': 'US GCC High',
  'smba.infra.dod.teams.microsoft.us': 'US Department of Defense (DoD)',
};

/**
 * The URL as WHATWG parses it, only when the text is already in that canonical form (apart from the slash
 * of an empty path): a URL another HTTP client might read differently (backslashes, user info, odd case,
 * dot segments) is not one we vouch for.
 */
function canonical(text: string): URL | null {
  let url = parsedUrls.get(text);
  if (url === undefined) {
    if (parsedUrls.size >= PARSED_URLS_MAX) parsedUrls.clear();
    parsedUrls.set(text, (url = parsedCanonical(text)));
  }
  return url;
}

/**
 * Each service URL parsed once: every activity's URL is checked several times a turn (the guard, the stored
 * reference, the card update), and a bot hears a handful of Teams' regional URLs (issue 14). Bounded: past
 * the maximum (callers sending ever new URLs) it starts over. The URLs kept are only read, never changed.
 */
const parsedUrls = new Map<string, URL | null>();
const PARSED_URLS_MAX = 256;

function parsedCanonical(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.href !== text && url.href !== `${text}/`) return null;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) return null;
  return url;
}

/** localhost, 127.0.0.0/8 or ::1 (also IPv4-mapped), as a URL's hostname or a listen address writes it. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  if (isIPv4(h)) return h.startsWith('127.');
  return /^::ffff:(127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(h);
}

/** A connector on this machine (the Agents Playground, tests): http(s)://localhost…, 127.x.x.x or [::1]. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  const url = canonical(serviceUrl);
  return url !== null && isLoopbackHost(url.hostname);
}

/** One of Microsoft Teams' Bot Connector hosts (TEAMS_SERVICE_URL_HOSTS), over https on the default port. */
export function isTeamsServiceUrl(serviceUrl: string): boolean {
  const url = canonical(serviceUrl);
  return url !== null && url.protocol === 'https:' && url.port === '' && Object.hasOwn(TEAMS_SERVICE_URL_HOSTS, url.hostname);
}

/**
 * A BOT_EXTRA_SERVICE_URLS entry: the canonical prefix (ending in /), or the reason it is refused. http is
 * allowed on loopback only, since the bot sends its bearer token to the connector.
 */
export function parseServiceUrlPrefix(entry: string): { prefix: string } | { problem: string } {
  const url = canonical(entry);
  if (!url) return { problem: `entry "${entry}" is not a plain http(s) URL (no user, query or fragment), e.g. https://connector.example/` };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { problem: `entry "${entry}" must use https (http only for localhost)` };
  return { prefix: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

/** True when the service URL is under one of the prefixes (same origin, and its path under the prefix's path). */
export function matchesServiceUrlPrefix(serviceUrl: string, prefixes: readonly string[]): boolean {
  const url = canonical(serviceUrl);
  if (!url) return false;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return prefixes.some((p) => {
    const prefix = canonical(p);
    return prefix !== null && prefix.origin === url.origin && path.startsWith(prefix.pathname);
  });
}
