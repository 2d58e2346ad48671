import {
  MssqlAdapter, MssqlIntrospector,
  type CompiledQuery, type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter,
  type Driver, type Kysely, type QueryCompiler, type QueryResult, type TransactionSettings,
} from 'kysely';
import mssql from 'mssql';
import { LimitAsTopMssqlQueryCompiler } from './mssql-query-compiler';

// Kysely's own MssqlDialect drives tedious directly; this one goes through the `mssql` package's
// ConnectionPool (its pooling, timeouts and reconnects), keeping Kysely's T-SQL compiler and adapter.

// The parts of mssql's ConnectionPool, Transaction and Request used here, so that tests can hand in fakes.
export type MssqlType = mssql.ISqlType | (() => mssql.ISqlType);

export interface MssqlRequest {
  input(name: string, type: MssqlType, value: unknown): unknown;
  query<R>(sql: string): Promise<{ recordset?: R[]; rowsAffected: number[] }>;
}

export interface MssqlTransaction {
  begin(isolationLevel?: number): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  request(): MssqlRequest;
}

export interface MssqlPool {
  connect(): Promise<unknown>;
  close(): Promise<void>;
  request(): MssqlRequest;
  transaction(): MssqlTransaction;
}

export class MssqlPoolDialect implements Dialect {
  constructor(private readonly pool: MssqlPool) {}

  createDriver(): Driver {
    return new MssqlPoolDriver(this.pool);
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
  constructor(private readonly pool: MssqlPool) {}

  async init(): Promise<void> {
    await this.pool.connect();
  }

  /** A "connection" is cheap: the pool lends a real one per request, or per transaction. */
  async acquireConnection(): Promise<DatabaseConnection> {
    return new MssqlPoolConnection(this.pool);
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

export class MssqlPoolConnection implements DatabaseConnection {
  #transaction: MssqlTransaction | null = null;

  constructor(private readonly pool: MssqlPool) {}

  async begin(settings: TransactionSettings): Promise<void> {
    const transaction = this.pool.transaction();
    await transaction.begin(settings.isolationLevel ? ISOLATION_LEVELS[settings.isolationLevel] : undefined);
    this.#transaction = transaction;
  }

  async commit(): Promise<void> {
    const transaction = this.#requireTransaction();
    this.#transaction = null;
    await transaction.commit();
  }

  async rollback(): Promise<void> {
    const transaction = this.#requireTransaction();
    this.#transaction = null;
    try {
      await transaction.rollback();
    } catch (error) {
      // The server already rolled it back (XACT_ABORT, deadlock): the error that caused that is the one to report.
      if ((error as { code?: unknown }).code !== 'EABORT') throw error;
    }
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const request = this.#transaction ? this.#transaction.request() : this.pool.request();
    // Kysely's SQL Server compiler numbers placeholders @1, @2, … in parameter order.
    compiledQuery.parameters.forEach((value, index) => request.input(String(index + 1), sqlTypeOf(value), value));
    const result = await request.query<R>(compiledQuery.sql);
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
