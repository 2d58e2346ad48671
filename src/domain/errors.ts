// Errors carry a code so that an edge can map them to a user message without string matching.
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid_transition'
  | 'store_unavailable'
  | 'submit_key_used';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/**
 * The store could not be reached, did not answer in time, or cannot write (disk full, read-only file);
 * the user's input must be kept. `reason` is the driver's short code (e.g. SQLITE_FULL), never its text.
 */
export class StoreUnavailableError extends DomainError {
  constructor(message = 'store unavailable', override readonly cause?: unknown, readonly reason?: string) {
    super('store_unavailable', message);
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'store_unavailable';
}

/**
 * A report with this submit key already exists in the tenant: the same card (or message) was
 * submitted before, or twice at once. Nothing was written by the call that got this.
 */
export class SubmitKeyUsedError extends DomainError {
  constructor() {
    super('submit_key_used', 'A report was already saved with this submit key');
    this.name = 'SubmitKeyUsedError';
  }
}

export function isSubmitKeyUsed(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'submit_key_used';
}
