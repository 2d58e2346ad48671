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
  /**
   * Makes what was removed gone from the files too, where the engine keeps old page images (SQLite:
   * checkpoints the write-ahead log and truncates it). `false` when that could not be done now.
   */
  eraseRemnants(): Promise<boolean>;
}
