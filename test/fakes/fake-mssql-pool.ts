import type { MssqlPool, MssqlRequest, MssqlTransaction, MssqlType } from '../../src/store/mssql/mssql-driver';

/** What the fake saw of one request: its SQL, its typed inputs, and the transaction it ran in. */
export interface SeenRequest {
  sql: string;
  inputs: { name: string; type: MssqlType; value: unknown }[];
  transaction: FakeMssqlTransaction | null;
}

export type FakeAnswer = { recordset?: unknown[]; rowsAffected: number[] };

/** Stands in for mssql's ConnectionPool: records every request and answers with `answer`. */
export class FakeMssqlPool implements MssqlPool {
  readonly requests: SeenRequest[] = [];
  readonly transactions: FakeMssqlTransaction[] = [];
  connected = false;
  closed = false;
  answer: (sql: string) => FakeAnswer | Error | Promise<FakeAnswer> = () => ({ rowsAffected: [0] });

  async connect(): Promise<void> {
    this.connected = true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  request(): MssqlRequest {
    return new FakeMssqlRequest(this, null);
  }

  transaction(): FakeMssqlTransaction {
    const transaction = new FakeMssqlTransaction(this);
    this.transactions.push(transaction);
    return transaction;
  }
}

export class FakeMssqlTransaction implements MssqlTransaction {
  state: 'new' | 'begun' | 'committed' | 'rolled back' = 'new';
  isolationLevel: number | undefined;
  /** Set to make rollback fail the way mssql does once the server has aborted the transaction. */
  abortedByServer = false;

  constructor(private readonly pool: FakeMssqlPool) {}

  async begin(isolationLevel?: number): Promise<this> {
    this.isolationLevel = isolationLevel;
    this.state = 'begun';
    return this;
  }

  async commit(): Promise<void> {
    this.state = 'committed';
  }

  async rollback(): Promise<void> {
    if (this.abortedByServer) throw Object.assign(new Error('Transaction has been aborted.'), { code: 'EABORT' });
    this.state = 'rolled back';
  }

  request(): MssqlRequest {
    if (this.state !== 'begun') throw new Error(`request on a ${this.state} transaction`);
    return new FakeMssqlRequest(this.pool, this);
  }
}

class FakeMssqlRequest implements MssqlRequest {
  private readonly seen: SeenRequest;

  constructor(private readonly pool: FakeMssqlPool, transaction: FakeMssqlTransaction | null) {
    this.seen = { sql: '', inputs: [], transaction };
  }

  input(name: string, type: MssqlType, value: unknown): this {
    this.seen.inputs.push({ name, type, value });
    return this;
  }

  async query<R>(sql: string): Promise<{ recordset?: R[]; rowsAffected: number[] }> {
    this.seen.sql = sql;
    this.pool.requests.push(this.seen);
    const answer = await this.pool.answer(sql);
    if (answer instanceof Error) throw answer;
    return answer as { recordset?: R[]; rowsAffected: number[] };
  }
}
