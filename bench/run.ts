/**
 * `npm run bench`: every measure of issue 14, each against a baseline measured in the same run, so
 * that the ratios mean something on a noisy machine. Prints a table and writes bench/results/latest.json.
 * BENCH_QUICK=1 runs small sizes (the smoke test); BENCH_ONLY=2,7 runs only those measures;
 * BENCH_LAGESBILD_1M=1 adds the million-incident table. Not a test: nothing fails on a slow figure.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fanOutMeasure } from './measures/fan-out';
import { hotspots } from './measures/hotspots';
import { lagesbild } from './measures/lagesbild';
import { load } from './measures/load';
import { memory } from './measures/memory';
import { roundTrip } from './measures/round-trip';
import { startUp } from './measures/start-up';
import { table, writeResults, type Figure, type Machine } from './support/results';
import { QUICK } from './support/settings';
import { timed } from './support/timing';

const MEASURES: [string, () => Promise<Figure[]>][] = [
  ['1', roundTrip], ['2', lagesbild], ['3', fanOutMeasure], ['4', memory], ['5', startUp], ['6', hotspots], ['7', load],
];

export const RESULTS_FILE = process.env.BENCH_RESULTS ?? join(__dirname, 'results', 'latest.json');

function machine(): Machine {
  let nproc = cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* not Linux: the CPU count */ }
  return { nproc, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, quick: QUICK };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const figures: Figure[] = [];
  for (const [number, measure] of MEASURES) {
    if (only && !only.includes(number)) continue;
    process.stderr.write(`measure ${number} …`);
    const { result, ms } = await timed(measure);
    figures.push(...result);
    process.stderr.write(` ${(ms / 1000).toFixed(1)} s\n`);
  }
  const m = machine();
  process.stdout.write(`\nTrygghetsboten benchmark — ${m.nproc} cores, ${m.cpu}, Node ${m.node}${QUICK ? ' (quick mode: small sizes)' : ''}\n\n${table(figures)}\n`);
  writeResults(RESULTS_FILE, m, figures);
  process.stdout.write(`\nwritten to ${RESULTS_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
