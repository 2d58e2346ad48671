import assert from 'node:assert/strict';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import type mssql from 'mssql';

/** Every row of every table, each table's rows as sorted JSON: two equal snapshots mean nothing changed. */
export type TableSnapshot = Record<string, string[]>;
export type TakeSnapshot = () => Promise<TableSnapshot>;

/** Reads a SQLite file through a second, read-only connection (WAL lets it see every committed write). */
export async function sqliteSnapshot(file: string): Promise<TableSnapshot> {
  const database = openSqliteDatabase(file, { readonly: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const snapshot: TableSnapshot = {};
    for (const { name } of tables) {
      snapshot[name] = database.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  } finally {
    database.close();
  }
}

export async function mssqlSnapshot(pool: mssql.ConnectionPool): Promise<TableSnapshot> {
  const tables = (await pool.request().query<{ name: string }>(
    "SELECT TABLE_NAME AS name FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  )).recordset;
  const snapshot: TableSnapshot = {};
  for (const { name } of tables) {
    snapshot[name] = (await pool.request().query(`SELECT * FROM [${name}]`)).recordset.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/**
 * Runs a call that must change nothing and, when the store can be looked into, checks that every row
 * of every table is as it was. Returns what the call returned.
 */
export async function changesNothing<T>(snapshot: TakeSnapshot | undefined, call: () => Promise<T>, what = 'a call from outside the scope'): Promise<T> {
  const before = await snapshot?.();
  const result = await call();
  if (snapshot) assert.deepEqual(await snapshot(), before, `${what} changed stored rows`);
  return result;
}
