/** How many reports of one tenant a retention run anonymised. */
export interface RetentionCount {
  tenantId: string;
  incidents: number;
  activities: number;
}

/** Old reports keep what the lägesbild counts (when, where, what, which organisation, how many) and lose the rest. */
export interface RetentionRepository {
  /** Anonymises reports that happened before `cutoff` and are not anonymised yet; counts per tenant. */
  anonymiseBefore(cutoff: Date, now: Date): Promise<RetentionCount[]>;
}
