import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledQuery, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { Parser } from 'node-sql-parser';
import type { Store } from '../../src/domain/ports/store.port';
import { describeDatabaseUrl } from '../../src/store/create-store';
import { readMigrations, splitOnGoLines } from '../../src/store/migrator';
import {
  CREATE_MIGRATIONS_TABLE_SQL, READ_MIGRATION_LOCK_SQL, TAKE_MIGRATION_LOCK_SQL, mssqlMigrations,
} from '../../src/store/mssql/mssql-dialect';
import { LimitAsTopMssqlQueryCompiler } from '../../src/store/mssql/mssql-query-compiler';
import { CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS, parseMssqlUrl } from '../../src/store/mssql/mssql-url';
import { SCHEMA } from '../../src/store/schema-definition';
import { openSqliteStoreChoosingAsMssql } from './sqlite-as-mssql';
import { exerciseHotspotRepositories, HOTSPOT_STATEMENTS } from './hotspot-sql-exercise';
import { exerciseSchoolRepository, SCHOOL_STATEMENTS } from './school-sql-exercise';
import { CALLOUT_DELIVERY_STATEMENTS, exerciseCalloutDelivery } from './mobilisation-contract';
import { exerciseJobRepositories, JOB_STATEMENTS } from './job-lease-contract';
import { exercisePromiseRepository, PROMISE_STATEMENTS } from './promise-contract';
import { exerciseLagesbildRepositories, LAGESBILD_STATEMENTS } from './lagesbild-sql-exercise';
import { exerciseMapIncidentRepository, MAP_INCIDENT_STATEMENTS } from './map-incidents-contract';
import { T0, TRICKY_TEXT, activityFields, at, conversationRecord, incidentFields, newReport, origin, personalScope, tenant } from './store-fixtures';

// What can be known about the SQL Server side without a server: the T-SQL it would run.

const parser = new Parser();
const parseTsql = (sql: string) => parser.astify(sql, { database: 'transactsql' });

/**
 * node-sql-parser's T-SQL grammar (5.x) does not know FOREIGN KEY … REFERENCES … [ON DELETE CASCADE]
 * inside CREATE TABLE, though SQL Server does. Those clauses are cut out, each checked against this
 * strict shape instead, and the rest of the batch is parsed.
 */
const FOREIGN_KEY_CLAUSE = /,\s*CONSTRAINT\s+fk_\w+\s+FOREIGN\s+KEY\s*\(\w+\)\s*REFERENCES\s+\w+\s*\(\w+\)(?:\s+ON\s+DELETE\s+CASCADE)?(?=\s*\n\);)/gi;
/** Nor ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY; such a statement is checked against this shape and left out. */
const ADDED_FOREIGN_KEY = /^ALTER TABLE \w+ ADD CONSTRAINT fk_\w+ FOREIGN KEY \(\w+\) REFERENCES \w+ \(\w+\)(?: ON DELETE CASCADE)?;$/gm;

