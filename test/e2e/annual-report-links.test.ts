import assert from 'node:assert/strict';
import type JSZipType from 'jszip';
import { cardOf, cardText, type BotHarness } from '../support/bot-harness';
import { linksOf, refreshAs, startWithAnIncident } from '../support/export-links';
import { ANNA, BERIT, CHANNEL, TENANT } from '../support/teams-activities';

// årsrapport <år> goes through the export's links: coordinators only, the links shown to the requester
// alone, each download audited, and gone when the export expires.


describe('årsrapport <år>: the yearly report through the export\'s audited, short-lived links', function () {
  this.timeout(30_000);
  let h: BotHarness;

  beforeEach(async () => { h = await startWithAnIncident(); });
  afterEach(async () => { await h.stop(); });

  /** What Anna's Teams client sends when the card with `refresh` comes into view. */
  const refresh = (card: Record<string, any>) => refreshAs(h, card, ANNA);

  it('When a coordinator asks for the årsrapport, then her links open it as a page and a Word file, and each download is audited', async () => {
    const shared = cardOf((await h.say('årsrapport 2026'))[0]!);
    assert.match(cardText(shared), /Årsrapport 2026/);
    assert.deepEqual(linksOf(shared), [], 'no link in the card everyone sees');
    const links = linksOf(await refresh(shared));
    assert.deepEqual(links.map((l) => l.file), ['annual-report.html', 'annual-report.docx', 'export.zip', 'report.html']);

    const page = await h.download(links[0]!.url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1>Årsrapport 2026<\/h1>/);
    assert.match(html, /Stora torget/, 'the year\'s incident is counted at its place');
    const word = await h.download(links[1]!.url);
    assert.equal(word.status, 200);
    assert.match(word.headers.get('content-disposition') ?? '', /arsrapport-.*\.docx/);
    const JSZip = require('jszip') as typeof JSZipType;
    const xml = await (await JSZip.loadAsync(Buffer.from(await word.arrayBuffer()))).file('word/document.xml')!.async('string');
    assert.match(xml, /Händelser per kvartal/);

    const [record] = await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5);
    const audit = (await h.bot.store.audit.latest({ tenantId: TENANT }, 50)).filter((e) => e.action.startsWith('export.'));
    assert.deepEqual(audit.map((e) => [e.action, e.actorId, e.entityId, e.detail].join(' ')).sort(), [
      ['export.created', ANNA.aadObjectId, record!.id, 'year 2026-01-01..2026-11-25'],
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'annual-docx'],
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'annual-html'],
    ].map((e) => e.join(' ')));

    h.clock.current = new Date(h.clock.current.getTime() + 16 * 60_000);
    assert.equal((await h.download(links[0]!.url)).status, 404, 'the page link expires with the export');
    assert.equal((await h.download(links[1]!.url)).status, 404, 'the Word link expires with the export');
  });

  it('When someone who is not a coordinator asks, then nothing is made and no link is shown', async () => {
    const answer = cardOf((await h.say('årsrapport 2026', { from: BERIT }))[0]!);
    assert.match(cardText(answer), /Du har inte behörighet att göra det/);
    assert.deepEqual(await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5), []);
  });

  it('When the year is mistyped or not yet begun, then the answer says how to write it', async () => {
    for (const text of ['årsrapport', 'årsrapport 2027', 'årsrapport förra']) {
      const said = cardText(cardOf((await h.say(text))[0]!));
      assert.match(said, /Skriv året så här: .{0,2}årsrapport 2025/, `${text}: ${said}`);
      assert.match(said, /"text":"Årsrapport"/, 'titled as the årsrapport, not the lägesbild');
    }
    assert.deepEqual(await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5), []);
  });

  it('When a week\'s export link is used for the årsrapport, then it is not found', async () => {
    const links = linksOf(await refresh(cardOf((await h.say('export denna vecka'))[0]!)));
    assert.deepEqual(links.map((l) => l.file), ['export.zip', 'report.html']);
    const token = links[0]!.token;
    assert.equal((await h.download(`${h.baseUrl}/exports/${token}/annual-report.html`)).status, 404);
    assert.equal((await h.download(`${h.baseUrl}/exports/${token}/annual-report.docx`)).status, 404);
  });
});
