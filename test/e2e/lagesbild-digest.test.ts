import assert from 'node:assert/strict';
import { assertValidCardWithCharts } from '../support/chart-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, CHANNEL, TENANT } from '../support/teams-activities';

// The bot's real HTTP server and SQLite file, a fake Bot Connector, and a clock the test moves: the
// scheduler's tick is called with the clock's time, as node-cron would call it each minute.

describe('end to end: the lägesbild subscribed in a channel, posted on schedule, and exported', function () {
  this.timeout(30_000);
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.clock.current = new Date('2026-11-25T10:00:00Z'); // Wednesday, week 48
  });
  afterEach(async () => { await h.stop(); });

  const report = (description: string, extra: Record<string, string> = {}) => h.press('submitIncident', {
    date: '2026-11-24', time: '21:00', newPlace: 'Stora torget', category: 'skadegorelse_klotter', description,
    severity: 'medel', organisation: 'polisen', ...extra,
  });

  it('When a channel subscribes, then the digest arrives at the fake connector at the subscribed minute, once', async () => {
    const [confirmation] = await h.say('prenumerera');
    const card = cardOf(confirmation!);
    assertValidCardWithCharts(card);
    assert.match(cardText(card), /varje måndag kl\. 07:30/);
    await report('Klotter på busskuren', { school: 'Ängsskolan', youthInvolved: '3' });
    await report('Mer klotter', { newPlace: '<b>Parken</b>' });
    h.connector.clear();

    h.clock.current = new Date('2026-11-30T06:29:00Z'); // Monday 07:29 in Stockholm
    await h.bot.digests.tick(h.clock.now());
    assert.equal(h.connector.messages().length, 0, 'not yet due');

    h.clock.current = new Date('2026-11-30T06:30:00Z'); // 07:30
    await h.bot.digests.tick(h.clock.now());
    const posted = h.connector.received.filter((r) => r.body.type === 'message');
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.conversationId, CHANNEL, 'posted into the channel itself, not into a thread');
    assert.equal(posted[0]!.path, `/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`);
    const digest = cardOf(posted[0]!.body);
    assertValidCardWithCharts(digest);
    const text = cardText(digest);
    assert.match(text, /Lokal lägesbild/);
    assert.match(text, /vecka 48 2026/);
    assert.match(text, /2 händelser/);
    assert.match(text, /Ängsskolan/);
    assert.match(text, /Chart\.HorizontalBar/);

    h.clock.current = new Date('2026-11-30T06:31:00Z');
    await h.bot.digests.tick(h.clock.now());
    assert.equal(h.connector.messages().length, 1, 'a period is posted once');

    const [status] = await h.say('prenumeration');
    assert.match(cardText(cardOf(status!)), /skickad/);
  });

  it('When the bot was down at the scheduled time, then it posts the missed digest once on return, within the window', async () => {
    await h.say('prenumerera dagligen 06:00');
    h.connector.clear();
    h.clock.current = new Date('2026-11-26T09:00:00Z'); // 10:00, four hours late
    await h.restart();
    await h.bot.digests.tick(h.clock.now());
    assert.equal(h.connector.messages().length, 1);
    await h.bot.digests.tick(new Date('2026-11-26T09:01:00Z'));
    assert.equal(h.connector.messages().length, 1);
  });

  it('When someone asks for the lägesbild of a period, then the card answers for that period; bad periods get a clear message', async () => {
    await report('Klotter');
    const [now] = await h.say('lägesbild');
    assertValidCardWithCharts(cardOf(now!));
    assert.match(cardText(cardOf(now!)), /vecka 48 2026 .*hittills/);
    const [march] = await h.say('lägesbild mars');
    assert.match(cardText(cardOf(march!)), /mars 2026/);
    assert.match(cardText(cardOf(march!)), /Inga händelser eller aktiviteter/);
    const [bad] = await h.say('lägesbild vecka 53 2025');
    assert.match(cardText(cardOf(bad!)), /vecka 53 finns bara vissa år/);
    const [english] = await h.say('situation last week', { locale: 'en-GB' });
    assert.match(cardText(cardOf(english!)), /Local situation picture.*week 47 2026/);
  });

  it('When someone exports a period, then the links serve a CSV for Swedish Excel and an escaped report, and expire', async () => {
    await report('=HYPERLINK("http://evil")', { newPlace: 'Torget; "norra"' });
    const [refused] = await h.say('export denna vecka', { from: BERIT });
    assert.match(JSON.stringify(cardOf(refused!)), /Du har inte behörighet att göra det/);
    const [reply] = await h.say('export denna vecka');
    assertValidCardWithCharts(cardOf(reply!));
    // The links are on Anna's own view of the card (its refresh), not in the channel.
    const card = await h.refresh(cardOf(reply!));
    assertValidCardWithCharts(card);
    const urls = JSON.stringify(card).match(/http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]{43}\/[a-z.]+/g)!;
    assert.equal(urls.length, 2);
    const local = (url: string) => url.replace(/^http:\/\/localhost:\d+/, h.baseUrl);
    assert.match(urls[0]!, /\/export\.zip$/, 'the first link is the zip of every kind (test/e2e/export-contents.test.ts)');

    // The incidents alone, as links made before the zip named them.
    const csv = await fetch(local(urls[0]!.replace(/export\.zip$/, 'incidents.csv')));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /text\/csv; charset=utf-8/);
    assert.match(csv.headers.get('content-disposition')!, /attachment; filename="incidents-2026-W48\.csv"/);
    assert.equal(csv.headers.get('cache-control'), 'no-store');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    assert.equal(lines[0], 'Referens;Datum;Tid;Plats;Kategori;Allvarlighet;Organisation;Skola;Unga inblandade;Status;Vad gjordes;K-nummer;Beskrivning');
    assert.equal(lines[1], `H-2026-0001;2026-11-24;21:00;"Torget; ""norra""";Skadegörelse – klotter;Medel;Polisen;;;Ny;;;"'=HYPERLINK(""http://evil"")"`);

    const html = await fetch(local(urls[1]!));
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.equal(html.headers.get('referrer-policy'), 'no-referrer');
    const page = await html.text();
    assert.match(page, /Torget; &quot;norra&quot;/);
    assert.doesNotMatch(page, /<script/);

    const exports = await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 10);
    assert.equal(exports.length, 1);
    assert.equal(exports[0]!.userId, '00000000-0000-0000-0000-00000000aaaa');
    assert.equal(exports[0]!.periodKind, 'week');
    const audited = (await h.bot.store.audit.latest({ tenantId: TENANT }, 20)).filter((e) => e.action === 'export.created');
    assert.deepEqual(audited.map((e) => [e.actorId, e.entityId]), [[ANNA.aadObjectId, exports[0]!.id]]);

    h.clock.current = new Date(h.clock.current.getTime() + 16 * 60_000);
    assert.equal((await fetch(local(urls[0]!))).status, 404);
    assert.equal((await fetch(`${h.baseUrl}/exports/not-a-token/incidents.csv`)).status, 404);
  });

  it('When the channel unsubscribes, then no digest is posted any more', async () => {
    await h.say('subscribe daily 08:00', { locale: 'en-US' });
    const [stopped] = await h.say('avsluta prenumeration');
    assert.match(cardText(cardOf(stopped!)), /Prenumerationen är avslutad/);
    h.connector.clear();
    await h.bot.digests.tick(new Date('2026-11-26T07:00:00Z'));
    assert.equal(h.connector.messages().length, 0);
    const [bad] = await h.say('prenumerera blåsdag 07:30');
    assert.match(cardText(cardOf(bad!)), /Ange dag och tid/);
  });
});
