import { alternate, compared, errors, latency, loopDelay, perSecond, type Side } from '../support/alternating';
import { startEcho, startTrygghetsboten, type BotUnderTest } from '../support/bots';
import { echoMaker, post, submitMaker, type Traffic } from '../support/report-traffic';
import type { Figure } from '../support/results';
import { size } from '../support/settings';

const MEASURE = '7 load';
const CHANNELS = 10;

/**
 * `users` users at once, each sending `each` requests one after the other. Errors are counted, not
 * thrown: how many fail under load is a figure. The event-loop delay (alternating.ts) is of this
 * process, which runs the server (and the small client).
 */
async function underLoad(bot: BotUnderTest, make: Traffic, from: number, users: number, each: number): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let failed = 0;
  await Promise.all(Array.from({ length: users }, async (_, user) => {
    for (let i = 0; i < each; i++) {
      const { ms, ok } = await post(bot.baseUrl, make, from + i * users + user);
      times.push(ms);
      if (!ok) failed++;
    }
  }));
  return { times, errors: failed };
}

/**
 * 7. 20 and 100 users submitting reports at once across 10 channels, against the echo bot under the
 * same load: both started once, warmed up at each number of users, then measured in blocks that
 * alternate (ABBA).
 */
export async function load(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const bots: Record<Side, BotUnderTest> = { echo: await startEcho(), bot: await startTrygghetsboten() };
  try {
    for (const { users, rounds, eachPerBlock, warmUpRounds } of [
      // At 20 users, blocks of 200: the warm-up's 1 200 a side is where a sequential submit's p50 stops falling.
      { users: 20, rounds: size(6, 2), eachPerBlock: size(10, 2), warmUpRounds: size(6, 1) },
      // At 100 users the code is warm already: one block each opens the connections.
      { users: 100, rounds: size(4, 2), eachPerBlock: size(5, 1), warmUpRounds: 1 },
    ]) {
      const makers = { echo: echoMaker(bots.echo.serviceUrl, users, CHANNELS), bot: submitMaker(bots.bot.serviceUrl, users, CHANNELS) };
      const sent = { echo: 0, bot: 0 };
      const block = async (side: Side) => {
        const result = await underLoad(bots[side], makers[side], sent[side], users, eachPerBlock);
        sent[side] += users * eachPerBlock;
        return result;
      };
      const warm = await alternate(warmUpRounds, block);
      for (const side of ['echo', 'bot'] as const) {
        const failed = errors(warm[side]);
        if (failed > 0) process.stderr.write(`measure 7, ${users} users, warm-up of the ${side}: ${failed} requests not answered 2xx\n`);
      }
      const runs = await alternate(rounds, block);
      const label = `${users} users × ${rounds * eachPerBlock}`;
      figures.push(
        compared(MEASURE, `${label}: throughput`, 'req/s', runs, perSecond),
        compared(MEASURE, `${label}: p50`, 'ms', runs, latency(0.5)),
        compared(MEASURE, `${label}: p99`, 'ms', runs, latency(0.99)),
        compared(MEASURE, `${label}: errors`, 'requests', runs, errors, 'echo', false),
        compared(MEASURE, `${label}: event-loop delay p99`, 'ms', runs, loopDelay(99)),
        compared(MEASURE, `${label}: event-loop delay max`, 'ms', runs, loopDelay('max')),
      );
    }
  } finally {
    await Promise.all([bots.echo.stop(), bots.bot.stop()]);
  }
  return figures;
}
