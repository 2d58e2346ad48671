import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import v8 from 'node:v8';
import { Script } from 'node:vm';
import { startMemoryReducerNudge } from '../../src/runtime/memory-reducer-nudge';

const MODULE = join(__dirname, '../../src/runtime/memory-reducer-nudge.ts');

type CppHeapStatistics = (level: 'detailed') => { used_size_bytes: number };
const cppHeapStatistics = (v8 as { getCppHeapStatistics?: CppHeapStatistics }).getCppHeapStatistics;
const cppHeapUsed = (): number => cppHeapStatistics!('detailed').used_size_bytes;

/** Whether this Node makes node:vm's scripts on V8's C++ heap and can tell its size (24: yes; 20 and 22: no). */
function scriptsOnCppHeap(): boolean {
  if (!cppHeapStatistics) return false;
  const before = cppHeapUsed();
  void new Script('0');
  return cppHeapUsed() > before;
}

describe('the memory reducer nudge (runtime/memory-reducer-nudge.ts)', () => {
  it('never keeps the process alive: a process with nothing else to do exits', () => {
    const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', `require(${JSON.stringify(MODULE)}).startMemoryReducerNudge(60000)`], { timeout: 30_000, encoding: 'utf8' });
    assert.equal(child.signal, null, 'still running after 30 s');
    assert.equal(child.status, 0, child.stderr);
  });

  it('allocates on V8\'s C++ heap at each interval, and no more once stopped', async function () {
    if (!scriptsOnCppHeap()) {
      // Where the reducer needs the nudge (Node 24) this runs: scripts/test-on-node24.sh.
      process.stdout.write(`      (skipped on Node ${process.version}: node:vm's scripts are not on V8's C++ heap here, and its memory reducer needs no nudge)\n`);
      this.skip();
    }
    const nudge = startMemoryReducerNudge(10);
    const atStart = cppHeapUsed();
    await pause(200);
    const whileRunning = cppHeapUsed();
    nudge.stop();
    await pause(200);
    assert.ok(whileRunning > atStart, `${atStart} → ${whileRunning} bytes on the C++ heap while it ran`);
    assert.ok(cppHeapUsed() <= whileRunning, 'it went on allocating after stop()');
  });
});
