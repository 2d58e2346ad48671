import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteConnection } from '../../src/store/sqlite/sqlite-driver';
import { startBot, type RunningBot } from '../../src/compose';
import { loadConfig } from '../../src/config/config';
import type { Clock } from '../../src/domain/ports/clock.port';
import { createLogger, type Logger } from '../../src/logging/logger';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { cardAction, channelMessage, personalMessage, type Speaker, type Where } from './teams-activities';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public current = new Date('2026-11-25T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
}

/**
 * The real bot (express server on a loopback port, SQLite file in a temp folder) and a fake Bot
 * Connector that receives its replies. Tests talk to it over HTTP, as Teams would.
 */
export class BotHarness {
  readonly connector = new FakeBotConnector();
  readonly clock = new ManualClock();
  readonly dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-'));
  bot!: RunningBot;
  databaseUrl = `sqlite:${join(this.dir, 'test.db')}`;

  async start(env: Record<string, string> = {}, logger: Logger = createLogger('silent')): Promise<this> {
    await this.connector.start();
    const config = loadConfig({ PORT: '0', DATABASE_URL: this.databaseUrl, LOG_LEVEL: 'silent', ...env });
    // The rate limiter's monotonic clock moves with the manual clock here (a move back counts as none).
    this.bot = await startBot(config, logger, { clock: this.clock, host: '127.0.0.1', monotonic: () => this.clock.current.getTime() });
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.bot.port}`;
  }

  where(extra: Partial<Where> = {}): Where {
    return { serviceUrl: this.connector.url, ...extra };
  }

  post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /**
   * Sends a channel message (in a personal chat, `conversationType: 'personal'`, the words without the
   * @mention of the bot) and returns what the bot posted back to the connector.
   */
  async say(text: string, extra: Partial<Where> = {}, mentioning: Speaker[] = []): Promise<Record<string, any>[]> {
    const before = this.connector.messages().length;
    const where = this.where(extra);
    const res = await this.post(where.conversationType === 'personal' ? personalMessage(text, where, mentioning) : channelMessage(text, where, mentioning));
    if (res.status >= 300) throw new Error(`message answered ${res.status}`);
    return this.connector.messages().slice(before);
  }

  /** Presses a card button; returns the card that replaces it. */
  async press(verb: string, data: Record<string, unknown>, extra: Partial<Where> = {}): Promise<Record<string, any>> {
    const res = await this.post(cardAction(verb, data, this.where(extra)));
    const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, any> };
    if (res.status !== 200 || body.statusCode !== 200) throw new Error(`invoke answered ${res.status}/${body.statusCode}`);
    if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke answered ${body.type}`);
    return body.value;
  }

  /**
   * Presses a card button and returns whatever came back, without judging it: the HTTP status, the
   * invoke body, and the messages the bot posted to the connector meanwhile. `text` is all of it as one
   * string, for "the user can read X" assertions.
   */
  async invoke(verb: string, data: Record<string, unknown>, extra: Partial<Where> = {}): Promise<InvokeAnswer> {
    const before = this.connector.messages().length;
    const res = await this.post(cardAction(verb, data, this.where(extra)));
    const raw = await res.text();
    let body: unknown = raw;
    try { body = JSON.parse(raw); } catch { /* not JSON: kept as text */ }
    const posted = this.connector.messages().slice(before);
    return { status: res.status, body, posted, text: JSON.stringify({ body, posted }) };
  }

  /**
   * What a user's Teams client shows of a card with a Universal Actions `refresh` (an export card): the
   * automatic refresh invoke, sent as `extra.from`, and the card the bot answers with for that user.
   */
  async refresh(card: Record<string, any>, extra: Partial<Where> = {}): Promise<Record<string, any>> {
    const action = card.refresh?.action;
    if (!action) throw new Error(`the card has no refresh: ${cardText(card).slice(0, 300)}`);
    const activity = cardAction(action.verb, action.data ?? {}, this.where(extra));
    activity.value.trigger = 'automatic';
    const res = await this.post(activity);
    const body = (await res.json()) as { statusCode: number; value: Record<string, any> };
    if (res.status !== 200 || body.statusCode !== 200) throw new Error(`refresh answered ${res.status}/${body.statusCode}`);
    return body.value;
  }

  /** Fetches a link the bot handed out (an export) through the loopback address the bot really listens on. */
  download(url: string): Promise<Response> {
    return fetch(url.replace(/^https?:\/\/[^/]+/, this.baseUrl));
  }

  /** The SQLite file of this harness. */
  get databaseFile(): string {
    return this.databaseUrl.replace(/^sqlite:/, '');
  }

  /** Runs `read` on the SQLite file opened read-only (a separate connection, as an operator would). */
  readDatabase<T>(read: (db: SqliteConnection) => T): T {
    const db = openSqliteDatabase(this.databaseFile, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  async restart(): Promise<void> {
    await this.bot.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.bot?.stop().catch(() => undefined);
    await this.connector.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What a card button press answered: see BotHarness.invoke. */
export interface InvokeAnswer {
  status: number;
  body: unknown;
  posted: Record<string, any>[];
  text: string;
}

export function cardOf(message: Record<string, any>): Record<string, any> {
  const attachment = message.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('message has no adaptive card');
  return attachment.content;
}

/** All the text a card shows, for "the user can read X" assertions. */
export function cardText(card: unknown): string {
  return JSON.stringify(card);
}

/** The Action.Execute buttons of a card by verb. */
export function actionsOf(card: Record<string, any>): Record<string, any>[] {
  return (card.actions ?? []) as Record<string, any>[];
}
