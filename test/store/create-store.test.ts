import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreUnavailableError } from '../../src/domain/errors';
import { createStore } from '../../src/store/create-store';

describe('createStore', function () {
  let folder: string;

  before(function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-create-'));
  });

  after(function () {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens a SQLite file named relative to the working directory', async function () {
    const absolute = path.join(folder, 'relative', 'bot.db');
    const store = await createStore(`sqlite:${path.relative(process.cwd(), absolute)}`);
    await store.close();
    assert.equal(store.kind, 'sqlite');
    assert.ok(fs.existsSync(absolute));
  });

  it('logs each migration it applies, and nothing on the next start', async function () {
    const lines: { obj: object; msg: string }[] = [];
    const logger = {
      info: (obj: object, msg: string) => lines.push({ obj, msg }),
      warn: (obj: object, msg: string) => lines.push({ obj, msg }),
      error: (obj: object, msg: string) => lines.push({ obj, msg }),
    };
    const url = `sqlite:${path.join(folder, 'logged.db')}`;
    await (await createStore(url, { logger })).close();
    const files = fs.readdirSync(path.join(__dirname, '../../src/store/sqlite/migrations')).filter((f) => f.endsWith('.sql'));
    assert.equal(lines.length, files.length);
    assert.deepEqual(lines[0], { obj: { version: 1, migration: 'initial' }, msg: 'database migration applied' });
    assert.ok(lines.every((l) => l.msg === 'database migration applied'));
    await (await createStore(url, { logger })).close();
    assert.equal(lines.length, files.length);
  });

  it('refuses a URL of another kind, or a SQLite URL without a file', async function () {
    await assert.rejects(createStore('postgres://u:topsecret@h/db'), (error: Error) => /Unsupported/.test(error.message) && !error.message.includes('topsecret'));
    await assert.rejects(createStore('sqlite:'), /names no file/);
  });

  it('fails with StoreUnavailableError, without the password, when no SQL Server listens', async function () {
    await assert.rejects(createStore('mssql://sa:topsecret@127.0.0.1:1/trygghetsboten?encrypt=false'), (error: Error) =>
      error instanceof StoreUnavailableError && !error.message.includes('topsecret'));
  });
});