describe('SQL Server SQL, checked without a server', function () {
  describe('migrations', function () {
    const migrations = readMigrations(mssqlMigrations);

    it('are numbered files, each with batches', function () {
      assert.deepEqual(migrations[0] && [migrations[0].version, migrations[0].name], [1, 'initial']);
      const sqliteFiles = fs.readdirSync(path.join(__dirname, '../../src/store/sqlite/migrations')).filter((f) => f.endsWith('.sql')).sort();
      assert.deepEqual(migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`), sqliteFiles, 'both engines have the same migrations');
      // Split at GO: every file has at least one batch, and no batch still holds a GO line (one-statement migrations, such as 0010, have one).
      for (const migration of migrations) {
        assert.ok(migration.batches.length >= 1, `${migration.name} has no batch`);
        for (const batch of migration.batches) assert.doesNotMatch(batch, /^\s*GO\s*$/im, `${migration.name}: a GO left in a batch`);
      }
    });

    it('parse as T-SQL, batch by batch', function () {
      for (const migration of migrations) {
        for (const batch of migration.batches) {
          const foreignKeys = [...(batch.match(FOREIGN_KEY_CLAUSE) ?? []), ...(batch.match(ADDED_FOREIGN_KEY) ?? [])];
          assert.equal((batch.replace(/--.*$/gm, '').match(/FOREIGN\s+KEY/gi) ?? []).length, foreignKeys.length, `unexpected foreign key shape in:\n${batch}`);
          const rest = batch.replace(FOREIGN_KEY_CLAUSE, '').replace(ADDED_FOREIGN_KEY, '');
          // A batch of nothing but added foreign keys (and comments) leaves nothing to parse.
          if (rest.replace(/--.*$/gm, '').trim() !== '') assert.doesNotThrow(() => parseTsql(rest), `does not parse:\n${batch}`);
        }
      }
    });

    it('create every table the schema definition names, with NVARCHAR text and DATETIME2(3) times', function () {
      const script = migrations.map((m) => m.batches.join('\n')).join('\n').replace(/--.*$/gm, '');
      for (const table of Object.keys(SCHEMA)) assert.match(script, new RegExp(`CREATE TABLE ${table} \\(`));
      assert.doesNotMatch(script, /\b(VARCHAR|CHAR|TEXT|DATETIME)\b(?!2)/i, 'text must be NVARCHAR/NCHAR and times DATETIME2');
      assert.doesNotMatch(script, /\bDATETIME2\((?!3\))/i);
      assert.match(script, /description\s+NVARCHAR\(2000\)/);
      assert.match(script, /notes\s+NVARCHAR\(2000\)/);
    });

    it('add the place register columns and the hot spot tables (0003)', function () {
      const script = migrations.filter((m) => m.version === 3).map((m) => m.batches.join('\n')).join('\n');
      for (const table of ['place_aliases', 'hotspots', 'hotspot_measures']) assert.match(script, new RegExp(`CREATE TABLE ${table} \\(`));
      for (const column of ['kind', 'lat', 'lon', 'parent_id']) assert.match(script, new RegExp(`ALTER TABLE places ADD ${column} `));
    });

    it('give places, aliases, coordinators, profiles and reference numbers a tenant and key, and create memberships (0005)', function () {
      const migration = migrations.find((m) => m.version === 5);
      assert.ok(migration, 'migration 0005 exists');
      assert.equal(migration.name, 'tenant_isolation');
      const script = migration.batches.join('\n').replace(/--.*$/gm, '');
      for (const table of ['places', 'place_aliases', 'coordinators', 'reference_counters']) assert.match(script, new RegExp(`ALTER TABLE ${table} ADD tenant_id NVARCHAR\\(100\\) NULL;`));
      for (const table of ['incidents', 'activities']) {
        assert.match(script, new RegExp(`ALTER TABLE ${table} ALTER COLUMN organisation_confirmed BIT NOT NULL;`));
        assert.match(script, new RegExp(`UPDATE ${table} SET organisation_confirmed = 0;`));
      }
      for (const key of [
        'uq_places_tenant_name_key UNIQUE (tenant_id, name_key)', 'pk_place_aliases PRIMARY KEY (tenant_id, alias_key)',
        'pk_coordinators PRIMARY KEY (tenant_id, user_id)', 'pk_user_profiles PRIMARY KEY (tenant_id, user_id)', 'pk_memberships PRIMARY KEY (tenant_id, user_id)',
        'uq_incidents_tenant_ref UNIQUE (tenant_id, ref)', 'uq_activities_tenant_ref UNIQUE (tenant_id, ref)', 'pk_reference_counters PRIMARY KEY (tenant_id, kind, year)',
      ]) assert.ok(script.includes(`ADD CONSTRAINT ${key}`) || script.includes(`CONSTRAINT ${key}`), key);
      assert.match(script, /CREATE TABLE memberships \(/);
      assert.doesNotMatch(script, /\bEXEC|sp_executesql/i, 'every dropped constraint is named: no dynamic SQL');

      // What 0005 drops by name must have been created under that name before.
      const earlier = migrations.filter((m) => m.version < 5).map((m) => m.batches.join('\n')).join('\n');
      const droppedConstraints = [...script.matchAll(/ALTER TABLE (\w+) DROP CONSTRAINT (\w+)/g)];
      assert.deepEqual(droppedConstraints.map((m) => m[2]).sort(), [
        'pk_coordinators', 'pk_place_aliases', 'pk_reference_counters', 'pk_user_profiles', 'uq_activities_ref', 'uq_incidents_ref', 'uq_places_name_key',
      ]);
      for (const [, table, name] of droppedConstraints) {
        assert.match(earlier, new RegExp(`CREATE TABLE ${table} \\([^;]*CONSTRAINT ${name} `), `${name} is a constraint of ${table}`);
      }
      for (const [, name, table] of script.matchAll(/DROP INDEX (\w+) ON (\w+)/g)) {
        assert.match(earlier, new RegExp(`CREATE INDEX ${name} ON ${table} `), `${name} is an index of ${table}`);
      }
      // The scratch tables are gone at the end.
      for (const [, table] of script.matchAll(/CREATE TABLE (m0005_\w+)/g)) assert.match(script, new RegExp(`DROP TABLE ${table};`));
    });

    it('have a 0005 with the same indexes and new tables in both engines', function () {
      const sqliteFolder = path.join(mssqlMigrations.folder, '..', '..', 'sqlite', 'migrations');
      const read = (folder: string, file = '0005_tenant_isolation.sql') => fs.readFileSync(path.join(folder, file), 'utf8').replace(/--.*$/gm, '');
      const sqliteScript = read(sqliteFolder);
      const mssqlScript = read(mssqlMigrations.folder);
      // SQLite rebuilds tables to change their keys, and so creates their unchanged indexes again.
      const sqliteEarlier = fs.readdirSync(sqliteFolder).filter((f) => f < '0005').map((f) => read(sqliteFolder, f)).join('\n');
      const names = (script: string, pattern: RegExp) => [...script.matchAll(pattern)]
        .filter((m) => script !== sqliteScript || !sqliteEarlier.includes(m[0])).map((m) => m[1]).sort();
      for (const pattern of [/CREATE INDEX (\w+ ON \w+ \([^)]*\))/g, /CREATE TABLE (memberships|m0005_\w+) /g]) {
        assert.deepEqual(names(sqliteScript, pattern), names(mssqlScript, pattern), String(pattern));
      }
      const droppedForGood = (script: string) => {
        const created = new Set([...script.matchAll(/CREATE INDEX (\w+)/g)].map((m) => m[1]));
        return [...script.matchAll(/DROP INDEX (\w+)/g)].map((m) => m[1]).filter((n) => !created.has(n)).sort();
      };
      assert.deepEqual(droppedForGood(sqliteScript), droppedForGood(mssqlScript));
      assert.equal(droppedForGood(sqliteScript).length, 3);
    });

    it('add when users were last seen, and when hot spots and measures were anonymised, in both engines (0007)', function () {
      const migration = migrations.find((m) => m.version === 7);
      assert.equal(migration?.name, 'retention');
      const mssqlScript = migration.batches.join('\n').replace(/--.*$/gm, '');
      const sqliteScript = fs.readFileSync(path.join(mssqlMigrations.folder, '..', '..', 'sqlite', 'migrations', '0007_retention.sql'), 'utf8').replace(/--.*$/gm, '');
      for (const [table, column] of [['user_profiles', 'last_seen_at'], ['hotspots', 'anonymised_at'], ['hotspot_measures', 'anonymised_at']]) {
        assert.match(mssqlScript, new RegExp(`ALTER TABLE ${table} ADD ${column} DATETIME2\\(3\\) NULL;`));
        assert.match(sqliteScript, new RegExp(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT;`));
      }
      for (const script of [mssqlScript, sqliteScript]) {
        assert.match(script, /UPDATE user_profiles SET last_seen_at = updated_at;/, 'profiles kept so far count as seen when last saved');
        assert.match(script, /CREATE INDEX ix_user_profiles_last_seen ON user_profiles \(last_seen_at\);/);
      }
    });

    it('make submit keys unique per tenant (rows without one left out) and add the health probe\'s table, in both engines (0006)', function () {
      const sqliteFolder = path.join(mssqlMigrations.folder, '..', '..', 'sqlite', 'migrations');
      const read = (folder: string) => fs.readFileSync(path.join(folder, '0006_submit_keys.sql'), 'utf8').replace(/--.*$/gm, '');
      for (const script of [read(sqliteFolder), read(mssqlMigrations.folder)]) {
        for (const table of ['incidents', 'activities']) {
          assert.match(script, new RegExp(`ALTER TABLE ${table} ADD (COLUMN )?submit_key `));
          assert.match(script, new RegExp(`CREATE UNIQUE INDEX ux_${table}_tenant_submit_key ON ${table} \\(tenant_id, submit_key\\) WHERE submit_key IS NOT NULL;`));
        }
        assert.match(script, /CREATE TABLE store_health \(/);
      }
    });

    it('splits on lines holding only GO, whatever the case and spacing', function () {
      assert.deepEqual(splitOnGoLines('SELECT 1\n  go  \n-- only a comment\nGO\nSELECT 2\nGO'), ['SELECT 1', 'SELECT 2']);
      assert.deepEqual(splitOnGoLines('SELECT N\'GO\' AS going\nGO'), ['SELECT N\'GO\' AS going']);
    });

    it('have migrations-table DDL and a lock that parse as T-SQL', function () {
      for (const statement of [CREATE_MIGRATIONS_TABLE_SQL, TAKE_MIGRATION_LOCK_SQL, READ_MIGRATION_LOCK_SQL]) {
        assert.doesNotThrow(() => parseTsql(statement), statement);
      }
    });

    it('have a SQLite twin for each version', function () {
      const sqliteFolder = path.join(mssqlMigrations.folder, '..', '..', 'sqlite', 'migrations');
      assert.deepEqual(fs.readdirSync(sqliteFolder).sort(), fs.readdirSync(mssqlMigrations.folder).sort());
    });
  });

  describe('repository queries compiled for SQL Server', function () {
    /** Compiles every data query the repositories run (on SQLite) with the SQL Server compiler too. */
    class CompileForSqlServer implements KyselyPlugin {
      readonly queries: CompiledQuery[] = [];
      readonly #compiler = new LimitAsTopMssqlQueryCompiler();

      transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
        if (node.kind !== 'RawNode') this.queries.push(this.#compiler.compileQuery(node, queryId));
        return node;
      }

      async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return result;
      }
    }

    const recorder = new CompileForSqlServer();
    const userValues = [...Object.values(TRICKY_TEXT), 'Stora torget', 'stora torget', 'aad-user-9', 'conversation-1', 'Björkskolan'];

    before(async function () {
      // Run on SQLite, but with SQL Server's choice wherever a repository writes a SQLite-only statement.
      const store: Store = await openSqliteStoreChoosingAsMssql([recorder]);
      try {
        await exerciseEveryRepositoryMethod(store);
        await exerciseJobRepositories(store);
        await exercisePromiseRepository(store);
      } finally {
        await store.close();
      }
    });

    it('covers every kind of statement the repositories send', function () {
      const starts = new Set(recorder.queries.map((q) => /^(\w+(?: into| from)?\s+(?:top\(\d+\) )?"?\w+"?)/.exec(q.sql)?.[1]));
      for (const expected of [
        'insert into "places"', 'insert into "incidents"', 'insert into "activities"', 'insert into "activity_organisations"',
        'insert into "reference_counters"', 'insert into "conversations"', 'insert into "user_profiles"', 'insert into "schema_migrations"',
        'insert into "memberships"', 'update "memberships"',
        'update "incidents"', 'update "activities"', 'update "reference_counters"', 'update "conversations"', 'update "user_profiles"',
        'delete from "activity_organisations"', 'insert into "audit_log"', 'insert into "coordinators"', 'delete from "user_profiles"',
        'update "hotspots"', 'update "hotspot_measures"',
      ]) assert.ok(starts.has(expected), `no "${expected}" among ${[...starts].join(', ')}`);
      assert.ok(recorder.queries.some((q) => /^select top\(\d+\) \* from \(select .* union all select .*\) as "report"/.test(q.sql)));
    });

    it('cover the submit key lookups and the health probe\'s write', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      assert.ok(sqls.some((q) => q.startsWith('select "id" from "incidents" where "submit_key" = @1')), 'the lookup by key');
      assert.ok(sqls.some((q) => q.startsWith('select "id" from "incidents" where "tenant_id" = @1 and "submit_key" = @2')), 'the lookup after a unique violation');
      assert.ok(sqls.some((q) => q.startsWith('select "id" from "activities" where "submit_key" = @1')));
      assert.ok(sqls.some((q) => q.startsWith('delete from "store_health"')));
      assert.ok(sqls.some((q) => q.startsWith('insert into "store_health"')));
    });

    it('cover the hot spot and place register statements too', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of HOTSPOT_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('cover the school register statements too (0017)', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of SCHOOL_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('cover the call-out delivery statements too: claims, retries, what is due (0025)', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of CALLOUT_DELIVERY_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('cover the lägesbild, digest and export statements too', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of LAGESBILD_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('find the calendar counts a report changes by their whole key, each disjunct a seek of the primary key (issue 14)', function () {
      const updates = recorder.queries.map((q) => q.sql).filter((q) => q.startsWith('update "incident_calendar_counts"'));
      assert.ok(updates.length > 0, 'no update of the counts');
      const wholeKey = /\("tenant_id" = @\d+ and "conversation_id" = @\d+ and "dimension" = @\d+ and "unit" = @\d+ and "first_day" = @\d+ and "group_key" = @\d+\)/g;
      for (const update of updates) {
        const where = update.slice(update.indexOf(' where ') + ' where '.length);
        assert.match(where.replace(wholeKey, 'K'), /^\(?K( or K)*\)?$/, update);
      }
    });

    it('cover the lägesbild tab\'s map query too (issue 13)', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of MAP_INCIDENT_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('cover the job lease and posting budget statements too (0009)', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of JOB_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('cover the medborgarlöften statements too (0019)', function () {
      const sqls = recorder.queries.map((q) => q.sql);
      for (const start of PROMISE_STATEMENTS) assert.ok(sqls.some((q) => q.startsWith(start)), `no "${start}"`);
    });

    it('parse as T-SQL', function () {
      for (const query of recorder.queries) assert.doesNotThrow(() => parseTsql(query.sql), query.sql);
    });

    it('use only @1…@n placeholders, one per parameter, and no LIMIT', function () {
      for (const { sql, parameters } of recorder.queries) {
        const numbers = [...sql.matchAll(/@(\d+)\b/g)].map((m) => Number(m[1]));
        assert.deepEqual([...new Set(numbers)].sort((a, b) => a - b), parameters.map((_, i) => i + 1), sql);
        assert.doesNotMatch(sql, /\?|\blimit\b|\$\d/i, sql);
      }
    });

    it('never carry a user value in the SQL text', function () {
      const allParameters = recorder.queries.flatMap((q) => q.parameters);
      for (const value of userValues) {
        assert.ok(allParameters.includes(value), `the test did not send "${value}"`);
        for (const { sql } of recorder.queries) assert.ok(!sql.includes(value), `"${value}" is inlined in: ${sql}`);
      }
    });
  });

  describe('database URL', function () {
    it('turns an mssql:// URL into the mssql config, with bounded timeouts', function () {
      const config = parseMssqlUrl('mssql://bot%40corp:p%40ss%3Aw%2Frd@db.example.se:1444/Trygghet?encrypt=true&trustServerCertificate=true');
      assert.equal(config.server, 'db.example.se');
      assert.equal(config.port, 1444);
      assert.equal(config.database, 'Trygghet');
      assert.equal(config.user, 'bot@corp');
      assert.equal(config.password, 'p@ss:w/rd');
      assert.equal(config.requestTimeout, REQUEST_TIMEOUT_MS);
      assert.equal(config.connectionTimeout, CONNECTION_TIMEOUT_MS);
      assert.equal(config.options?.encrypt, true);
      assert.equal(config.options?.trustServerCertificate, true);
      assert.equal(config.options?.useUTC, true);
    });

    it('defaults to port 1433, encryption on and a verified certificate', function () {
      const config = parseMssqlUrl('mssql://sa:secret@localhost/trygghetsboten');
      assert.equal(config.port, 1433);
      assert.equal(config.options?.encrypt, true);
      assert.equal(config.options?.trustServerCertificate, false);
    });

    it('supports a named instance and an IPv6 host', function () {
      const named = parseMssqlUrl('mssql://sa:secret@sqlhost/db?instanceName=SQLEXPRESS&encrypt=false');
      assert.equal(named.options?.instanceName, 'SQLEXPRESS');
      assert.equal(named.port, undefined);
      assert.equal(named.options?.encrypt, false);
      assert.equal(parseMssqlUrl('mssql://sa:secret@[::1]:1433/db').server, '::1');
    });

    it('refuses incomplete or unknown settings without quoting the password', function () {
      for (const url of [
        'mssql://sa:topsecret@/db', 'mssql://sa:topsecret@host', 'mssql://sa:topsecret@host/a/b',
        'mssql://sa:topsecret@host/db?encrypt=maybe', 'mssql://sa:top%secret@host/db', 'mssql://sa:topsecret@host/db?enrypt=true', 'mssql://sa:topsecret@host:notaport/db',
      ]) {
        assert.throws(() => parseMssqlUrl(url), (error: Error) => !/top%?secret/.test(error.message), url);
      }
    });

    it('describes a database URL without user or password', function () {
      assert.equal(describeDatabaseUrl('mssql://sa:topsecret@db.example.se:1444/Trygghet?encrypt=true'), 'mssql://db.example.se:1444/Trygghet');
      assert.equal(describeDatabaseUrl('mssql://sa:topsecret@sqlhost/db?instanceName=SQLEXPRESS'), 'mssql://sqlhost\\SQLEXPRESS/db');
      assert.equal(describeDatabaseUrl('mssql://sa:topsecret@/db'), 'mssql://(invalid URL)');
      assert.equal(describeDatabaseUrl('sqlite:data/trygghetsboten.db'), 'sqlite:data/trygghetsboten.db');
      assert.equal(describeDatabaseUrl('sqlite::memory:'), 'sqlite::memory:');
      assert.equal(describeDatabaseUrl('postgres://u:topsecret@h/db'), 'postgres:(unsupported)');
    });
  });
});

async function exerciseEveryRepositoryMethod(store: Store): Promise<void> {
  const place = await store.places.findOrCreate(tenant, 'Stora torget', T0);
  await store.places.findOrCreate(tenant, 'stora  TORGET', T0);
  await store.places.get(tenant, place.id);
  await store.places.list(tenant, 50);

  const incident = await store.incidents.create(newReport(
    incidentFields(place.id, { description: TRICKY_TEXT.sqlInjection, school: 'Björkskolan' }),
    { reporter: { userId: 'aad-user-9', name: TRICKY_TEXT.swedish } },
  ));
  await store.incidents.get(origin, incident.id);
  await store.incidents.update(origin, { id: incident.id, actorId: 'auditor-1', expectedVersion: 1, fields: incidentFields(place.id, { description: TRICKY_TEXT.script }), status: 'hanteras', assignee: { userId: 'aad-user-9', name: TRICKY_TEXT.quotes }, now: at(1) });
  await store.incidents.update(origin, { id: incident.id, actorId: 'auditor-1', expectedVersion: 1, status: 'atgardad', now: at(2) });
  await store.incidents.update(origin, { id: 'missing', actorId: 'auditor-1', expectedVersion: 1, status: 'atgardad', now: at(2) });

  // A submit key: created with, looked up by, and refused the second time (the lookup after the unique violation).
  const submitKey = '3f2b8c1e-7a4d-4e6f-9b0a-1c2d3e4f5a6b';
  await store.incidents.create(newReport(incidentFields(place.id), { submitKey }));
  await store.incidents.create(newReport(incidentFields(place.id), { submitKey })).catch(() => undefined);
  await store.incidents.findBySubmitKey(origin, submitKey);
  await store.activities.findBySubmitKey(personalScope('aad-user-9'), submitKey);

  const activity = await store.activities.create(newReport(activityFields({ notes: TRICKY_TEXT.percentAndUnderscore, placeId: place.id, placeName: place.name })));
  await store.activities.get(origin, activity.id);
  await store.activities.update(origin, { id: activity.id, actorId: 'auditor-1', expectedVersion: 1, fields: activityFields({ organisations: ['fritid'] }), now: at(3) });
  await store.activities.update(origin, { id: activity.id, actorId: 'auditor-1', expectedVersion: 2, followUpDone: true, now: at(3) });

  await store.reports.latest({ tenantId: 'tenant-1', conversationId: 'conversation-1' }, 10);
  // A personal chat's scope: the conversation, or the user's own reports anywhere in the tenant.
  const personal = personalScope('aad-user-9');
  await store.reports.latest(personal, 10);
  await store.reports.latest(personal, 10, { openOnly: true, involving: 'aad-user-9', school: { placeIds: [place.id], names: ['Björkskolan'] } });
  await store.reports.latest(personal, 10, { school: { placeIds: [], names: [] } });
  await store.reports.schoolNames(personal, 100);
  await store.reports.byRef(personal, 'H-2026-0001');
  await store.reports.search(origin, { placeKey: 'stora torget', topics: ['brand', 'skolbesok'] }, 10);
  await store.reports.search(origin, { placeKey: '', topics: [] }, 10);
  await store.incidents.get(personal, incident.id);
  await store.activities.update(personal, { id: activity.id, actorId: 'aad-user-9', expectedVersion: 3, status: 'hanteras', now: at(3) });

  await store.conversations.save(conversationRecord());
  await store.conversations.save(conversationRecord({ updatedAt: at(4) }));
  await store.conversations.get({ tenantId: 'tenant-1', conversationId: '19:abc@thread.tacv2' });
  await store.conversations.list();

  const profile = { userId: 'aad-user-9', tenantId: 'tenant-1', organisation: 'skola' as const, school: 'Björkskolan', updatedAt: T0 };
  await store.users.save(profile);
  await store.users.save({ ...profile, updatedAt: at(5) });
  await store.users.get(tenant, 'aad-user-9');
  await store.users.save({ ...profile, chatUserId: '29:chat-9', displayName: 'Björn' });
  await store.users.findByChatUserId(tenant, '29:chat-9');

  await store.audit.record({ at: T0, tenantId: 'tenant-1', actorId: 'aad-user-9', action: 'export.created', entityKind: 'export', entityId: 'e1', entityRef: null, detail: 'week' });
  await store.audit.latest(tenant, 10);
  const membership = { userId: 'aad-user-9', organisation: 'skola' as const, source: 'coordinator' as const, confirmedBy: 'aad-admin', confirmedAt: T0 };
  await store.memberships.confirm(tenant, membership);
  await store.memberships.confirm(tenant, { ...membership, organisation: 'polisen', confirmedAt: at(1) });
  await store.memberships.get(tenant, 'aad-user-9');
  await store.coordinators.add(tenant, 'aad-user-9', 'aad-admin', T0);
  await store.coordinators.isCoordinator(tenant, 'aad-user-9');
  await store.coordinators.list(tenant, 60);
  await store.memberships.membersOf(tenant, ['polisen', 'skola'], 60);
  await store.users.markSeen(tenant, 'aad-user-9', at(6), at(-3600));
  await store.retention.anonymiseBefore(at(86_400 * 400), at(86_400 * 400));
  await store.retention.removeRecordsBefore({ cutoff: at(86_400 * 400), documentYear: 2030 });
  await store.retention.eraseRemnants();

  await exerciseHotspotRepositories(store, place.id);
  await exerciseSchoolRepository(store, place.id);
  await exerciseCalloutDelivery(store);
  await exerciseLagesbildRepositories(store);
  await exerciseMapIncidentRepository(store, place.id);

  await store.health();
}
