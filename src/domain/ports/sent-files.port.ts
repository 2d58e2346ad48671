// Files users send the bot. Teams hands a bot a file only in the personal (1:1) chat, and only with
// `supportsFiles` in the manifest: a message attachment of type file.download.info whose download link
// is pre-authorised and short-lived. Such a link is a secret, like a password: never logged or stored.

/** A file sent in the personal chat: its name and type as Teams gives them, and the link to fetch it once. */
export interface DownloadableFile {
  kind: 'download';
  name: string;
  /** The extension Teams reports ("csv"), without the dot. */
  fileType: string;
  downloadUrl: string;
}

/**
 * A file the message carries: one the bot can fetch; one `elsewhere` (a channel's or group chat's file
 * lies in SharePoint, reachable only through Microsoft Graph, which this bot does not use); or, in the
 * personal chat, one `linked` (shared from OneDrive or SharePoint rather than uploaded: no download link).
 */
export type MessageFile = DownloadableFile | { kind: 'elsewhere' } | { kind: 'linked' };

/** `refused`: not a link from Teams' file hosts; `unreachable`: no answer, an error status, or a timeout. */
export type FileDownload = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreachable' | 'refused' };

/** Fetches a sent file's text, at most `maxBytes` of it. */
export interface SentFileReader {
  readonly maxBytes: number;
  read(file: DownloadableFile): Promise<FileDownload>;
}
