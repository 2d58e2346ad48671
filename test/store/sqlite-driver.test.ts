import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, sep } from 'node:path';
import { chooseSqliteDriver, describeSqliteDriver, openSqliteDatabase, sqliteDriver, SQLITE_DRIVERS } from '../../src/store/sqlite/sqlite-driver';

const ROOT = join(__dirname, '../..');

describe('the SQLite driver for this Node (better-sqlite3 13 on Node-API 10, else 12)', () => {
  it('takes 13 from Node-API 10 (Node 22.14+, 24) and 12 below it or when Node says nothing usable', () => {
    assert.equal(chooseSqliteDriver('10'), SQLITE_DRIVERS.napi);
    assert.equal(chooseSqliteDriver('11'), SQLITE_DRIVERS.napi);
    assert.equal(chooseSqliteDriver('9'), SQLITE_DRIVERS.legacy);
    assert.equal(chooseSqliteDriver('8'), SQLITE_DRIVERS.legacy);
    assert.equal(chooseSqliteDriver(undefined), SQLITE_DRIVERS.legacy);
    assert.equal(chooseSqliteDriver('experimental'), SQLITE_DRIVERS.legacy);
  });

  it('loads the chosen one from its own package, which the WAL worker requires too, and it opens a database', () => {
    const driver = sqliteDriver();
    const napi10 = Number(process.versions.napi) >= 10;
    assert.equal(driver.package, napi10 ? 'better-sqlite3-napi' : 'better-sqlite3');
    assert.match(driver.version, napi10 ? /^13\./ : /^12\./);
    assert.ok(driver.entry.includes(`${sep}node_modules${sep}${driver.package}${sep}`), driver.entry);
    assert.equal(describeSqliteDriver(), `better-sqlite3@${driver.version}`);
    const db = openSqliteDatabase(':memory:');
    try {
      assert.deepEqual(db.prepare('SELECT 1 + 1 AS two').get(), { two: 2 });
    } finally {
      db.close();
    }
  });

  it('on a Node without Node-API 10 and without better-sqlite3 12 installed, opening a store says what to install', function () {
    this.timeout(60_000);
    // A child process: Node-API 9 as Node 20 reports it, and better-sqlite3 12 missing as when its optional build failed.
    const script = `
      Object.defineProperty(process.versions, 'napi', { value: '9' });
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === 'better-sqlite3' || request.startsWith('better-sqlite3/')) {
          throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
        }
        return resolve.call(this, request, ...rest);
      };
      require('./src/store/sqlite/sqlite-store').openSqliteStore(':memory:').then(
        () => process.exit(0), (error) => { console.error(error.message); process.exit(3); });`;
    const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    assert.equal(child.status, 3, child.stdout + child.stderr);
    assert.match(child.stderr, /SQLite needs better-sqlite3 12 on Node v\d+\.\d+\.\d+ \(Node-API 9; better-sqlite3 13 needs Node-API 10/);
    assert.match(child.stderr, /npm install better-sqlite3@12/);
  });
});
