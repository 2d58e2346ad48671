import {
  MssqlAdapter, MssqlIntrospector,
  type CompiledQuery, type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter,
  type Driver, type Kysely, type QueryCompiler, type QueryResult, type TransactionSettings,
} from 'kysely';
import mssql from 'mssql';
import { LimitAsTopMssqlQueryCompiler } from './mssql-query-compiler';

// Kysely's own MssqlDialect drives tedious directly (tarn pool, savepoints, streaming); this one goes
// through the `mssql` package's ConnectionPool (its pooling, timeouts and reconnects), keeping Kysely's
// T-SQL compiler and adapter. Kept, after weighing a move (issue 17), because: the store uses neither
// savepoints nor streaming; a request timeout per Kysely instance (migrations) is one option of mssql's
// request, while tedious takes it per connection; mssql's typed errors and codes are what the error
// mapping and its tests are written against; and a fake of this small pool interface lets every
// transaction path be tested without a server. Its transaction path is this file's, tested in
// test/store/mssql-driver.test.ts.

// The parts of mssql's ConnectionPool, Transaction and Request used here, so that tests can hand in fakes.
export type MssqlType = mssql.ISqlType | (() => mssql.ISqlType);

export interface MssqlRequest {
  input(name: string, type: MssqlType, value: unknown): unknown;
  query<R>(sql: string): Promise<{ recordset?: R[]; rowsAffected: number[] }>;
}

/** mssql (12+) lets each request override the pool's request timeout. */
export interface MssqlRequestOptions {
  requestTimeout?: number;
}

export interface MssqlTransaction {
  begin(isolationLevel?: number): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  request(options?: MssqlRequestOptions): MssqlRequest;
}

export interface MssqlPool {
  readonly connected: boolean;
  connect(): Promise<unknown>;
  close(): Promise<void>;
  request(options?: MssqlRequestOptions): MssqlRequest;
  transaction(): MssqlTransaction;
}

export interface MssqlPoolDialectOptions {
  /**
   * Overrides the pool's request timeout for every request of this Kysely instance: migrations wait up
   * to a minute for the migration lock and may build indexes, far longer than a user's request may take.
   */
  requestTimeoutMs?: number;
}

export class MssqlPoolDialect implements Dialect {
  constructor(private readonly pool: MssqlPool, private readonly options: MssqlPoolDialectOptions = {}) {}

  createDriver(): Driver {
    return new MssqlPoolDriver(this.pool, this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new LimitAsTopMssqlQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new MssqlAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new MssqlIntrospector(db);
  }
}

export class MssqlPoolDriver implements Driver {
  constructor(private readonly pool: MssqlPool, private readonly options: MssqlPoolDialectOptions = {}) {}

  async init(): Promise<void> {
    // The migrations' Kysely and the store's share one pool; mssql refuses to connect a pool twice.
    if (!this.pool.connected) await this.pool.connect();
  }

