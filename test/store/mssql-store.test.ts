import assert from 'node:assert/strict';
import mssql from 'mssql';
import { createStore } from '../../src/store/create-store';
import { parseMssqlUrl } from '../../src/store/mssql/mssql-url';
import { tablesByReference } from '../../src/store/schema-definition';
import { readSqlServerSchema } from './schema/mssql-catalog';
import { definedTsqlForm, schemaDifferences, simulatedTsqlForm } from './schema/schema-forms';
import { storeContract } from './store-contract';
import { mssqlSnapshot } from './store-snapshot';

// Runs against a real SQL Server when MSSQL_URL names a database this suite may empty, e.g.
// MSSQL_URL='mssql://sa:Passw0rd!@localhost:1433/trygghetsboten_test?trustServerCertificate=true'.

const databaseUrl = process.env.MSSQL_URL;

/** Every table of the schema definition, children before parents (for the foreign keys). */
const TABLES = tablesByReference().reverse();

async function emptyDatabase(url: string): Promise<void> {
  const pool = await new mssql.ConnectionPool(parseMssqlUrl(url)).connect();
  try {
    // A place's parent is a place: children first would need an order within the table; no parents is simpler.
    await pool.request().batch(`IF OBJECT_ID(N'places', N'U') IS NOT NULL UPDATE places SET parent_id = NULL`);
    for (const table of TABLES) await pool.request().batch(`IF OBJECT_ID(N'${table}', N'U') IS NOT NULL DELETE FROM ${table}`);
  } finally {
    await pool.close();
  }
}

if (databaseUrl) {
  describe('SQL Server store', function () {
    this.timeout(60_000);

    storeContract('SQL Server', async () => {
      await emptyDatabase(databaseUrl);
      return createStore(databaseUrl);
    }, {
      snapshot: async () => {
        const pool = await new mssql.ConnectionPool(parseMssqlUrl(databaseUrl)).connect();
        try {
          return await mssqlSnapshot(pool);
        } finally {
          await pool.close();
        }
      },
    });

    it('has, after migrating, exactly the defined schema: columns, types, collations, named defaults, keys, indexes, foreign keys', async function () {
      await (await createStore(databaseUrl)).close();
      const pool = await new mssql.ConnectionPool(parseMssqlUrl(databaseUrl)).connect();
      try {
        const server = await readSqlServerSchema(pool, ['schema_migrations']);
        assert.deepEqual(schemaDifferences(definedTsqlForm(), simulatedTsqlForm(server), 'SQL Server'), []);
      } finally {
        await pool.close();
      }
    });

    it('migrates once: a second start finds every migration applied', async function () {
      await (await createStore(databaseUrl)).close();
      const pool = await new mssql.ConnectionPool(parseMssqlUrl(databaseUrl)).connect();
      try {
        const before = (await pool.request().query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).recordset;
        await (await createStore(databaseUrl)).close();
        const after = (await pool.request().query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).recordset;
        assert.deepEqual(after, before);
      } finally {
        await pool.close();
      }
    });

  });
} else {
  console.log('SQL Server contract suite skipped: MSSQL_URL is not set');
  describe.skip('SQL Server store (set MSSQL_URL to run)', function () {
    it('runs the store contract against SQL Server');
  });
}
