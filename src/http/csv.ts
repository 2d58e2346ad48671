// CSV that opens right in Swedish Excel: UTF-8 with a byte-order mark (else Excel guesses the code
// page and breaks å, ä, ö), semicolons (the list separator where the decimal mark is a comma), CRLF.

const BOM = '\uFEFF';

/**
 * One cell. A value starting with = + - @ (or a tab or carriage return) would be read by a spreadsheet
 * as a formula: it gets a leading apostrophe (CSV formula injection, OWASP). Cells with the separator,
 * quotes or line breaks are quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
