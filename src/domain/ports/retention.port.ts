/** What one retention run removed in one tenant. */
export interface RetentionCount {
  tenantId: string;
  incidents: number;
  /** Visits to hot spots and talks with those concerned are activities too, and counted here. */
  activities: number;
  hotspots: number;
  measures: number;
  /** Profiles of users not seen since the cutoff, removed. */
  profiles: number;
}

/**
 * Old reports and hot spot work keep what the lägesbild, the hot spot counts and the effect
 * calculation count (when, where, what kind, which organisation, how many, which stage) and lose every
 * word and every person; users not seen for the period lose their profile.
 */
export interface RetentionRepository {
  /**
   * Anonymises, in one transaction, what is older than `cutoff` and not anonymised yet: reports that
   * happened before it, hot spots last changed before it (analysis and people), measures created
   * before it (text and person); and removes the profiles of users last seen before it. Counts per tenant.
   */
  anonymiseBefore(cutoff: Date, now: Date): Promise<RetentionCount[]>;
  /** Removes (or empties, for assessments) the other records older than their cutoff, in batches; counts per tenant. */
  removeRecordsBefore(cutoffs: RecordCutoffs): Promise<RecordRetentionCount[]>;
  /**
   * Makes what was removed gone from the files too, where the engine keeps old page images (SQLite:
   * checkpoints the write-ahead log and truncates it). `false` when that could not be done now.
   */
  eraseRemnants(): Promise<boolean>;
}

/**
 * The records besides reports that retention removes or empties, by kind (the names the housekeeping
 * log and the audit row's detail use):
 * - `assessments`: EST area assessments of weeks before the cutoff, whose reason text goes (the level stays);
 * - `nothingToReport`, `nudges`: EST "inget att rapportera" marks and nudge claims of meetings before it;
 * - `exports`: export links that expired before it; `callouts`: call-outs made before it, with recipients and timelines;
 * - `analyses`, `promises`, `meetings`, `priorities`: yearly documents (the lägesbild enligt lag's analysis,
 *   medborgarlöften with their commitments, strategic meetings, the EST's priority areas per tertial)
 *   of years before the document cutoff, removed.
 */
export const RECORD_KINDS = ['assessments', 'nothingToReport', 'nudges', 'exports', 'callouts', 'analyses', 'promises', 'meetings', 'priorities'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What one run removed of those records in one tenant; kinds with nothing removed are 0. */
export type RecordRetentionCount = { tenantId: string } & Record<RecordKind, number>;

/** When records are old: `cutoff` for the weekly and operational ones, `documentYear` for the yearly documents. */
export interface RecordCutoffs {
  /** The start of the day RETENTION_MONTHS ago. */
  cutoff: Date;
  /** Yearly documents of years before this one are removed. */
  documentYear: number;
}

