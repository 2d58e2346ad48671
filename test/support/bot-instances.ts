import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import type { Store } from '../../src/domain/ports/store.port';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { startBotProcess, type BotProcess } from './bot-process';
import { BOT, TENANT } from './teams-activities';

// Helpers for tests that run several bot instances (processes) on one SQLite file (issue 18).

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `ok` holds, checking every 50 ms; fails naming `what` after `ms`. */
export async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Rows of the database file, read through a connection of its own (the instances keep theirs). */
export function readRows<T>(file: string, query: string): T[] {
  const db = openSqliteDatabase(file, { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

/** The instance id a bot logged when it started listening (what its leases name as holder). */
export const instanceIdOf = (bot: BotProcess): string | undefined => bot.logs.find((l) => l.includes('listens'))?.match(/"instance":"([^"]+)"/)?.[1];

/**
 * Kills (SIGKILL) the instance whose id is `holder` and waits for it to end: `other` is the one left,
 * `killedAt` when the signal was sent. Throws when neither is the holder.
 */
export async function killHolder(both: BotProcess[], holder: string): Promise<{ other: BotProcess; killedAt: number }> {
  const killed = both.find((bot) => instanceIdOf(bot) === holder);
  const other = both.find((bot) => bot !== killed);
  if (!killed || !other) throw new Error(`the holder ${holder} is not one of the instances`);
  killed.child.kill('SIGKILL');
  const killedAt = Date.now();
  const ended = await killed.ended;
  if (ended.signal !== 'SIGKILL') throw new Error(`the holder ended otherwise: ${JSON.stringify(ended)}`);
  return { other, killedAt };
}

/** A Teams channel of TENANT the bot was installed in, its service URL the fake connector. */
export async function saveChannel(store: Store, conversationId: string, connectorUrl: string, now: Date): Promise<void> {
  await store.conversations.save({
    conversationId, tenantId: TENANT, scope: 'channel', teamId: '19:team@thread.tacv2', channelId: conversationId, serviceUrl: connectorUrl,
    reference: { bot: BOT, conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT }, channelId: 'msteams', serviceUrl: connectorUrl },
    installedAt: now, updatedAt: now,
  });
}

/** Bot processes on one database file, each cron ticking every second; killed (if still running) by stopAll. */
export class BotInstances {
  private readonly started: BotProcess[] = [];

  async start(file: string, env: Record<string, string> = {}): Promise<BotProcess> {
    const bot = await startBotProcess({ DATABASE_URL: `sqlite:${file}`, SCHEDULER_CRON: '* * * * * *', ...env });
    this.started.push(bot);
    return bot;
  }

  async stopAll(): Promise<void> {
    for (const bot of this.started.splice(0)) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.ended;
    }
  }
}

/**
 * For a describe block: a fake connector (cleared, without delay, before each test), a new database
 * file per call of nextFile, and instances started on them, all killed after each test.
 */
export function instancesOnOneDatabase(name: string): { connector: FakeBotConnector; nextFile: () => string; start: BotInstances['start'] } {
  const dir = mkdtempSync(join(tmpdir(), `trygghetsboten-${name}-`));
  const connector = new FakeBotConnector();
  const instances = new BotInstances();
  let n = 0;
  before(async () => { await connector.start(); });
  beforeEach(() => {
    connector.received.length = 0;
    connector.delayMs = 0;
  });
  afterEach(() => instances.stopAll());
  after(async () => {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { connector, nextFile: () => join(dir, `${name}-${n++}.db`), start: (file, env) => instances.start(file, env) };
}
