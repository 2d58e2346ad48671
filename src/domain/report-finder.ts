import { foldText, placeKey } from './place';
import type { ReportListRepository } from './ports/store.port';
import type { Report, ReportSummary } from './report';
import type { ReportingService } from './reporting-service';
import type { ReportScope } from './scope';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES } from './vocabulary';

// Finding a report of the caller's scope by its number, place or category (the message extension's
// search and its report links). Only reports within the scope are ever looked at.

/** A report number as people write it: H-2026-0042 (incident) or A-2026-0007 (activity). */
export const REPORT_REF_PATTERN = /\b([HA])-(\d{4})-(\d{4,6})\b/i;

/** How many reports a search returns. */
export const REPORT_SEARCH = { results: 10 } as const;

/** The report number in `text`, upper-cased; null when there is none. */
export function reportRefIn(text: string): string | null {
  const match = REPORT_REF_PATTERN.exec(text);
  return match ? `${match[1]!.toUpperCase()}-${match[2]}-${match[3]}` : null;
}

const TOPICS: readonly string[] = [...INCIDENT_CATEGORIES, ...ACTIVITY_TYPES];

export class ReportFinder {
  constructor(
    private readonly reports: Pick<ReportListRepository, 'latest' | 'byRef' | 'search'>,
    private readonly reporting: Pick<ReportingService, 'get'>,
  ) {}

  /**
   * Reports of the scope, newest first, however old: the one with the number in `query`, or those whose
   * place or category (its code, or a label `labelsOf` gives for it) contains the query. An empty query
   * lists the newest.
   */
  async search(scope: ReportScope, query: string, labelsOf: (topic: string) => readonly string[]): Promise<ReportSummary[]> {
    const ref = reportRefIn(query);
    if (ref) {
      const found = await this.reports.byRef(scope, ref);
      return found ? [found] : [];
    }
    const wanted = foldText(query).trim();
    if (wanted === '') return this.reports.latest(scope, REPORT_SEARCH.results);
    const topics = TOPICS.filter((topic) => [topic, ...labelsOf(topic)].some((text) => foldText(text).includes(wanted)));
    return this.reports.search(scope, { placeKey: placeKey(query), topics }, REPORT_SEARCH.results);
  }

  /** The report with this number within the scope; null for a number from elsewhere or none at all. */
  async byRef(scope: ReportScope, ref: string): Promise<Report | null> {
    const wanted = reportRefIn(ref);
    if (!wanted) return null;
    const summary = await this.reports.byRef(scope, wanted);
    return summary ? this.reporting.get(scope, summary.kind, summary.id) : null;
  }
}
