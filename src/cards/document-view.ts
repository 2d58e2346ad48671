import type { KeyedYear, YearCompared } from '../domain/annual/annual-report';
import type { Period } from '../domain/periods';
import { format, messages, type Locale } from '../i18n/messages';
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
  locale: Locale, r: { year: number; period: Period; generatedAt: Date }, title: string, subtitle: string, sections: AnnualSection[],
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
