import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/compose';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { createStore } from '../../src/store/create-store';
import { subscription } from '../../test/lagesbild/digest-fixtures';
import { conversationRecord } from '../../test/store/store-fixtures';
import { ManualClock } from '../../test/support/bot-harness';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { TEAMS_LIMITS, TeamsLimitedConnector } from '../support/teams-limited-connector';
import { msSince } from '../support/timing';

const MEASURE = '3 fan-out';
const TENANT = 'bench-tenant-a';
/** Monday 7 December 2026, 07:30 in Stockholm: the minute every subscription is due. */
const DUE = new Date('2026-12-07T06:30:00Z');
const channel = (i: number) => `19:fan-out-${i}@thread.tacv2`;

/** A database with `channels` channels of one tenant, each subscribed to the weekly digest on Mondays at 07:30. */
async function seed(file: string, serviceUrl: string, channels: number): Promise<void> {
  const store = await createStore(`sqlite:${file}`);
  try {
    for (let i = 0; i < channels; i++) {
      const id = channel(i);
      await store.conversations.save(conversationRecord({
        conversationId: id, channelId: id, tenantId: TENANT, serviceUrl,
        reference: { bot: { id: '28:bot', name: 'Trygghetsboten' }, conversation: { id, isGroup: true, conversationType: 'channel', tenantId: TENANT }, channelId: 'msteams', serviceUrl },
      }));
      await store.digestSubscriptions.save(subscription({ conversationId: id, tenantId: TENANT, weekday: 1, time: '07:30' }));
    }
  } finally {
    await store.close();
  }
}

/** All subscriptions due at one minute, posted by `instances` schedulers on one database. */
async function fanOut(channels: number, instances: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-fan-out-'));
  const file = join(dir, 'fan-out.db');
  const connector = new TeamsLimitedConnector();
  const bots: RunningBot[] = [];
  try {
    await seed(file, await connector.start(), channels);
    const clock = new ManualClock(DUE);
    for (let i = 0; i < instances; i++) {
      const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent', SCHEDULER_CRON: 'off' });
      bots.push(await startBot(config, createLogger('silent'), { clock, host: '127.0.0.1' }));
    }
    const start = process.hrtime.bigint();
    await Promise.all(bots.map((bot) => bot.digests.tick(DUE)));
    const seconds = msSince(start) / 1000;
    const perTenant = TEAMS_LIMITS.perTenant[0]!;
    const floor = channels / (perTenant.count / (perTenant.windowMs / 1000));
    const duplicates = [...connector.delivered.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = channels - connector.delivered.size;
    const label = `${channels} channels, ${instances} instance${instances > 1 ? 's' : ''}`;
    return [
      figure(MEASURE, `${label}: time to post all`, seconds, 's', { name: 'floor of Teams\' limits', value: floor }),
      figure(MEASURE, `${label}: duplicates`, duplicates, 'posts'),
      figure(MEASURE, `${label}: lost`, lost, 'channels'),
      figure(MEASURE, `${label}: answered 429`, connector.throttled, 'posts'),
    ];
  } finally {
    for (const bot of bots) await bot.stop();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 3. 500 subscribed channels due at the same minute, one and two scheduler instances on one database. */
export async function fanOutMeasure(): Promise<Figure[]> {
  const channels = size(500, 40);
  return [...await fanOut(channels, 1), ...await fanOut(channels, 2)];
}
