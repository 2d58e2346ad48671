import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEcho, startTrygghetsboten, type BotUnderTest } from '../support/bots';
import { echoMaker, post, submitMaker } from '../support/report-traffic';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { msSince, quantile } from '../support/timing';

const MEASURE = '7 load';
const CHANNELS = 10;

interface LoadResult { perSecond: number; p50: number; p99: number; errors: number; loopP99: number; loopMax: number }

/**
 * `users` users at once, each sending `each` requests one after the other, across 10 channels. The
 * event-loop delay is of this process, which runs the server (and the small client).
 */
async function underLoad(bot: BotUnderTest, make: (n: number) => unknown, users: number, each: number): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: users }, async (_, user) => {
    for (let i = 0; i < each; i++) {
      const { ms, ok } = await post(bot.baseUrl, make(i * users + user));
      times.push(ms);
      if (!ok) errors++;
    }
  }));
  const elapsed = msSince(start);
  loop.disable();
  return {
    perSecond: (users * each) / (elapsed / 1000), p50: quantile(times, 0.5), p99: quantile(times, 0.99), errors,
    loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6,
  };
}

async function measured(start: () => Promise<BotUnderTest>, maker: typeof submitMaker, users: number, each: number): Promise<LoadResult> {
  const bot = await start();
  try {
    await underLoad(bot, maker(bot.serviceUrl, users, CHANNELS, 7), Math.min(users, 10), 2); // warm-up
    return await underLoad(bot, maker(bot.serviceUrl, users, CHANNELS), users, each);
  } finally {
    await bot.stop();
  }
}

/** 7. 20 and 100 users submitting reports at once, against the echo bot under the same load. */
export async function load(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const users of [20, 100]) {
    const each = size(users === 20 ? 50 : 20, 3);
    const echo = await measured(startEcho, echoMaker, users, each);
    const bot = await measured(startTrygghetsboten, submitMaker, users, each);
    const label = `${users} users × ${each}`;
    figures.push(
      figure(MEASURE, `${label}: throughput`, bot.perSecond, 'req/s', { name: 'echo', value: echo.perSecond }),
      figure(MEASURE, `${label}: p50`, bot.p50, 'ms', { name: 'echo', value: echo.p50 }),
      figure(MEASURE, `${label}: p99`, bot.p99, 'ms', { name: 'echo', value: echo.p99 }),
      figure(MEASURE, `${label}: errors`, bot.errors, 'requests', { name: 'echo', value: echo.errors }),
      figure(MEASURE, `${label}: event-loop delay p99`, bot.loopP99, 'ms', { name: 'echo', value: echo.loopP99 }),
      figure(MEASURE, `${label}: event-loop delay max`, bot.loopMax, 'ms', { name: 'echo', value: echo.loopMax }),
    );
  }
  return figures;
}
