import { StoreUnavailableError } from '../domain/errors';
import type { StoreDialect } from './store-dialect';

export interface StoreGuard {
  /** Runs a store operation; a closed or unreachable database surfaces as StoreUnavailableError. */
  run<T>(operation: () => Promise<T>): Promise<T>;
}

export function createStoreGuard(dialect: StoreDialect, isClosed: () => boolean): StoreGuard {
  return {
    async run(operation) {
      if (isClosed()) throw new StoreUnavailableError('The store is closed');
      try {
        return await operation();
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
        if (isClosed() || dialect.isUnavailable(error)) {
          throw new StoreUnavailableError(`The ${dialect.kind} store is unavailable`, error);
        }
        throw error;
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
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
