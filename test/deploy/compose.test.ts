import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config';
import { parseMssqlUrl } from '../../src/store/mssql/mssql-url';

// compose.yaml is never started here (no Docker engine on these machines). What is checked: it parses, the
// bot is built from this Dockerfile and wired to the official SQL Server 2022 image, the database it names
// is the one created before it starts, both have healthchecks, and no password is written in the file.

const TEXT = readFileSync(join(__dirname, '../../compose.yaml'), 'utf8');
const compose = parse(TEXT) as { services: Record<string, any>; volumes?: Record<string, unknown> };
const { db, bot } = compose.services;
const init = compose.services['db-init'];

/** Compose's interpolation of ${NAME}, ${NAME:?message} and $$, with the given environment. */
const interpolate = (value: string, env: Record<string, string>) => value
  .replace(/\$\{(\w+)(?::\?[^}]*)?\}/g, (_m, name: string) => {
    if (!(name in env)) throw new Error(`${name} is required`);
    return env[name]!;
  })
  .replace(/\$\$/g, '$');

describe('compose.yaml', () => {
  it('runs the official SQL Server 2022 image, with the EULA accepted and its data on a volume', () => {
    assert.equal(db.image, 'mcr.microsoft.com/mssql/server:2022-latest');
    assert.equal(db.environment.ACCEPT_EULA, 'Y');
    assert.ok(db.volumes.some((v: string) => v.endsWith(':/var/opt/mssql')));
    assert.ok(compose.volumes && 'mssql-data' in compose.volumes);
  });

  it('writes no password: the SA password is required from the environment', () => {
    assert.match(db.environment.MSSQL_SA_PASSWORD, /^\$\{MSSQL_SA_PASSWORD:\?.+\}$/);
    assert.throws(() => interpolate(bot.environment.DATABASE_URL, {}), /MSSQL_SA_PASSWORD is required/);
    assert.doesNotMatch(TEXT, /MicrosoftAppPassword\s*[:=]\s*\S/);
  });

  it('builds the bot from the Dockerfile and wires DATABASE_URL to the db service and the database db-init creates', () => {
    assert.deepEqual(bot.build, { context: '.', dockerfile: 'Dockerfile' });
    const url = interpolate(bot.environment.DATABASE_URL, { MSSQL_SA_PASSWORD: 'Str0ng-Pass_word' });
    const config = loadConfig({ DATABASE_URL: url, PORT: bot.environment.PORT, HOST: bot.environment.HOST });
    assert.equal(config.databaseUrl, url, 'a valid setting for the bot');
    const mssql = parseMssqlUrl(url);
    assert.equal(mssql.server, 'db', 'the service name');
    assert.equal(mssql.port, 1433);
    assert.equal(mssql.user, 'sa');
    assert.equal(mssql.password, 'Str0ng-Pass_word');
    assert.equal(mssql.options?.encrypt, true);
    assert.match(init.entrypoint.join(' '), new RegExp(`CREATE DATABASE ${mssql.database}\\b`));
    assert.match(init.entrypoint.join(' '), /-S db\b/);
  });

  it('creates the bot\'s database and the contract suite\'s in Finnish_Swedish_CI_AS with READ_COMMITTED_SNAPSHOT ON', () => {
    const script = (init.entrypoint as string[]).join(' ');
    for (const database of ['trygghetsboten', 'trygghetsboten_test']) {
      assert.match(script, new RegExp(`IF DB_ID\\('${database}'\\) IS NULL CREATE DATABASE ${database} COLLATE Finnish_Swedish_CI_AS;`));
      assert.match(script, new RegExp(`ALTER DATABASE ${database} SET READ_COMMITTED_SNAPSHOT ON\\b`));
    }
    const suiteUrl = /MSSQL_URL="([^"]+)"/.exec(TEXT)?.[1] ?? '';
    assert.equal(parseMssqlUrl(interpolate(suiteUrl.replace('$MSSQL_SA_PASSWORD', '${MSSQL_SA_PASSWORD}'), { MSSQL_SA_PASSWORD: 'x' })).database, 'trygghetsboten_test',
      'the suite empties its own database, never the bot\'s');
  });

  it('starts the bot after SQL Server is healthy and the database exists', () => {
    assert.deepEqual(bot.depends_on, { db: { condition: 'service_healthy' }, 'db-init': { condition: 'service_completed_successfully' } });
    assert.deepEqual(init.depends_on, { db: { condition: 'service_healthy' } });
  });

  it('has healthchecks: SQL Server answers a query, the bot answers /healthz on its port', () => {
    assert.match(db.healthcheck.test.join(' '), /sqlcmd .*SELECT 1/);
    const check = bot.healthcheck.test as string[];
    assert.equal(check[0], 'CMD');
    assert.match(check.join(' '), new RegExp(`127\\.0\\.0\\.1:${bot.environment.PORT}/healthz`));
    for (const service of [db, bot]) assert.ok(service.healthcheck.start_period, 'a start period for the first start');
  });

  it('publishes both ports on this machine\'s loopback only, and reads bot settings from an optional .env', () => {
    assert.deepEqual(bot.ports, [`127.0.0.1:${bot.environment.PORT}:${bot.environment.PORT}`]);
    assert.deepEqual(db.ports, ['127.0.0.1:1433:1433']);
    assert.deepEqual(bot.env_file, [{ path: '.env', required: false }]);
    assert.ok(bot.stop_grace_period, 'time to drain on SIGTERM');
  });
});
