import { StoreUnavailableError } from '../domain/errors';
import type { StoreDialect } from './store-dialect';
import type { StoreLogger } from './store-logger';

export interface StoreGuard {
  /**
   * Runs a store operation; a closed, unreachable, full or read-only database surfaces as
   * StoreUnavailableError, with one structured log line naming the cause (a code, never the driver's text).
   */
  run<T>(operation: () => Promise<T>): Promise<T>;
}

/**
 * How often an operation runs when the engine keeps choosing it as deadlock victim. Safe because a
 * victim's transaction is rolled back whole, and every repository method that writes more than one
 * statement does so in one transaction (single statements are atomic, and the repeated inserts are
 * upserts or guarded by unique keys).
 */
export const DEADLOCK_ATTEMPTS = 3;

export function createStoreGuard(dialect: StoreDialect, isClosed: () => boolean, logger?: StoreLogger): StoreGuard {
  /** What the caller gets for an error: StoreUnavailableError with one log line when the database cannot serve, else the error. */
  const surfaced = (error: unknown): unknown => {
    if (error instanceof StoreUnavailableError) return error;
    const cause = dialect.unavailableCause(error) ?? (isClosed() ? 'closed' : null);
    if (cause === null) return error;
    // Closed while the operation ran: the bot is stopping, which is no fault of the database.
    const level = cause === 'closed' ? 'warn' : 'error';
    logger?.[level]({ event: 'store_unavailable', store: dialect.kind, cause }, 'store operation failed: the database is unavailable');
    return new StoreUnavailableError(`The ${dialect.kind} store is unavailable (${cause})`, error, cause);
  };
  return {
    // One async frame around every repository call (it runs about ten times per report submit).
    async run(operation) {
      if (isClosed()) throw new StoreUnavailableError('The store is closed', undefined, 'closed');
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await operation();
        } catch (error) {
          if (attempt >= DEADLOCK_ATTEMPTS || !dialect.isDeadlock(error) || isClosed()) throw surfaced(error);
          logger?.warn({ event: 'store_deadlock_retry', store: dialect.kind, attempt }, 'store operation chosen as deadlock victim; running it again');
        }
      }
    },
  };
}

type AsyncMethods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };

/** The same repository with every method run through the guard. */
export function guardRepository<T extends AsyncMethods<T>>(repository: T, guard: StoreGuard): T {
  const guarded: Partial<T> = {};
  for (const key of Object.keys(repository) as (keyof T)[]) {
    const method = repository[key] as (...args: unknown[]) => Promise<unknown>;
    guarded[key] = ((...args: unknown[]) => guard.run(() => method(...args))) as T[keyof T];
  }
  return guarded as T;
}

/** Resolves with the promise, or rejects once `ms` have passed: for callers that must answer in time. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} did not answer within ${ms} ms`), { code: 'timeout' })), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
