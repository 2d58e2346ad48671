import { BENCH_ENV } from '../support/bots';
import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';
import { post, submitMaker, type Traffic } from '../support/report-traffic';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { join } from 'node:path';
import { buildIfStale, projectRoot, serverCommand, spawnServer } from '../support/server-process';

const MEASURE = '4 memory';
const AT_ONCE = 10;

/** Sends submits n = from … to-1, AT_ONCE in flight, from 100 users across 10 channels. */
async function submit(baseUrl: string, make: Traffic, from: number, to: number): Promise<void> {
  let next = from;
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (next < to) {
      const n = next++;
      if (!(await post(baseUrl, make, n)).ok) throw new Error(`submit ${n} failed`);
    }
  }));
}

/** RSS of the echo bot's own process once it is healthy: what any botbuilder bot on this stack needs. */
async function echoRss(): Promise<number> {
  const echo = await spawnServer(process.execPath, [join(projectRoot, 'bench', 'support', 'echo-bot.cjs')]);
  try {
    return echo.rssMb();
  } finally {
    await echo.stop();
  }
}

/** 4. RSS of the server process after start, after 1 k and after 10 k report submits. */
export async function memory(): Promise<Figure[]> {
  buildIfStale();
  const echo = await echoRss();
  const first = size(1_000, 100);
  const all = size(10_000, 300);
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const command = serverCommand();
  const server = await spawnServer(process.execPath, command.args, BENCH_ENV);
  try {
    const make = submitMaker(serviceUrl, 100, 10);
    const atStart = server.rssMb();
    await submit(server.baseUrl, make, 0, first);
    const afterFirst = server.rssMb();
    connector.clear();
    await submit(server.baseUrl, make, first, all);
    const afterAll = server.rssMb();
    return [
      figure(MEASURE, 'RSS after start', atStart, 'MB', { name: 'echo bot process after start', value: echo }, command.label),
      figure(MEASURE, `RSS after ${first} submits`, afterFirst, 'MB', { name: 'after start', value: atStart }),
      figure(MEASURE, `RSS after ${all} submits`, afterAll, 'MB', { name: `after ${first}`, value: afterFirst }),
    ];
  } finally {
    await server.stop();
    await connector.stop();
  }
}
