/**
 * What the shared repositories must know about a database engine besides the SQL that Kysely writes:
 * how it reports a duplicate key and how it says that it cannot be reached.
 */
export interface StoreDialect {
  readonly kind: 'sqlite' | 'mssql';
  /** A unique or primary key constraint refused an insert (e.g. a concurrent insert won the race). */
  isUniqueViolation(error: unknown): boolean;
  /** The database is closed, unreachable, busy past its timeout or failing its disk: try again later. */
  isUnavailable(error: unknown): boolean;
}

/** Reads a property of an unknown error without trusting its shape. */
export function errorProperty(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}
