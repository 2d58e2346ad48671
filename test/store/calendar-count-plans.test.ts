import assert from 'node:assert/strict';
import {
  CompiledQuery, SqliteQueryCompiler, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs,
  type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely';
import type { Store } from '../../src/domain/ports/store.port';
import type { IncidentCategory } from '../../src/domain/vocabulary';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely, openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { openSqliteStoreChoosingAsMssql } from './sqlite-as-mssql';
import { T0, incidentFields, newReport, origin } from './store-fixtures';

// A channel keeps a count row per dimension, key and Stockholm day, month and year: thousands after a year.
// A report, an edit or retention must find its few rows by their key, not read the channel's history:
// each statement on the counts, as the store runs it, is planned by SQLite here (EXPLAIN QUERY PLAN), on
// SQLite's statements and on those SQL Server is sent (run on SQLite, sqlite-as-mssql.ts).

/** Records the statements on incident_calendar_counts, compiled with their values. */
class CountStatements implements KyselyPlugin {
  readonly compiled: CompiledQuery[] = [];
  readonly #compiler = new SqliteQueryCompiler();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const query = this.#compiler.compileQuery(node, queryId);
    if (query.sql.includes('"incident_calendar_counts"')) this.compiled.push(query);
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const bindable = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? Number(value) : value);

/** SQLite's plan of each statement, on an empty database of the same schema (a plan depends on the schema, not the rows). */
async function plansOf(statements: readonly CompiledQuery[]): Promise<{ sql: string; plan: string[] }[]> {
  const db: Kysely<Database> = createSqliteKysely(':memory:');
  try {
    await migrate(db, sqliteMigrations);
    const plans = [];
    for (const q of statements) {
      const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.parameters.map(bindable)));
      plans.push({ sql: q.sql, plan: rows.map((r) => r.detail) });
    }
    return plans;
  } finally {
    await db.destroy();
  }
}

/** A report, an edit that moves it to another day, place and category, a withdrawal, and retention. */
async function reportEditWithdrawAndRetain(store: Store): Promise<void> {
  const [square, station] = await Promise.all(['Stora torget', 'Resecentrum'].map((name) => store.places.findOrCreate(origin, name, T0)));
  const fields = (placeId: string, placeName: string, occurredAt: Date, category: IncidentCategory, school: string | null) =>
    incidentFields(placeId, { placeName, occurredAt, category, school, youthInvolved: 2 });
  const first = await store.incidents.create(newReport(fields(square!.id, square!.name, new Date('2026-03-10T18:00:00Z'), 'nedskrapning', 'Björkskolan')));
  const second = await store.incidents.create(newReport(fields(square!.id, square!.name, new Date('2026-03-11T18:00:00Z'), 'nedskrapning', null)));
  const edited = await store.incidents.update(origin, {
    id: first.id, expectedVersion: first.version, actorId: 'aad-user-1', now: T0,
    fields: fields(station!.id, station!.name, new Date('2026-04-02T09:00:00Z'), 'ordningsstorning', 'Vasaskolan'),
  });
  assert.ok(edited.ok);
  assert.equal(await store.placeHistory.withdrawIncident(origin, second.id, second.version, 'aad-user-1', T0), 'ok');
  await store.retention.anonymiseBefore(new Date('2026-12-31T00:00:00Z'), T0);
}

/** A search of the counts by less than the key down to the day: the channel (and dimension) only, or a scan. */
const byLessThanTheDay = (detail: string) => /incident_calendar_counts/.test(detail)
  && (/^SCAN/.test(detail) || (/^SEARCH/.test(detail) && !/first_day=\?/.test(detail)));

describe('the calendar counts are found by their key, not by reading the channel (issue 14)', function () {
  this.timeout(60_000);

  for (const [engine, open] of [
    ['SQLite', (plugin: KyselyPlugin) => openSqliteStore(':memory:', { plugins: [plugin] })],
    ['the statements SQL Server is sent', (plugin: KyselyPlugin) => openSqliteStoreChoosingAsMssql([plugin])],
  ] as const) {
    it(`When a report is made, edited, withdrawn and anonymised, then each statement on the counts seeks its rows by the key down to the day (${engine})`, async () => {
      const recorder = new CountStatements();
      const store = await open(recorder);
      try {
        await reportEditWithdrawAndRetain(store);
      } finally {
        await store.close();
      }
      const plans = await plansOf(recorder.compiled);
      assert.ok(plans.length >= 4, `only ${plans.length} statements on the counts`);
      assert.ok(plans.some((p) => /^update|^insert/.test(p.sql)), 'a write of the counts');
      assert.ok(plans.some((p) => /^select "dimension", "group_key"/.test(p.sql)), "a look at the day's stored counts");
      for (const { sql, plan } of plans) {
        const wide = plan.filter(byLessThanTheDay);
        assert.deepEqual(wide, [], `${sql.slice(0, 160)}…\n${plan.join('\n')}`);
      }
    });
  }
});
