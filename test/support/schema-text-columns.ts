import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

// The text columns of the schema as both engines' migrations leave it, as `table.column`: what the
// coverage tests (personal-data guard, retention) hold their decisions to.

/** SQLite's rule for text affinity: the declared type contains CHAR, CLOB or TEXT. */
const hasTextAffinity = (type: string) => /CHAR|CLOB|TEXT/i.test(type);

export async function sqliteTextColumns(): Promise<string[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-schema-'));
  try {
    const file = path.join(folder, 'schema.db');
    await (await openSqliteStore(file)).close();
    const db = openSqliteDatabase(file, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      return tables.flatMap(({ name }) => (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[])
        .filter((c) => hasTextAffinity(c.type)).map((c) => `${name}.${c.name}`));
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The character columns the SQL Server migrations leave, read from the scripts in order: CREATE TABLE
 * bodies, ALTER TABLE … ADD <column> <type>, DROP TABLE and sp_rename of tables.
 */
export function mssqlTextColumns(): string[] {
  const folder = path.join(__dirname, '../../src/store/mssql/migrations');
  const columns = new Map<string, Set<string>>();
  const isText = (type: string) => /^(N?VARCHAR|N?CHAR|N?TEXT)$/i.test(type);
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()) {
    const sql = fs.readFileSync(path.join(folder, file), 'utf8').replace(/--[^\n]*/g, '');
    const statements = /CREATE\s+TABLE\s+\[?(\w+)\]?\s*\(([\s\S]*?)\n\);|ALTER\s+TABLE\s+\[?(\w+)\]?\s+ADD\s+(?!CONSTRAINT\b)\[?(\w+)\]?\s+(\w+)|DROP\s+TABLE\s+\[?(\w+)\]?|sp_rename\s+N?'(\w+)'\s*,\s*N?'(\w+)'(?!\s*,\s*N?'COLUMN')/gi;
    for (const m of sql.matchAll(statements)) {
      const [, created, body, altered, added, addedType, dropped, renamedFrom, renamedTo] = m;
      if (created && body !== undefined) {
        const set = new Set<string>();
        for (const line of body.split('\n')) {
          const col = /^\s*\[?(\w+)\]?\s+(\w+)/.exec(line);
          if (col && !/^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|INDEX|CHECK)$/i.test(col[1]!) && isText(col[2]!)) set.add(col[1]!);
        }
        columns.set(created, set);
      } else if (altered && added && addedType) {
        if (isText(addedType)) columns.get(altered)?.add(added);
      } else if (dropped) {
        columns.delete(dropped);
      } else if (renamedFrom && renamedTo) {
        const set = columns.get(renamedFrom);
        columns.delete(renamedFrom);
        if (set) columns.set(renamedTo, set);
      }
    }
  }
  return [...columns].flatMap(([table, set]) => [...set].map((c) => `${table}.${c}`));
}
