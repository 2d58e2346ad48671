import { foldText } from '../domain/place';
import { PROMISE_HEADER_WORDS } from '../cards/forms/promise-import-file';
import { SCHOOL_HEADER_WORDS } from '../cards/forms/school-csv';
import { plainText } from './command-parser';

// Which register a CSV file is for: said in the message ("löften import", "skolor import"), else read
// from the file's first line, which names the columns in both example files. Null: ask the user.

export type ImportKind = 'promises' | 'schools';

const SAID: [RegExp, ImportKind][] = [[/\b(loften|medborgarloften|promises)\b/, 'promises'], [/\b(skolor|skolregister|schools)\b/, 'schools']];

/** What the first cell of a header line says: typ;år;rubrik;… is the promise file, namn;stadier;plats the school register. */
const HEADER_FIRST: Record<string, ImportKind> = Object.fromEntries([
  ...PROMISE_HEADER_WORDS.map((word) => [word, 'promises'] as const), ...SCHOOL_HEADER_WORDS.map((word) => [word, 'schools'] as const),
]);

export function importKindOf(message: string, csv: string): ImportKind | null {
  const said = foldText(plainText(message));
  const named = SAID.filter(([words]) => words.test(said)).map(([, kind]) => kind);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) return null;
  const firstLine = csv.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const firstCell = foldText(firstLine.split(/[;,]/)[0] ?? '').replace(/"/g, '').trim();
  return HEADER_FIRST[firstCell] ?? null;
}
