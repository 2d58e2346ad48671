import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { hashToken } from '../../src/domain/lagesbild/export-service';
import { createLogger } from '../../src/logging/logger';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, cardAction, CHANNEL, chatIdOf, TENANT, type Speaker } from '../support/teams-activities';

// An export's links reach only the coordinator who asked: the channel gets a card without links, and
// Teams' Universal Actions refresh (for the requester's user id only) fetches them from the bot. The
// token of a link is in no log line, no audit row and no database row; each download is audited.

const LINK = /http:\/\/localhost:\d+\/exports\/([A-Za-z0-9_-]{43})\/(export\.zip|report\.html)/g;
const linksOf = (card: unknown) => [...JSON.stringify(card).matchAll(LINK)].map((m) => ({ url: m[0], token: m[1]!, file: m[2]! }));

describe('export links go to the requester only, and never into a log', function () {
  this.timeout(30_000);
  let h: BotHarness;
  let logs: string[];

  beforeEach(async () => {
    logs = [];
    const sink = new Writable({ write(chunk, _enc, done) { logs.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId},${TENANT}/${BERIT.aadObjectId}` }, createLogger('trace', sink));
    h.clock.current = new Date('2026-11-25T10:00:00Z');
    await h.press('submitIncident', {
      date: '2026-11-24', time: '21:00', newPlace: 'Stora torget', category: 'skadegorelse_klotter', description: 'Klotter', severity: 'medel', organisation: 'polisen',
    });
  });
  afterEach(async () => { await h.stop(); });

  /** The export card Anna's command posts in the channel. */
  const exportCard = async () => cardOf((await h.say('export denna vecka'))[0]!);

  /** What Teams sends when a card with `refresh` comes into view for one of its userIds. */
  const refresh = async (card: Record<string, any>, from: Speaker = ANNA, trigger: 'automatic' | 'manual' = 'automatic') => {
    const activity = cardAction(card.refresh.action.verb, card.refresh.action.data, h.where({ from }));
    activity.value.trigger = trigger;
    const before = h.connector.received.length;
    const res = await h.post(activity);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { statusCode: number; value: Record<string, any> };
    assert.equal(h.connector.received.length, before, 'answering a refresh posts or updates nothing in the channel');
    return body.value;
  };

  it('When a coordinator exports, then the channel sees no link, only whose the links are; her refresh shows them to her alone', async () => {
    const shared = await exportCard();
    assertValidCard(shared);
    assert.deepEqual(linksOf(shared), [], 'no link in the card everyone sees');
    assert.match(cardText(shared), /Exporten är klar – länkarna visas bara för Anna Andersson/);
    assert.deepEqual(shared.refresh.userIds, [chatIdOf(ANNA)], 'only Anna\'s Teams client refreshes the card');
    const [record] = await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5);
    assert.deepEqual(shared.refresh.action.data, { exportId: record!.id });

    const own = await refresh(shared);
    assertValidCard(own);
    const links = linksOf(own);
    assert.deepEqual(links.map((l) => l.file), ['export.zip', 'report.html']);
    assert.equal(new Set(links.map((l) => l.token)).size, 1);
    assert.deepEqual(own.refresh.userIds, [chatIdOf(ANNA)]);

    const other = await refresh(shared, BERIT, 'manual');
    assert.deepEqual(linksOf(other), [], 'another coordinator pressing the refresh gets no link');
    assert.match(cardText(other), /Du har inte behörighet att göra det/);

    for (const link of links) assert.equal((await h.download(link.url)).status, 200);
    const audit = (await h.bot.store.audit.latest({ tenantId: TENANT }, 50)).filter((e) => e.action.startsWith('export.') || e.action === 'access.refused');
    // One clock instant: compared as a set.
    assert.deepEqual(audit.map((e) => [e.action, e.actorId, e.entityId, e.detail].join(' ')).sort(), [
      ['access.refused', BERIT.aadObjectId, record!.id, 'lagesbildExportLinks'],
      ['export.created', ANNA.aadObjectId, record!.id, 'week 2026-11-23..2026-11-25'], // this week so far
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'html'],
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'zip'],
    ].map((e) => e.join(' ')));
    const stored = h.readDatabase((db) => JSON.stringify([db.prepare('SELECT * FROM audit_log').all(), db.prepare('SELECT * FROM digest_exports').all()]));
    assert.ok(!stored.includes(links[0]!.token), 'the database holds no token');
    assert.ok(stored.includes(hashToken(links[0]!.token)), 'only its hash');
  });

  it('When the requester\'s card refreshes again, then new links replace the old ones; after the export expires there are none', async () => {
    const shared = await exportCard();
    const first = linksOf(await refresh(shared));
    const second = linksOf(await refresh(shared));
    assert.notEqual(first[0]!.token, second[0]!.token);
    assert.equal((await h.download(first[0]!.url)).status, 404, 'links shown before stop working');
    assert.equal((await h.download(second[0]!.url)).status, 200);

    h.clock.current = new Date(h.clock.current.getTime() + 16 * 60_000);
    const expired = await refresh(shared);
    assert.deepEqual(linksOf(expired), []);
    assert.match(cardText(expired), /Exportens länkar har gått ut/);
    assert.equal(expired.refresh, undefined);
    assert.equal((await h.download(second[0]!.url)).status, 404);
  });

  it('When links are downloaded, mistyped and fail, then no log line holds a token, and request lines show the route', async () => {
    const shared = await exportCard();
    const links = linksOf(await refresh(shared));
    const token = links[0]!.token;
    for (const link of links) assert.equal((await h.download(link.url)).status, 200);
    assert.equal((await h.download(`${h.baseUrl}/exports/${token}/other.txt`)).status, 404);
    assert.equal((await h.download(`${h.baseUrl}/exports/${token}`)).status, 404);
    assert.equal((await h.download(`${h.baseUrl}/exports/${token.slice(1)}x/incidents.csv?${token}`)).status, 404);
    await h.bot.store.close();
    assert.ok((await h.download(links[0]!.url)).status >= 500, 'a failing download');

    const all = logs.join('\n');
    assert.ok(!all.includes(token), 'a log line holds the token');
    assert.ok(!all.includes(token.slice(0, 20)), 'a log line holds part of the token');
    const paths = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request').map((l) => l.path);
    assert.ok(paths.includes('/exports/:token/export.zip'), `request paths: ${paths.join(', ')}`);
    assert.ok(paths.includes('/exports/:token/report.html'));
    assert.ok(paths.every((p) => typeof p === 'string' && !/[A-Za-z0-9_-]{16,}/.test(p)), `request paths: ${paths.join(', ')}`);
  });
});
