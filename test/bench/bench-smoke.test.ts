import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../../bench/support/results';
import { projectRoot } from '../support/bot-process';

// `npm run bench` in its quick mode, as a smoke check that every measure runs and reports: no timing
// is asserted (a slow machine is not a failure), only that each figure is a number with its baseline.

const MEASURES = ['1 round trip', '2 lägesbild', '3 fan-out', '4 memory', '5 start-up', '6 hot spots', '7 load'];

describe('npm run bench (quick mode)', function () {
  this.timeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-bench-smoke-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('When the quick benchmark runs, then its JSON holds every measure, each with numbers, baselines and ratios', async () => {
    const results = join(dir, 'latest.json');
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: projectRoot, env: { ...process.env, BENCH_QUICK: '1', BENCH_RESULTS: results }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString('utf8'); });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    assert.equal(code, 0, output);

    const { machine, figures } = JSON.parse(readFileSync(results, 'utf8')) as { machine: Record<string, unknown>; figures: Figure[] };
    assert.ok(Number(machine.nproc) >= 1 && typeof machine.cpu === 'string' && typeof machine.node === 'string');
    for (const measure of MEASURES) {
      const mine = figures.filter((f) => f.measure === measure);
      assert.ok(mine.length > 0, `${measure}: no figures`);
      for (const f of mine) assert.ok(Number.isFinite(f.value), `${measure} / ${f.name}: ${f.value}`);
      const compared = mine.filter((f) => f.baseline !== null && f.baseline.value !== 0);
      assert.ok(compared.length > 0, `${measure}: no figure against a baseline`);
      for (const f of compared) assert.ok(Number.isFinite(f.baseline!.value) && Number.isFinite(f.ratio), `${measure} / ${f.name}: ratio ${f.ratio}`);
    }
    assert.match(output, /\| 1 round trip \| report submit p50/, 'the table is printed');
  });
});
