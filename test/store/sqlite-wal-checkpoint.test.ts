import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import type { Store } from '../../src/domain/ports/store.port';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { T0, tenant } from './store-fixtures';

// The WAL is checkpointed by a worker thread, not by the request that commits (issue 14):
// src/store/sqlite/wal-checkpointer.ts.
describe('SQLite WAL checkpoint in a worker thread', function () {
  let folder: string;
  let file: string;
  let store: Store | undefined;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

  beforeEach(function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-wal-'));
    file = path.join(folder, 'store.db');
  });

  afterEach(async function () {
    await store?.close();
    store = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Enough rows for well over SQLite's 1 000-page automatic checkpoint. */
  async function writeManyPlaces(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await store!.places.findOrCreate(tenant, `Plats ${i} ${'x'.repeat(900)}`, T0);
  }

  function placeCount(): number {
    const database = openSqliteDatabase(file, { readonly: true });
    try {
      return (database.prepare('SELECT COUNT(*) AS n FROM places').get() as { n: number }).n;
    } finally {
      database.close();
    }
  }

  it('when requests commit past 1 000 pages, then none of them copies the WAL into the database file; closing does, and nothing is lost', async function () {
    store = await openSqliteStore(file, { checkpointIntervalMs: 60_000 });
    const before = size(file);
    await writeManyPlaces(3_000);
    assert.equal(size(file), before, 'the database file is untouched until a checkpoint');
    assert.ok(size(`${file}-wal`) > 1_000 * 4096, 'the commits are all in the WAL');
    await store.close();
    store = undefined;
    assert.equal(size(`${file}-wal`), 0, 'the last connection to close checkpoints and removes the WAL');
    assert.equal(placeCount(), 3_000);
  });

  it('when the interval passes, then the worker copies the committed pages into the database file', async function () {
    store = await openSqliteStore(file, { checkpointIntervalMs: 50 });
    const before = size(file);
    await writeManyPlaces(100);
    const deadline = Date.now() + 10_000;
    while (size(file) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.ok(size(file) > before, 'the database file grew without a close');
    assert.equal(placeCount(), 100);
  });
});
