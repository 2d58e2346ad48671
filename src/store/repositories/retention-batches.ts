// What retention's statements share: the word that replaces removed text, and the batches.

/** Replaces removed free text where a column cannot be emptied (the lägesbild and counts still read the row). */
export const REMOVED = '[borttagen enligt gallringsregel]';

/**
 * Rows changed per statement. Each batch is one short statement, so that retention never holds locks on
 * a whole table of a busy SQL Server, and the counts are the rows the statements really changed (a row
 * a concurrent writer changed between a count and an update would otherwise be counted wrong). A run
 * stopped half-way is finished by the next: anonymised rows no longer match.
 */
export const RETENTION_BATCH = 500;

/** Runs `batch` until one changes fewer rows than a batch holds; the rows changed in all. */
export async function inBatches(batch: (size: number) => Promise<bigint>): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = Number(await batch(RETENTION_BATCH));
    total += changed;
    if (changed < RETENTION_BATCH) return total;
  }
}

/**
 * Each tenant's counts of one retention run: a tenant appears once something of it changed, with every
 * other kind at 0. `add` adds the rows one statement (or its batches) changed.
 */
export function tenantTally<K extends string>(kinds: readonly K[]) {
  type Count = { tenantId: string } & Record<K, number>;
  const counts = new Map<string, Count>();
  return {
    add(tenantId: string, kind: K, changed: number): void {
      if (changed === 0) return;
      let count = counts.get(tenantId);
      if (!count) counts.set(tenantId, (count = { tenantId, ...Object.fromEntries(kinds.map((k) => [k, 0])) } as Count));
      (count as Record<K, number>)[kind] += changed;
    },
    counts: (): Count[] => [...counts.values()],
  };
}
