import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';
import { BotHarness } from '../../test/support/bot-harness';
import { startEchoBot } from './echo-bot.cjs';
import { buildIfStale, ECHO_BOT_SCRIPT, serverCommand, spawnServer } from './server-process';

/** Settings of the bot under test: the per-user rate limit opened wide, since a benchmark user submits far faster than a person. */
export const BENCH_ENV = { RATE_LIMIT_BURST: '10000', RATE_LIMIT_PER_MINUTE: '10000' };

export interface BotUnderTest {
  baseUrl: string;
  serviceUrl: string;
  stop(): Promise<void>;
}

/** Trygghetsboten in this process (express on loopback, SQLite file, fake Bot Connector), as the tests run it. */
export async function startTrygghetsboten(): Promise<BotUnderTest> {
  const h = await new BotHarness().start(BENCH_ENV);
  return { baseUrl: h.baseUrl, serviceUrl: h.connector.url, stop: () => h.stop() };
}

/** The echo bot in this process, answering to the same kind of fake Bot Connector; with `save`, each card press is saved first (saving-echo.ts). */
export async function startEcho(save?: Parameters<typeof startEchoBot>[1]): Promise<BotUnderTest> {
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const echo = await startEchoBot(0, save);
  return {
    baseUrl: `http://127.0.0.1:${echo.port}`, serviceUrl,
    stop: async () => { await echo.close(); await connector.stop(); },
  };
}

/** A bot in a server process of its own, whose resident memory can be read (measure 4). */
export interface SpawnedBot extends BotUnderTest {
  /** Resident set size of the process (Linux /proc), MB. */
  rssMb(): number;
}

/** `node <args>` as a server process of its own (server-process.ts), answering to a fake Bot Connector in this process. */
export async function spawned(args: string[], env: Record<string, string> = {}): Promise<SpawnedBot> {
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  try {
    const server = await spawnServer(process.execPath, args, env);
    return { baseUrl: server.baseUrl, serviceUrl, rssMb: () => server.rssMb(), stop: async () => { await server.stop(); await connector.stop(); } };
  } catch (error) {
    await connector.stop();
    throw error;
  }
}

/**
 * Trygghetsboten as production runs it: its own process on the production start path (the compiled
 * bundle, production's V8 flags and C library settings), which the in-process bot does not show.
 */
export function spawnTrygghetsboten(): Promise<BotUnderTest> {
  buildIfStale();
  return spawned(serverCommand().args, BENCH_ENV);
}

/** The echo bot in a plain `node` process of its own. */
export function spawnEcho(): Promise<BotUnderTest> {
  return spawned([ECHO_BOT_SCRIPT]);
}
