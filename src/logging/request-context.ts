import { AsyncLocalStorage } from 'node:async_hooks';

// What a request carries through every await of its work: the id its log lines name, what its turn
// changed (src/bot/shared-card-updater.ts). One AsyncLocalStorage for all of it: on Node 20 every
// AsyncLocalStorage in use adds work to each promise made, and a report submit makes hundreds (issue 14).

/** One value a request carries, known by its key: only code holding the key reads or sets it. */
export class ContextKey<T> {
  /** Phantom field: ties the value's type to the key at compile time. */
  declare readonly __value?: T;
  constructor(readonly name: string) {}
}

const storage = new AsyncLocalStorage<ReadonlyMap<ContextKey<unknown>, unknown>>();

/** Runs `run` with `key` set to `value` (the values set around it kept) through every await of its work. */
export function runWith<T, R>(key: ContextKey<T>, value: T, run: () => R): R {
  const values = new Map(storage.getStore());
  values.set(key, value);
  return storage.run(values, run);
}

/** The value of `key` in the work running now, if that work was started with one. */
export function contextValue<T>(key: ContextKey<T>): T | undefined {
  return storage.getStore()?.get(key) as T | undefined;
}

/** The request a log line belongs to. */
export const REQUEST_ID = new ContextKey<string>('requestId');

/**
 * Runs `run` with none of the values of the work running now but its request id: work that outlives
 * the request (started after its answer) keeps the id its log lines name and nothing of its turn.
 */
export function runDetached<R>(run: () => R): R {
  const requestId = contextValue(REQUEST_ID);
  return storage.run(new Map<ContextKey<unknown>, unknown>(requestId === undefined ? [] : [[REQUEST_ID, requestId]]), run);
}
