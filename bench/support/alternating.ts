import type { RecordableHistogram } from 'node:perf_hooks';
import { figure, withSpread, type Figure } from './results';
import { merged, sampleLoopDelay } from './loop-delay';
import { msSince, quantile } from './timing';

// Measures 1 and 7 run the echo bot and Trygghetsboten side by side (in this process, and in measure 7 also
// each in its own), in blocks that alternate, so that the host's drift (other processes, a slower minute)
// lands on both sides instead of in their ratio. The event-loop delay sampled is this process's: a figure
// only where the bots run in it.

export type Side = 'echo' | 'bot';

/** One block of one side: its latencies (ms), its requests not answered 2xx, its wall time, its event-loop delay. */
export interface Block { times: number[]; errors: number; ms: number; loop: RecordableHistogram }

/** The blocks of each side, one a round, in round order. */
export type Alternated = Record<Side, Block[]>;

/** ABBA: echo first in even rounds, bot first in odd ones, so neither side always follows the other's garbage and timers. */
export const order = (round: number): Side[] => (round % 2 === 0 ? ['echo', 'bot'] : ['bot', 'echo']);

/** Before each block: lets what the previous block left running (timers, answers' after-work) end outside both sides' time. */
const SETTLE_MS = 25;

export async function alternate(rounds: number, run: (side: Side) => Promise<{ times: number[]; errors: number }>): Promise<Alternated> {
  const blocks: Alternated = { echo: [], bot: [] };
  for (let round = 0; round < rounds; round++) {
    for (const side of order(round)) {
      await new Promise((done) => setTimeout(done, SETTLE_MS));
      const loop = sampleLoopDelay();
      const start = process.hrtime.bigint();
      const { times, errors } = await run(side);
      const ms = msSince(start);
      loop.stop();
      blocks[side].push({ times, errors, ms, loop: loop.histogram });
    }
  }
  return blocks;
}

/** A figure of some blocks, pooled: a quantile of all their latencies, requests over their summed time, … */
export type Stat = (blocks: readonly Block[]) => number;

export const latency = (q: number): Stat => (blocks) => quantile(blocks.flatMap((b) => b.times), q);
export const perSecond: Stat = (blocks) => blocks.reduce((n, b) => n + b.times.length, 0) / (blocks.reduce((ms, b) => ms + b.ms, 0) / 1000);
export const errors: Stat = (blocks) => blocks.reduce((n, b) => n + b.errors, 0);
export const loopDelay = (q: number | 'max'): Stat => (blocks) => {
  const h = merged(blocks.map((b) => b.loop));
  return (q === 'max' ? h.max : h.percentile(q)) / 1e6;
};

/** The bot's figure pooled over its blocks against the echo's pooled the same way, with the ratio of each round. */
export function compared(measure: string, name: string, unit: string, runs: Alternated, stat: Stat, baselineName = 'echo', perRound = true): Figure {
  const f = figure(measure, name, stat(runs.bot), unit, { name: baselineName, value: stat(runs.echo) });
  if (!perRound) return f;
  return withSpread(f, runs.bot.map((block, round) => stat([block]) / stat([runs.echo[round]!])));
}
