import { Worker } from 'node:worker_threads';
import type { StoreLogger } from '../store-logger';
import { sqliteDriver } from './sqlite-driver';

/**
 * Checkpoints a SQLite file's write-ahead log from a worker thread with its own connection, so that no
 * request pays for it (issue 14).
 *
 * With SQLite's automatic checkpoint, the commit that filled the WAL to 1 000 pages copied them into the
 * database file and synced both files inside the request that happened to commit it: a few ms of CPU and
 * tens of ms of waiting on the disk for about one submit in forty, which made the sequential p99. The
 * request connection turns the automatic checkpoint off (`wal_autocheckpoint = 0`) and this worker runs a
 * PASSIVE checkpoint every `intervalMs`: it copies what no reader still needs, never waits for or blocks a
 * writer, and the next write transaction starts the log from its beginning again once all of it was
 * copied, so the WAL stays bounded.
 *
 * Durability is unchanged for a crash of the process (a commit is in the WAL, which the next open replays)
 * and better for a crash of the machine: with `synchronous = NORMAL` the WAL is synced only at a
 * checkpoint, which is now at most `intervalMs` after a commit instead of after the next 1 000 pages.
 *
 * The worker starts at the first interval, so a store open for less than that (most tests) never starts
 * one; the last connection's close checkpoints what is left. Should the worker fail, the request
 * connection's automatic checkpoint is turned back on (`fallBack`).
 */
export interface WalCheckpointer {
  /** Stops the worker and closes its connection; the request connection closes after it (the last one checkpoints). */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  filename: string;
  intervalMs: number;
  busyTimeoutMs: number;
  /** Turns SQLite's automatic checkpoint back on in the request connection. */
  fallBack: () => void;
  logger?: StoreLogger | undefined;
}

/** Once a second: the longest a machine crash can take back a commit's WAL frames, and cheap when there is nothing to copy. */
export const WAL_CHECKPOINT_INTERVAL_MS = 1_000;

/** How long `stop` waits for a checkpoint under way before it ends the thread anyway. */
const STOP_WAIT_MS = 5_000;

// Plain JavaScript evaluated in the worker, not a file of its own: it runs the same from the TypeScript
// sources (tests), the compiled dist/ and a bundle. The driver comes by its resolved path: the same build
// the request connection uses (sqlite-driver.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
// Its own connection never checkpoints on commit either (it commits nothing).
db.pragma('wal_autocheckpoint = 0');
// A checkpoint that fails (busy, a disk error) is tried again at the next interval; the request
// connection meets a failing disk itself.
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* next interval */ }
};
checkpoint();
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export function startWalCheckpointer(o: WalCheckpointerOptions): WalCheckpointer {
  let worker: Worker | undefined;
  let stopped = false;
  let exited = false;
  let failed = false;
  // A worker's 'error' is followed by its 'exit': reported and fallen back once.
  const fail = (cause: string) => {
    if (stopped || failed) return;
    failed = true;
    o.logger?.warn({ cause: /^[A-Za-z_]{1,40}$/.test(cause) ? cause : 'error' }, 'WAL checkpoint worker failed; SQLite checkpoints on commit again');
    o.fallBack();
  };
  const start = setTimeout(() => {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: sqliteDriver().entry, filename: o.filename, busyTimeoutMs: o.busyTimeoutMs, intervalMs: o.intervalMs },
    });
    worker.on('error', (error: unknown) => fail(error instanceof Error ? error.name : 'error'));
    worker.on('exit', (code) => {
      exited = true;
      if (code !== 0) fail('exit');
    });
    worker.unref();
  }, o.intervalMs);
  start.unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(start);
      const running = worker;
      if (!running || exited) return;
      const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.postMessage('stop');
      const wait = setTimeout(() => void running.terminate(), STOP_WAIT_MS);
      await gone;
      clearTimeout(wait);
    },
  };
}
