import { parse } from 'csv-parse/sync';
import { foldText } from '../../domain/place';

/** The first column's name in a header line (typ;år;rubrik;…), folded. */
export const PROMISE_HEADER_WORDS: readonly string[] = ['typ', 'type', 'kind'];
import type { ImportError, ImportRow } from '../../domain/promises/promise-import';

// An import file of medborgarlöften, as CSV (semicolon-separated, as Swedish Excel saves it), read
// into the lines the domain checks. Columns: typ;år;rubrik;text;organisationer;från;till. A first line
// naming the columns is skipped. Line numbers are the file's own, for the messages.

const COLUMNS = ['kind', 'year', 'title', 'text', 'organisations', 'from', 'to'] as const;

export type ImportFile = { ok: true; rows: ImportRow[] } | { ok: false; error: ImportError };

export function readImportFile(csv: string): ImportFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { delimiter: ';', relax_column_count: true, skip_empty_lines: true, info: true, bom: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    // csv-parse says where: "Invalid Closing Quote: … at line 3"; only its code and line are shown.
    const line = typeof error === 'object' && error && 'lines' in error ? Number((error as { lines: unknown }).lines) : 0;
    const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : 'CSV';
    return { ok: false, error: { line: Number.isFinite(line) ? line : 0, code: 'unreadable', detail: code } };
  }
  const rows = records
    .filter((r) => r.record.some((cell) => cell !== ''))
    .map(({ record, info }) => ({ line: info.lines, ...Object.fromEntries(COLUMNS.map((c, i) => [c, record[i] ?? ''])) }) as ImportRow);
  const first = rows[0];
  if (first && PROMISE_HEADER_WORDS.includes(foldText(first.kind))) rows.shift();
  return { ok: true, rows };
}

/**
 * The lines pasted after the command in a Teams message: Teams sends a message as light HTML (lines as
 * <p> or <br>), which is turned back into plain lines; everything up to the command word is dropped.
 */
export function pastedLines(message: string, commandWord: RegExp): string {
  const plain = message
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n');
  const found = commandWord.exec(plain);
  return found ? plain.slice(found.index + found[0].length).replace(/^[ \t]*\n/, '') : plain;
}
