import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';
import { BotHarness } from '../../test/support/bot-harness';
import { startEchoBot } from './echo-bot.cjs';

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

/** The echo bot in this process, answering to the same kind of fake Bot Connector. */
export async function startEcho(): Promise<BotUnderTest> {
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const echo = await startEchoBot(0);
  return {
    baseUrl: `http://127.0.0.1:${echo.port}`, serviceUrl,
    stop: async () => { await echo.close(); await connector.stop(); },
  };
}
