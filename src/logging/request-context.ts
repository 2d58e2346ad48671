import { AsyncLocalStorage } from 'node:async_hooks';

/** The request a log line belongs to, carried through every await of that request's work. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();
