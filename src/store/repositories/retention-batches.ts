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
