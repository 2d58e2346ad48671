import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NATIVE_ENV, NODE_FLAGS } from '../../scripts/node-flags.cjs';
import { freePort } from '../../test/support/free-port';
import { QUICK } from './settings';
import { msSince } from './timing';

export const projectRoot = resolve(__dirname, '../..');

/** The echo bot run as a server process of its own (`node [flags] ECHO_BOT_SCRIPT`): measures 4, 5 and 7. */
export const ECHO_BOT_SCRIPT = join(projectRoot, 'bench', 'support', 'echo-bot.cjs');

/**
 * How the server is started: production runs the compiled JavaScript (what `npm start` runs after its
 * cached build) with production's V8 flags; the quick mode runs the sources under tsx instead of building first.
 */
export function serverCommand(): { label: string; args: string[] } {
  const flags = NODE_FLAGS.join(' ');
  return QUICK
    ? { label: `node ${flags} --import tsx src/main.ts (quick mode)`, args: [...NODE_FLAGS, '--import', 'tsx', 'src/main.ts'] }
    : { label: `node ${flags} dist/main.js`, args: [...NODE_FLAGS, 'dist/main.js'] };
}

/** What `npm start` does first: bundles the server into dist/ when a source is newer than the last build. */
export function buildIfStale(): void {
  if (!QUICK) execFileSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-stale.cjs')], { cwd: projectRoot, stdio: 'inherit' });
}

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first 200 from /healthz. */
  startMs: number;
  /** Resident set size of the process (Linux /proc), MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Spawns a server (its own process group, so that `npm start` and the node under it stop together) on a
 * free port with a fresh SQLite file, and waits for a healthy /healthz.
 */
export async function spawnServer(command: string, args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: projectRoot, detached: true, stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, LOG_LEVEL: 'silent', MicrosoftAppId: '', ...NATIVE_ENV, ...env },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await untilHealthy(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = msSince(started);
  return { pid: child.pid!, baseUrl, startMs, rssMb: () => rssMb(child.pid!), stop };
}

async function untilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was healthy`);
    if (Date.now() > deadline) throw new Error('the server was not healthy within 120 s');
    const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 5));
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** VmRSS of a process, in MB; the memory of the server, not of this benchmark. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
