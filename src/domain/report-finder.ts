import { foldText } from './place';
import type { ReportListRepository } from './ports/store.port';
import type { Report, ReportSummary } from './report';
import type { ReportingService } from './reporting-service';
import type { ReportScope } from './scope';

// Finding a report of the caller's scope by its number, place or category (the message extension's
// search and its report links). Only reports within the scope are ever looked at.

/** A report number as people write it: H-2026-0042 (incident) or A-2026-0007 (activity). */
export const REPORT_REF_PATTERN = /\b([HA])-(\d{4})-(\d{4,6})\b/i;

/** How many of the scope's newest reports a search looks through, and how many it returns. */
export const REPORT_SEARCH = { window: 500, results: 10 } as const;

/** The report number in `text`, upper-cased; null when there is none. */
export function reportRefIn(text: string): string | null {
  const match = REPORT_REF_PATTERN.exec(text);
  return match ? `${match[1]!.toUpperCase()}-${match[2]}-${match[3]}` : null;
}

export class ReportFinder {
  constructor(
    private readonly reports: Pick<ReportListRepository, 'latest'>,
    private readonly reporting: Pick<ReportingService, 'get'>,
  ) {}

  /**
   * Reports of the scope, newest first: the one with the number in `query`, or those whose place or
   * category (its code, or a label `labelsOf` gives for it) contains the query. An empty query lists
   * the newest.
   */
  async search(scope: ReportScope, query: string, labelsOf: (topic: string) => readonly string[]): Promise<ReportSummary[]> {
    const all = await this.reports.latest(scope, REPORT_SEARCH.window);
    const ref = reportRefIn(query);
    if (ref) return all.filter((r) => r.ref === ref);
    const wanted = foldText(query).trim();
    if (wanted === '') return all.slice(0, REPORT_SEARCH.results);
    const matches = (r: ReportSummary) => [r.placeName ?? '', r.topic, ...labelsOf(r.topic)].some((text) => foldText(text).includes(wanted));
    return all.filter(matches).slice(0, REPORT_SEARCH.results);
  }

  /** The report with this number within the scope; null for a number from elsewhere or none at all. */
  async byRef(scope: ReportScope, ref: string): Promise<Report | null> {
    const wanted = reportRefIn(ref);
    if (!wanted) return null;
    const summary = (await this.reports.latest(scope, REPORT_SEARCH.window)).find((r) => r.ref === wanted);
    return summary ? this.reporting.get(scope, summary.kind, summary.id) : null;
  }
}
