import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema';

/**
 * What the shared repositories must know about a database engine besides the SQL that Kysely writes:
 * how it reports a duplicate key and how it says that it cannot be reached or cannot write.
 */
export interface StoreDialect {
  readonly kind: 'sqlite' | 'mssql';
  /** A unique or primary key constraint refused an insert (e.g. a concurrent insert won the race). */
  isUniqueViolation(error: unknown): boolean;
  /** A foreign key refused a write: the row referred to went away meanwhile (a concurrent merge or delete). */
  isReferenceViolation(error: unknown): boolean;
  /**
   * The engine ended the transaction to break a deadlock and rolled all of it back: the operation can
   * simply run again.
   */
  isDeadlock(error: unknown): boolean;
  /**
   * The text compared and grouped byte by byte, whatever the database's collation: SQLite does so
   * anyway; SQL Server is told a binary collation.
   */
  exactText(text: RawBuilder<string>): RawBuilder<string>;
  /** The database is closed, unreachable, busy past its timeout, full or read-only: try again later. */
  isUnavailable(error: unknown): boolean;
  /**
   * Why the database cannot serve, as a short code for a log line (SQLITE_FULL, SQLITE_READONLY,
   * MSSQL_9002, ETIMEOUT, closed…), or null when the error is not one of unavailability. Never the
   * driver's message: that can quote the data that was being written.
   */
  unavailableCause(error: unknown): string | null;
  /**
   * After retention removed text: makes sure no old page image with it stays in the engine's files
   * (SQLite: the write-ahead log). `false` when that could not be done now. Absent: nothing to do.
   */
  eraseRemnants?(db: Kysely<Database>): Promise<boolean>;
}

/** Reads a property of an unknown error without trusting its shape. */
export function errorProperty(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}
