import { Kysely } from 'kysely';
import type { Store } from '../../src/domain/ports/store.port';
import { createKyselyStore } from '../../src/store/kysely-store';
import { mssqlDialect } from '../../src/store/mssql/mssql-dialect';
import { MssqlPoolDialect, type MssqlPool, type MssqlRequest, type MssqlRequestOptions, type MssqlTransaction, type MssqlType } from '../../src/store/mssql/mssql-driver';
import type { Database } from '../../src/store/schema';

/** What the fake saw of one request: its SQL, its typed inputs, and the transaction it ran in. */
export interface SeenRequest {
  sql: string;
  inputs: { name: string; type: MssqlType; value: unknown }[];
  transaction: FakeMssqlTransaction | null;
  /** The request timeout asked for, when the request overrode the pool's. */
  requestTimeout: number | undefined;
}

export type FakeAnswer = { recordset?: unknown[]; rowsAffected: number[] };

/** Stands in for mssql's ConnectionPool: records every request and answers with `answer`. */
export class FakeMssqlPool implements MssqlPool {
  readonly requests: SeenRequest[] = [];
  readonly transactions: FakeMssqlTransaction[] = [];
  connected = false;
  closed = false;
  connects = 0;
  /** Set to make the next commits fail as a lost connection does; mssql then refuses a rollback too. */
  commitFailure: Error | null = null;
  /** Answers each request, from its SQL and its parameters' values (@1, @2, … in order). */
  answer: (sql: string, values: unknown[]) => FakeAnswer | Error | Promise<FakeAnswer> = () => ({ rowsAffected: [0] });

  async connect(): Promise<void> {
    if (this.connected) throw Object.assign(new Error('Database is already connected!'), { code: 'EALREADYCONNECTED' });
    this.connects += 1;
    this.connected = true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  request(options?: MssqlRequestOptions): MssqlRequest {
    return new FakeMssqlRequest(this, null, options);
  }

  transaction(): FakeMssqlTransaction {
    const transaction = new FakeMssqlTransaction(this);
    this.transactions.push(transaction);
    return transaction;
  }
}

export class FakeMssqlTransaction implements MssqlTransaction {
  state: 'new' | 'begun' | 'committed' | 'failed' | 'rolled back' = 'new';
  isolationLevel: number | undefined;
  /** Set to make rollback fail the way mssql does once the server has aborted the transaction. */
  abortedByServer = false;

  constructor(private readonly pool: FakeMssqlPool) {}

  async begin(isolationLevel?: number): Promise<this> {
    this.isolationLevel = isolationLevel;
    this.state = 'begun';
    return this;
  }

  rollbacks = 0;

  async commit(): Promise<void> {
    if (this.state !== 'begun') throw Object.assign(new Error('Transaction has not begun. Call begin() first.'), { code: 'ENOTBEGUN' });
    if (this.pool.commitFailure) {
      this.state = 'failed';
      throw this.pool.commitFailure;
    }
    this.state = 'committed';
  }

  async rollback(): Promise<void> {
    this.rollbacks += 1;
    if (this.abortedByServer) throw Object.assign(new Error('Transaction has been aborted.'), { code: 'EABORT' });
    if (this.state !== 'begun') throw Object.assign(new Error('Transaction has not begun. Call begin() first.'), { code: 'ENOTBEGUN' });
    this.state = 'rolled back';
  }

  request(options?: MssqlRequestOptions): MssqlRequest {
    if (this.state !== 'begun') throw new Error(`request on a ${this.state} transaction`);
    return new FakeMssqlRequest(this.pool, this, options);
  }
}

class FakeMssqlRequest implements MssqlRequest {
  private readonly seen: SeenRequest;

  constructor(private readonly pool: FakeMssqlPool, transaction: FakeMssqlTransaction | null, options?: MssqlRequestOptions) {
    this.seen = { sql: '', inputs: [], transaction, requestTimeout: options?.requestTimeout };
  }

  input(name: string, type: MssqlType, value: unknown): this {
    this.seen.inputs.push({ name, type, value });
    return this;
  }

  async query<R>(sql: string): Promise<{ recordset?: R[]; rowsAffected: number[] }> {
    this.seen.sql = sql;
    this.pool.requests.push(this.seen);
    const answer = await this.pool.answer(sql, this.seen.inputs.map((i) => i.value));
    if (answer instanceof Error) throw answer;
    return answer as { recordset?: R[]; rowsAffected: number[] };
  }
}

/** The SQL Server store over a fake pool: what the repositories send, answered by `pool.answer`. */
export function fakeMssqlStore(): { pool: FakeMssqlPool; store: Store } {
  const pool = new FakeMssqlPool();
  return { pool, store: createKyselyStore(new Kysely<Database>({ dialect: new MssqlPoolDialect(pool) }), mssqlDialect) };
}

/** A fresh fake-pool store for each test of the calling suite (mocha hooks), closed after it. */
export function useFakeMssqlStore(): () => { pool: FakeMssqlPool; store: Store } {
  let current: { pool: FakeMssqlPool; store: Store } | undefined;
  beforeEach(function () {
    current = fakeMssqlStore();
  });
  afterEach(async function () {
    await current?.store.close();
  });
  return () => {
    if (!current) throw new Error('useFakeMssqlStore: only inside a test');
    return current;
  };
}
