import { alternate, compared, latency, type Side } from '../support/alternating';
import { startEcho, startTrygghetsboten, type BotUnderTest } from '../support/bots';
import { startSavingEcho } from '../support/saving-echo';
import { post, trafficFor, type Traffic } from '../support/report-traffic';
import type { Figure } from '../support/results';
import { size } from '../support/settings';

const MEASURE = '1 round trip';

/** `count` requests one at a time: the latency of one turn with nothing else going on. Any answer but the right card (report-traffic.ts) fails the run. */
async function sequential(bot: BotUnderTest, make: Traffic, from: number, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = from; n < from + count; n++) {
    const { ms, ok } = await post(bot.baseUrl, make, n);
    if (!ok) throw new Error(`request ${n} was not answered with its card`);
    times.push(ms);
  }
  return times;
}

const SIDES: readonly Side[] = ['echo', 'bot', 'saver'];

/**
 * 1. Report submits through POST /api/messages against the echo bot on the same stack, and against the
 * echo that saves the report with the bot's store (saving-echo.ts): all three started once, warmed up
 * together in blocks of 100 until V8 has optimised their code, then measured in blocks that alternate.
 */
export async function roundTrip(): Promise<Figure[]> {
  const rounds = size(10, 2);
  const perBlock = size(50, 10);
  // Each side's p50 stops falling after about 1 000 to 1 200 submits (V8 still optimising its code before).
  const warmUp = { rounds: size(12, 1), perBlock: size(100, 10) };
  const bots: Record<Side, BotUnderTest> = { echo: await startEcho(), bot: await startTrygghetsboten(), saver: await startSavingEcho() };
  try {
    const makers = Object.fromEntries(SIDES.map((side) => [side, trafficFor(side, bots[side].serviceUrl, 10, 10)])) as Record<Side, Traffic>;
    const sent: Record<Side, number> = { echo: 0, bot: 0, saver: 0 };
    const block = async (side: Side, count: number) => {
      const times = await sequential(bots[side], makers[side], sent[side], count);
      sent[side] += count;
      return { times, errors: 0 };
    };
    await alternate(warmUp.rounds, SIDES, (side) => block(side, warmUp.perBlock));
    const runs = await alternate(rounds, SIDES, (side) => block(side, perBlock));
    const count = rounds * perBlock;
    return [
      ...[0.5, 0.99].map((q) => compared(MEASURE, `report submit p${q * 100} (${count} sequential)`, 'ms', runs, latency(q), `echo p${q * 100}`)),
      compared(MEASURE, `echo that saves the report, p50 (${count} sequential)`, 'ms', runs, latency(0.5), 'echo p50', true, { side: 'saver', against: 'echo' }),
      compared(MEASURE, `report submit p50 against the echo that saves it (${count} sequential)`, 'ms', runs, latency(0.5), 'echo that saves, p50', true, { side: 'bot', against: 'saver' }),
    ];
  } finally {
    await Promise.all(Object.values(bots).map((bot) => bot.stop()));
  }
}
