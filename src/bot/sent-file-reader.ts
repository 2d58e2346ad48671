import { isLoopbackHost } from '../config/service-urls';
import type { DownloadableFile, FileDownload, SentFileReader } from '../domain/ports/sent-files.port';

/** A CSV of a municipality's promises or schools is a few kB; more than this is not one. */
export const SENT_FILE_MAX_BYTES = 256 * 1024;
const SENT_FILE_TIMEOUT_MS = 10_000;
/** SharePoint may answer a download link with a redirect to the file's storage; a few are enough. */
const SENT_FILE_MAX_REDIRECTS = 3;

/** Where Teams' file download links point: the user's OneDrive, a SharePoint host of the tenant. */
const TEAMS_FILE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.sharepoint\.com$/i;

export interface SentFileReaderOptions {
  /** Local mode (no app id, as in tests and the Agents Playground): links to this machine are fetched too. */
  allowLoopback: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Whether the bot may follow a download link: https to a SharePoint host, or (local mode only) this machine. */
export function downloadAllowed(url: string, allowLoopback: boolean): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '') return false;
  if (u.protocol === 'https:' && TEAMS_FILE_HOST.test(u.hostname)) return true;
  return allowLoopback && (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
}

/**
 * Fetches a file sent in the personal chat: redirects followed only while they stay on the hosts the link
 * itself may use (never off Teams' hosts), within a timeout, and never more than `maxBytes` (the body is read in chunks and dropped beyond it).
 * The link is not logged: it grants access to the file for as long as it lives.
 */
export function createSentFileReader(o: SentFileReaderOptions): SentFileReader {
  const maxBytes = o.maxBytes ?? SENT_FILE_MAX_BYTES;
  const timeoutMs = o.timeoutMs ?? SENT_FILE_TIMEOUT_MS;
  const unreachable: FileDownload = { ok: false, reason: 'unreachable' };
  const tooLarge: FileDownload = { ok: false, reason: 'too_large' };
  return {
    maxBytes,
    async read(file: DownloadableFile): Promise<FileDownload> {
      if (!downloadAllowed(file.downloadUrl, o.allowLoopback)) return { ok: false, reason: 'refused' };
      try {
        const res = await fetchWithinHosts(file.downloadUrl, o.allowLoopback, AbortSignal.timeout(timeoutMs));
        if (!res || !res.ok || !res.body) {
          await res?.body?.cancel();
          return unreachable;
        }
        if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
          await res.body.cancel();
          return tooLarge;
        }
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.byteLength;
          // Leaving the loop cancels the rest of the body.
          if (size > maxBytes) return tooLarge;
          chunks.push(chunk);
        }
        return { ok: true, text: decodedText(Buffer.concat(chunks)) };
      } catch {
        return unreachable;
      }
    },
  };
}

/** The response at the end of at most SENT_FILE_MAX_REDIRECTS redirects, each to an allowed host; null when one leads elsewhere. */
async function fetchWithinHosts(url: string, allowLoopback: boolean, signal: AbortSignal): Promise<Response | null> {
  let next = url;
  for (let hop = 0; hop <= SENT_FILE_MAX_REDIRECTS; hop += 1) {
    const res = await fetch(next, { redirect: 'manual', signal });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || location === null) return res;
    await res.body?.cancel();
    next = new URL(location, next).toString();
    if (!downloadAllowed(next, allowLoopback)) return null;
  }
  return null;
}

/** UTF-8 (a BOM dropped); else Windows-1252, which Swedish Excel saves a "CSV (semikolonavgränsad)" in. */
export function decodedText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
