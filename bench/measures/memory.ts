import { setTimeout as delay } from 'node:timers/promises';
import { BENCH_ENV, spawned } from '../support/bots';
import { echoMaker, post, submitMaker, type Traffic } from '../support/report-traffic';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { NODE_FLAGS } from '../../scripts/node-flags.cjs';
import { buildIfStale, ECHO_BOT_SCRIPT, serverCommand } from '../support/server-process';

const MEASURE = '4 memory';
const AT_ONCE = 10;
/** How long the server is left idle after the last submit, as a Teams bot is between bursts; a load balancer polls /healthz meanwhile. */
const IDLE_MS = size(30_000, 500);
const HEALTH_POLL_MS = 2_000;

/** Sends requests n = from … to-1, AT_ONCE in flight, from 100 users across 10 channels. */
async function send(baseUrl: string, make: Traffic, from: number, to: number): Promise<void> {
  let next = from;
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (next < to) {
      const n = next++;
      if (!(await post(baseUrl, make, n)).ok) throw new Error(`request ${n} was not answered as asked`);
    }
  }));
}

/** A server process's RSS after start, after the first requests, after all of them and once idle after them. */
interface Readings { atStart: number; afterFirst: number; afterAll: number; idle: number }

/** Waits IDLE_MS, asking /healthz every HEALTH_POLL_MS as an orchestrator's probe would. */
async function idle(baseUrl: string): Promise<void> {
  const probe = setInterval(() => { void fetch(`${baseUrl}/healthz`).then((r) => r.text()).catch(() => undefined); }, HEALTH_POLL_MS);
  try {
    await delay(IDLE_MS);
  } finally {
    clearInterval(probe);
  }
}

/** Starts `node <args>` (bots.ts) and sends it `first`, then up to `all` requests of `traffic`. */
async function readings(args: string[], env: Record<string, string>, traffic: (serviceUrl: string) => Traffic, first: number, all: number): Promise<Readings> {
  const server = await spawned(args, env);
  try {
    const make = traffic(server.serviceUrl);
    const atStart = server.rssMb();
    await send(server.baseUrl, make, 0, first);
    const afterFirst = server.rssMb();
    await send(server.baseUrl, make, first, all);
    const afterAll = server.rssMb();
    await idle(server.baseUrl);
    return { atStart, afterFirst, afterAll, idle: server.rssMb() };
  } finally {
    await server.stop();
  }
}

/**
 * 4. RSS of the server process after start, after 1 k and after 10 k report submits, each against the
 * echo bot's own process after as many requests of its own, started the same way (production's V8 flags
 * and C library settings, on the same Node): what any botbuilder bot on this stack and with these
 * settings holds, so that the ratio is the bot's own memory (Node 24's base alone is some 40 MB above
 * Node 20's). Then both once idle for IDLE_MS after the last request: what a server holds between bursts,
 * once V8's memory reducer has given back what the burst took (on Node 24 the bot's own nudge makes it run,
 * src/runtime/memory-reducer-nudge.ts; the echo has none). The last row holds the bot to itself: flat from
 * 1 k to 10 k.
 */
export async function memory(): Promise<Figure[]> {
  buildIfStale();
  const first = size(1_000, 100);
  const all = size(10_000, 300);
  const echoArgs = [...NODE_FLAGS, ECHO_BOT_SCRIPT];
  const echo = await readings(echoArgs, {}, (url) => echoMaker(url, 100, 10), first, all);
  const command = serverCommand();
  const bot = await readings(command.args, BENCH_ENV, (url) => submitMaker(url, 100, 10), first, all);
  const echoName = (when: string) => `echo bot process ${when}, same flags`;
  return [
    figure(MEASURE, 'RSS after start', bot.atStart, 'MB', { name: echoName('after start'), value: echo.atStart }, command.label),
    figure(MEASURE, `RSS after ${first} submits`, bot.afterFirst, 'MB', { name: echoName(`after ${first} requests`), value: echo.afterFirst }),
    figure(MEASURE, `RSS after ${all} submits`, bot.afterAll, 'MB', { name: echoName(`after ${all} requests`), value: echo.afterAll }),
    figure(MEASURE, `RSS ${IDLE_MS / 1000} s idle after ${all} submits`, bot.idle, 'MB', { name: echoName(`${IDLE_MS / 1000} s idle after ${all} requests`), value: echo.idle }),
    figure(MEASURE, `RSS after ${all} submits against after ${first}`, bot.afterAll, 'MB', { name: `after ${first}`, value: bot.afterFirst }),
  ];
}
