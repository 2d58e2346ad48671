import { alternate, compared, errors, latency, loopDelay, perSecond, type Alternated, type Side } from '../support/alternating';
import { spawnEcho, spawnTrygghetsboten, startEcho, startTrygghetsboten, type BotUnderTest } from '../support/bots';
import { startSavingEcho } from '../support/saving-echo';
import { post, trafficFor, type Traffic } from '../support/report-traffic';
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

interface Step { users: number; rounds: number; eachPerBlock: number; warmUpRounds: number; sides: readonly Side[] }

/** At 20 users, blocks of 200: the warm-up's 1 200 a side is where a sequential submit's p50 stops falling. */
const TWENTY: Step = { users: 20, rounds: size(6, 2), eachPerBlock: size(10, 2), warmUpRounds: size(6, 1), sides: ['echo', 'bot', 'saver'] };
/** At 100 users the code is warm already: one block each opens the connections. */
const HUNDRED: Step = { users: 100, rounds: size(4, 2), eachPerBlock: size(5, 1), warmUpRounds: 1, sides: ['echo', 'bot'] };

type Bots = Partial<Record<Side, BotUnderTest>>;

/** The step's sides warmed up at `step.users`, then measured in blocks that alternate (alternating.ts). */
async function alternatedUnderLoad(bots: Bots, step: Step): Promise<Alternated> {
  const { users, rounds, eachPerBlock, warmUpRounds, sides } = step;
  const running = (side: Side): BotUnderTest => {
    const bot = bots[side];
    if (!bot) throw new Error(`measure 7: the ${side} is not running`);
    return bot;
  };
  const makers = Object.fromEntries(sides.map((side) => [side, trafficFor(side, running(side).serviceUrl, users, CHANNELS)])) as Record<Side, Traffic>;
  const sent: Record<Side, number> = { echo: 0, bot: 0, saver: 0 };
  const block = async (side: Side) => {
    const result = await underLoad(running(side), makers[side], sent[side], users, eachPerBlock);
    sent[side] += users * eachPerBlock;
    return result;
  };
  const warm = await alternate(warmUpRounds, sides, block);
  for (const side of sides) {
    const failed = errors(warm[side] ?? []);
    if (failed > 0) process.stderr.write(`measure 7, ${users} users, warm-up of the ${side}: ${failed} requests not answered with their card\n`);
  }
  return alternate(rounds, sides, block);
}

const label = (step: Step) => `${step.users} users × ${step.rounds * step.eachPerBlock}`;

/** Throughput, p50, p99 and errors of the bot against the echo's. */
const underLoadFigures = (name: string, runs: Alternated): Figure[] => [
  compared(MEASURE, `${name}: throughput`, 'req/s', runs, perSecond),
  compared(MEASURE, `${name}: p50`, 'ms', runs, latency(0.5)),
  compared(MEASURE, `${name}: p99`, 'ms', runs, latency(0.99)),
  compared(MEASURE, `${name}: errors`, 'requests', runs, errors, 'echo', false),
];

/** Against the echo that saves (saving-echo.ts): what it costs against the bare echo, and what the bot costs beyond it. */
const againstSaverFigures = (name: string, runs: Alternated): Figure[] => [
  compared(MEASURE, `${name}: echo that saves the report, throughput`, 'req/s', runs, perSecond, 'echo', true, { side: 'saver', against: 'echo' }),
  compared(MEASURE, `${name}: echo that saves the report, p99`, 'ms', runs, latency(0.99), 'echo', true, { side: 'saver', against: 'echo' }),
  compared(MEASURE, `${name}: throughput against the echo that saves`, 'req/s', runs, perSecond, 'echo that saves', true, { side: 'bot', against: 'saver' }),
  compared(MEASURE, `${name}: p99 against the echo that saves`, 'ms', runs, latency(0.99), 'echo that saves', true, { side: 'bot', against: 'saver' }),
];

/** Each started by `start` in turn, all stopped whatever happens (those started too when a later one fails to start). */
async function withAll<T>(start: Partial<Record<Side, () => Promise<BotUnderTest>>>, use: (bots: Bots) => Promise<T>): Promise<T> {
  const bots: Bots = {};
  try {
    for (const [side, begin] of Object.entries(start) as [Side, () => Promise<BotUnderTest>][]) bots[side] = await begin();
    return await use(bots);
  } finally {
    await Promise.all(Object.values(bots).map((bot) => bot.stop()));
  }
}

/**
 * 7. 20 and 100 users submitting reports at once across 10 channels, against the echo bot under the
 * same load. First in this process (the event-loop delay is this process's: synchronous work on the
 * hot path shows there), at 20 users with the echo that saves the report as a third side; then at 20
 * users the bot and the echo as production runs them, each in a process of its own (bots.ts,
 * spawnTrygghetsboten): what production's start settings cost or save shows only there.
 */
export async function load(): Promise<Figure[]> {
  const figures: Figure[] = [];
  await withAll({ echo: startEcho, bot: startTrygghetsboten, saver: startSavingEcho }, async (bots) => {
    for (const step of [TWENTY, HUNDRED]) {
      const runs = await alternatedUnderLoad(bots, step);
      figures.push(
        ...underLoadFigures(label(step), runs),
        compared(MEASURE, `${label(step)}: event-loop delay p99`, 'ms', runs, loopDelay(99)),
        compared(MEASURE, `${label(step)}: event-loop delay max`, 'ms', runs, loopDelay('max')),
        ...(step.sides.includes('saver') ? againstSaverFigures(label(step), runs) : []),
      );
    }
  });
  await withAll({ echo: spawnEcho, bot: spawnTrygghetsboten }, async (bots) => {
    figures.push(...underLoadFigures(`${label(TWENTY)}, own processes`, await alternatedUnderLoad(bots, { ...TWENTY, sides: ['echo', 'bot'] })));
  });
  return figures;
}
