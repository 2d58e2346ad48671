import type { StoreDialect } from '../store-dialect';

/** Runs an insert whose row may already have been inserted by a concurrent writer; that is fine. */
export async function ignoreDuplicate(dialect: StoreDialect, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (!dialect.isUniqueViolation(error)) throw error;
  }
}

/**
 * Insert-or-update that both engines understand (SQLite has no MERGE, SQL Server no ON CONFLICT):
 * update first; if no row matched, insert; if a concurrent writer inserted meanwhile, update again.
 */
export async function upsert(
  dialect: StoreDialect, update: () => Promise<bigint>, insert: () => Promise<unknown>,
): Promise<void> {
  if ((await update()) > 0n) return;
  try {
    await insert();
  } catch (error) {
    if (!dialect.isUniqueViolation(error)) throw error;
    await update();
  }
}
