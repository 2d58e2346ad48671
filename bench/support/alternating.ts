import type { RecordableHistogram } from 'node:perf_hooks';
import { figure, withSpread, type Figure } from './results';
import { merged, sampleLoopDelay } from './loop-delay';
import { msSince, quantile } from './timing';

// Measures 1 and 7 run the echo bot and Trygghetsboten side by side (in this process, and in measure 7 also
// each in its own), with the echo that saves the report (saving-echo.ts) as a third side where it runs, in
// blocks that alternate, so that the host's drift (other processes, a slower minute) lands on every side
// instead of in their ratio. The event-loop delay sampled is this process's: a figure only where the bots
// run in it.

export type Side = 'echo' | 'bot' | 'saver';

/** One block of one side: its latencies (ms), its requests not answered 2xx, its wall time, its event-loop delay. */
export interface Block { times: number[]; errors: number; ms: number; loop: RecordableHistogram }

/** The blocks of each side that ran, one a round, in round order. */
export type Alternated = Partial<Record<Side, Block[]>>;

/**
 * The sides' order in a round: turned by one place every second round, and reversed in odd rounds, so that
 * no side always follows the same other side's garbage and timers. Two sides: ABBA BAAB; three: each side
 * in each place twice in six rounds.
 */
export function order(round: number, sides: readonly Side[]): Side[] {
  const turn = Math.floor(round / 2) % sides.length;
  const turned = [...sides.slice(turn), ...sides.slice(0, turn)];
  return round % 2 === 0 ? turned : turned.reverse();
}

/** Before each block: lets what the previous block left running (timers, answers' after-work) end outside both sides' time. */
const SETTLE_MS = 25;

export async function alternate(rounds: number, sides: readonly Side[], run: (side: Side) => Promise<{ times: number[]; errors: number }>): Promise<Alternated> {
  const blocks: Alternated = Object.fromEntries(sides.map((side) => [side, []]));
  for (let round = 0; round < rounds; round++) {
    for (const side of order(round, sides)) {
      await new Promise((done) => setTimeout(done, SETTLE_MS));
      const loop = sampleLoopDelay();
      const start = process.hrtime.bigint();
      const { times, errors } = await run(side);
      const ms = msSince(start);
      loop.stop();
      blocks[side]!.push({ times, errors, ms, loop: loop.histogram });
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

/** Which side's figure is compared with which side's: the bot's with the echo's unless said otherwise. */
export interface Pair { side: Side; against: Side }
const BOT_AGAINST_ECHO: Pair = { side: 'bot', against: 'echo' };

/** A side's figure pooled over its blocks against another side's pooled the same way, with the ratio of each round. */
export function compared(measure: string, name: string, unit: string, runs: Alternated, stat: Stat, baselineName = 'echo', perRound = true, pair = BOT_AGAINST_ECHO): Figure {
  const [side, against] = [blocksOf(runs, pair.side), blocksOf(runs, pair.against)];
  const f = figure(measure, name, stat(side), unit, { name: baselineName, value: stat(against) });
  if (!perRound) return f;
  return withSpread(f, side.map((block, round) => stat([block]) / stat([against[round]!])));
}

function blocksOf(runs: Alternated, side: Side): Block[] {
  const blocks = runs[side];
  if (!blocks) throw new Error(`the ${side} did not run`);
  return blocks;
}
