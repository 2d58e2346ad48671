import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every process a test run starts carries this variable with the run's id: children inherit it from
 * process.env, and helpers that build their own environment (bot-process) add it. A process that outlives
 * the run is found by it even after it was orphaned and re-parented to init, which is what happened when
 * SIGKILL reached only a wrapper and the real server lived on.
 */
export const TEST_RUN_VARIABLE = 'TRYGGHETSBOTEN_TEST_RUN';

/** This run's id, set in process.env at first import so that every later spawn inherits it. */
export const testRunId: string = process.env[TEST_RUN_VARIABLE] ??= randomUUID();

export interface LeftoverProcess {
  pid: number;
  command: string;
}

/** False once the process is gone (a zombie counts as gone: it runs nothing and holds no files). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

/** tsx's esbuild service, started by the test runner itself to compile TypeScript; it ends with the runner. */
function isRunnersCompiler(pid: number, command: string): boolean {
  const parent = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(parent) === process.pid && /\/esbuild --service=/.test(command);
}

/**
 * The processes of this run that are still alive, except the test runner itself (Linux: /proc). Each is
 * found by the run's id in its environment, wherever it now hangs in the process tree.
 */
export function processesOfThisRun(): LeftoverProcess[] {
  if (process.platform !== 'linux') return [];
  const marker = `${TEST_RUN_VARIABLE}=${testRunId}`;
  const found: LeftoverProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid || pid === process.ppid) continue;
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!environment.includes(marker) || !isAlive(pid)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (isRunnersCompiler(pid, command)) continue;
      found.push({ pid, command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Waits up to `graceMs` for the run's processes to end (a SIGTERM'd server closes its database first).
 * Whatever is still alive then is killed and returned: the caller fails the run with the list.
 */
export async function reapLeftovers(graceMs: number): Promise<LeftoverProcess[]> {
  const until = Date.now() + graceMs;
  let left = processesOfThisRun();
  while (left.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = processesOfThisRun();
  }
  for (const p of left) {
    try { process.kill(p.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  return left;
}
