/**
 * For profiling, not a measure: `node --cpu-prof --import tsx bench/profile-submits.ts` (or
 * PROFILE_HEAP=1 for a heap snapshot at the end) sends PROFILE_SUBMITS report submits (default 2 000) to the bot in this
 * process, 10 at a time, so that the profile shows where a submit's time and memory go.
 */
import { writeHeapSnapshot } from 'node:v8';
import { startTrygghetsboten } from './support/bots';
import { post, submitMaker } from './support/report-traffic';

async function main(): Promise<void> {
  const total = Number(process.env.PROFILE_SUBMITS ?? 2_000);
  const bot = await startTrygghetsboten();
  const make = submitMaker(bot.serviceUrl, 100, 10);
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < total) await post(bot.baseUrl, make, next++);
  }));
  if (process.env.PROFILE_HEAP === '1') process.stdout.write(`heap snapshot: ${writeHeapSnapshot()}\n`);
  process.stdout.write(`${total} submits in ${Date.now() - started} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`);
  await bot.stop();
}

void main();
