// Errors carry a code so that an edge can map them to a user message without string matching.
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid_transition'
  | 'store_unavailable';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/** The store could not be reached or did not answer in time; the user's input must be kept. */
export class StoreUnavailableError extends DomainError {
  constructor(message = 'store unavailable', override readonly cause?: unknown) {
    super('store_unavailable', message);
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'store_unavailable';
}
