import type { KeyedYear, YearCompared } from '../domain/annual/annual-report';
import type { AnnualCell, AnnualTable } from './annual-report-view';

// The pieces the yearly documents (årsrapport, lägesbild enligt lag) build their tables from: a count of
// the year against the year before, with its change, and a table left out when it has no rows.

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

export function yearTables(year: number, words: { change: string; none: string }) {
  const change = (x: YearCompared) => signed(x.count - x.previousYear);
  return {
    change,
    yearHeader: (first: string) => [first, String(year), String(year - 1), words.change],
    yearRows: (items: readonly KeyedYear[], name: (key: string) => string): AnnualCell[][] =>
      items.map((x) => [name(x.key), x.count, x.previousYear, change(x)]),
    /** A paragraph saying "none" where a table has no rows. */
    none: (rows: AnnualCell[][]) => (rows.length === 0 ? [words.none] : []),
    table: (header: string[], rows: AnnualCell[][]): AnnualTable[] => (rows.length === 0 ? [] : [{ header, rows }]),
  };
}
