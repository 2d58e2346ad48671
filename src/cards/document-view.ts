import type { KeyedYear, QuarterYear, SchoolYear, YearCompared, YearDocumentOf } from '../domain/annual/annual-report';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import { formatDay, formatWhen } from './formatting';

// A yearly document in the reader's language (the årsrapport, the lägesbild enligt lag): sections of
// headings, a source line, text and tables. The printable page and the Word file both render this view,
// so they cannot say different things. Here too the pieces both documents build their tables from: a
// count of the year against the year before, with its change, and a table left out when it has no rows.

export type AnnualCell = string | number;

export interface AnnualTable {
  header: string[];
  rows: AnnualCell[][];
}

export interface AnnualSection {
  title: string;
  /** Where the section's figures come from. */
  source: string;
  paragraphs: string[];
  tables: AnnualTable[];
}

export interface AnnualReportView {
  lang: Locale;
  title: string;
  subtitle: string;
  /** Set while the year is running. */
  partial: string | null;
  sections: AnnualSection[];
  generated: string;
}

/** A document of a year: its title, a note while the year runs (compared with the same part of the year before), when it was made. */
export function yearDocument(
  locale: Locale, r: Omit<YearDocumentOf, 'scope'>, title: string, subtitle: string, sections: AnnualSection[],
): AnnualReportView {
  const a = messages(locale).annual;
  const zone = r.period.zone;
  return {
    lang: locale, title, subtitle,
    partial: r.period.partial ? format(a.partial, { day: formatDay(r.period.lastDay, locale, zone), previous: r.year - 1 }) : null,
    sections,
    generated: format(a.generated, { at: formatWhen(r.generatedAt, locale, zone) }),
  };
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** The tables and lines both yearly documents build from counts of the year against the year before, in the årsrapport's words. */
export function yearTables(year: number, a: Catalogue['annual']) {
  const change = (x: YearCompared) => signed(x.count - x.previousYear);
  const rowsBy = <T extends YearCompared>(items: readonly T[], label: (x: T) => string): AnnualCell[][] =>
    items.map((x) => [label(x), x.count, x.previousYear, change(x)]);
  return {
    change,
    yearHeader: (first: string) => [first, String(year), String(year - 1), a.columns.change],
    rowsBy,
    yearRows: (items: readonly KeyedYear[], name: (key: string) => string) => rowsBy(items, (x) => name(x.key)),
    quarterRows: (quarters: readonly QuarterYear[]) => rowsBy(quarters, (q) => format(a.quarter, { quarter: q.quarter })),
    /** A row a school: its counts and the young people involved (unknown where none were told). */
    schoolRows: (bySchool: readonly SchoolYear[]): AnnualCell[][] =>
      bySchool.map((s) => [s.key, s.count, s.previousYear, change(s), s.youth ?? a.unknown]),
    /** "Totalt N händelser (M år Y, ±D).": the year's incidents against the year before. */
    total: (x: YearCompared) => format(a.total, { count: x.count, previous: x.previousYear, previousYear: year - 1, change: change(x) }),
    /** A paragraph saying "none" where a table has no rows. */
    none: (rows: AnnualCell[][]) => (rows.length === 0 ? [a.none] : []),
    table: (header: string[], rows: AnnualCell[][]): AnnualTable[] => (rows.length === 0 ? [] : [{ header, rows }]),
  };
}
