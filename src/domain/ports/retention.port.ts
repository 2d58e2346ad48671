/** Old reports keep what the lägesbild counts (when, where, what, which organisation, how many) and lose the rest. */
export interface RetentionRepository {
  /** Anonymises reports that happened before `cutoff` and are not anonymised yet; returns how many. */
  anonymiseBefore(cutoff: Date, now: Date): Promise<{ incidents: number; activities: number }>;
}