  /** A "connection" is cheap: the pool lends a real one per request, or per transaction. */
  async acquireConnection(): Promise<DatabaseConnection> {
    return new MssqlPoolConnection(this.pool, this.options.requestTimeoutMs);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await asPoolConnection(connection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asPoolConnection(connection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asPoolConnection(connection).rollback();
  }

  async releaseConnection(): Promise<void> {
    // Nothing is held between requests; a transaction gives its connection back on commit or rollback.
  }

  async destroy(): Promise<void> {
    await this.pool.close();
  }
}

const ISOLATION_LEVELS: Record<NonNullable<TransactionSettings['isolationLevel']>, number> = {
  'read uncommitted': mssql.ISOLATION_LEVEL.READ_UNCOMMITTED,
  'read committed': mssql.ISOLATION_LEVEL.READ_COMMITTED,
  'repeatable read': mssql.ISOLATION_LEVEL.REPEATABLE_READ,
  serializable: mssql.ISOLATION_LEVEL.SERIALIZABLE,
  snapshot: mssql.ISOLATION_LEVEL.SNAPSHOT,
};

/**
 * Insert, update, delete and merge statements get `SET NOCOUNT OFF` in front: optimistic updates and
 * retention read the affected-row count, which a server or login with NOCOUNT ON (a "user options"
 * setting) would leave at zero. The setting lasts for the session, so it also holds for what follows.
 */
const WRITE_STATEMENT = /^\s*(insert|update|delete|merge)\b/i;
export const NOCOUNT_OFF = 'SET NOCOUNT OFF;\n';

export function withRowCounts(sqlText: string): string {
  return WRITE_STATEMENT.test(sqlText) ? NOCOUNT_OFF + sqlText : sqlText;
}

/**
 * Kysely calls rollback after any failure inside a transaction, a failed commit included, and reports
 * the rollback's error instead of the first one when the rollback fails too. So the transaction stays
 * known until it has really ended, a rollback after a failed commit (which the server has already
 * ended) keeps quiet, and a second rollback does nothing.
 */
export class MssqlPoolConnection implements DatabaseConnection {
  #transaction: MssqlTransaction | null = null;
  #commitFailed = false;

  constructor(private readonly pool: MssqlPool, private readonly requestTimeoutMs?: number) {}

  async begin(settings: TransactionSettings): Promise<void> {
    const transaction = this.pool.transaction();
    await transaction.begin(settings.isolationLevel ? ISOLATION_LEVELS[settings.isolationLevel] : undefined);
    this.#transaction = transaction;
    this.#commitFailed = false;
  }

  async commit(): Promise<void> {
    const transaction = this.#requireTransaction();
    try {
      await transaction.commit();
      this.#transaction = null;
    } catch (error) {
      this.#commitFailed = true;
      throw error;
    }
  }

  async rollback(): Promise<void> {
    const transaction = this.#transaction;
    if (!transaction) return;
    this.#transaction = null;
    try {
      await transaction.rollback();
    } catch (error) {
      // The server already ended it (a failed commit, XACT_ABORT, a deadlock): the error that caused
      // that is the one to report, and Kysely reports it once this rollback returns.
      if (!this.#commitFailed && (error as { code?: unknown }).code !== 'EABORT') throw error;
    }
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const options = this.requestTimeoutMs === undefined ? undefined : { requestTimeout: this.requestTimeoutMs };
    const request = this.#transaction ? this.#transaction.request(options) : this.pool.request(options);
    // Kysely's SQL Server compiler numbers placeholders @1, @2, … in parameter order.
    compiledQuery.parameters.forEach((value, index) => request.input(String(index + 1), sqlTypeOf(value), value));
    const result = await request.query<R>(withRowCounts(compiledQuery.sql));
    const affected = result.rowsAffected.reduce((sum, count) => sum + count, 0);
    return { rows: result.recordset ?? [], numAffectedRows: BigInt(affected) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported by the mssql pool driver');
  }

  #requireTransaction(): MssqlTransaction {
    if (!this.#transaction) throw new Error('No transaction has begun on this connection');
    return this.#transaction;
  }
}

function asPoolConnection(connection: DatabaseConnection): MssqlPoolConnection {
  if (!(connection instanceof MssqlPoolConnection)) throw new Error('Not a connection of the mssql pool driver');
  return connection;
}

/**
 * Declares each parameter's type rather than letting mssql guess: times as DATETIME2(3) (mssql would
 * pick the older, coarser DATETIME) and text as NVARCHAR so that Swedish letters survive.
 */
export function sqlTypeOf(value: unknown): MssqlType {
  if (value === null || value === undefined || typeof value === 'string') return mssql.NVarChar;
  if (value instanceof Date) return mssql.DateTime2(3);
  if (typeof value === 'boolean') return mssql.Bit;
  if (typeof value === 'bigint') return mssql.BigInt;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return mssql.Float;
    return value >= -2_147_483_648 && value <= 2_147_483_647 ? mssql.Int : mssql.BigInt;
  }
  if (Buffer.isBuffer(value)) return mssql.VarBinary(mssql.MAX);
  throw new TypeError(`Cannot send a ${typeof value} parameter to SQL Server`);
}
