import { startEcho, startTrygghetsboten, type BotUnderTest } from '../support/bots';
import { echoMaker, post, submitMaker } from '../support/report-traffic';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { quantile } from '../support/timing';

const MEASURE = '1 round trip';

/** Sequential requests, one at a time: the latency of one turn with nothing else going on. */
async function latencies(bot: BotUnderTest, make: (n: number) => unknown, count: number, warmUp: number): Promise<number[]> {
  for (let n = 0; n < warmUp; n++) await post(bot.baseUrl, make(n));
  const times: number[] = [];
  for (let n = warmUp; n < warmUp + count; n++) {
    const { ms, ok } = await post(bot.baseUrl, make(n));
    if (!ok) throw new Error(`request ${n} was not answered 2xx`);
    times.push(ms);
  }
  return times;
}

/** 1. A report submit through POST /api/messages against the echo bot on the same stack. */
export async function roundTrip(): Promise<Figure[]> {
  const count = size(500, 40);
  const warmUp = size(50, 10);
  const echo = await startEcho();
  const echoTimes = await latencies(echo, echoMaker(echo.serviceUrl, 10, 10), count, warmUp).finally(() => echo.stop());
  const bot = await startTrygghetsboten();
  const botTimes = await latencies(bot, submitMaker(bot.serviceUrl, 10, 10), count, warmUp).finally(() => bot.stop());
  return [0.5, 0.99].map((q) => figure(MEASURE, `report submit p${q * 100} (${count} sequential)`, quantile(botTimes, q), 'ms',
    { name: `echo p${q * 100}`, value: quantile(echoTimes, q) }));
}
