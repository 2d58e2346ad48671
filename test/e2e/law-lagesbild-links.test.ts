import assert from 'node:assert/strict';
import type JSZipType from 'jszip';
import { messages } from '../../src/i18n/messages';
import { cardOf, cardText, type BotHarness } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { linksOf, refreshAs, startWithAnIncident } from '../support/export-links';
import { ANNA, BERIT, CHANNEL, TENANT } from '../support/teams-activities';

// lägesbild enligt lag <år> goes through the export's links as the årsrapport does: coordinators only, the
// links and the analysis button shown to the requester alone, each download audited. The analysis is
// written on a card through the personal-data guard.

const CHANNEL_2 = '19:second-channel@thread.tacv2';
const sv = messages('sv');

describe('lägesbild enligt lag <år>: the statutory document through audited links, with the coordinator\'s analysis', function () {
  this.timeout(30_000);
  let h: BotHarness;

  beforeEach(async () => { h = await startWithAnIncident('hog'); });
  afterEach(async () => { await h.stop(); });

  /** What Anna's Teams client sends when the card with `refresh` comes into view. */
  const refresh = (card: Record<string, any>, extra = {}) => refreshAs(h, card, ANNA, extra);
  const stored = () => h.bot.store.lawAnalyses.get({ tenantId: TENANT, conversationId: CHANNEL }, 2026);

  it('When a coordinator asks, then her links open the document as a page and a Word file with every section and her analysis, each download audited', async () => {
    const shared = cardOf((await h.say('lägesbild enligt lag 2026'))[0]!);
    assert.match(cardText(shared), /Lägesbild enligt lag 2026/);
    assert.deepEqual(linksOf(shared), [], 'no link in the card everyone sees');
    let own = await refresh(shared);
    assert.deepEqual(linksOf(own).map((l) => l.file), ['lagesbild-enligt-lag.html', 'lagesbild-enligt-lag.docx']);
    assert.match(cardText(own), /Ingen analys är skriven för 2026/);

    // The analysis: written on its card, with text a page must escape.
    const form = await h.press('lawAnalysisOpen', button(own, 'lawAnalysisOpen').data);
    assert.equal(button(form, 'lawAnalysisSave').data.year, 2026);
    const written = 'Skadegörelsen ökar i <Centrum> & kring "torget".\n\nFokus: belysning.';
    const saved = await h.press('lawAnalysisSave', { year: 2026, analysis: written });
    assert.match(cardText(saved), /Analysen för 2026 är sparad/);
    own = await refresh(shared);
    assert.match(cardText(own), /Analysen för 2026 är skriven/);
    assert.equal(button(own, 'lawAnalysisOpen').title, 'Ändra analysen');
    const links = linksOf(own);

    const page = await h.download(links[0]!.url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1>Lägesbild enligt lag 2026<\/h1>/);
    for (const title of Object.values(sv.law.sections)) assert.ok(html.includes(`<h2>${title.replace(/&/g, '&amp;')}</h2>`), title);
    assert.ok(html.includes('Skadegörelsen ökar i &lt;Centrum&gt; &amp; kring &quot;torget&quot;.'), 'the analysis, escaped');
    assert.ok(!html.includes('<Centrum>'));
    assert.match(html, /Stora torget/, 'the year\'s incident is counted at its place');

    const word = await h.download(links[1]!.url);
    assert.equal(word.status, 200);
    assert.match(word.headers.get('content-disposition') ?? '', /lagesbild-enligt-lag-.*\.docx/);
    const JSZip = require('jszip') as typeof JSZipType;
    const xml = await (await JSZip.loadAsync(Buffer.from(await word.arrayBuffer()))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const title of Object.values(sv.law.sections)) assert.ok(text.includes(title.replace(/&/g, '&amp;')), `the Word file has "${title}"`);
    assert.ok(text.includes('Fokus: belysning.'), 'the Word file holds the analysis');

    const [record] = await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5);
    const audit = (await h.bot.store.audit.latest({ tenantId: TENANT }, 50)).filter((e) => e.action.startsWith('export.') || e.action === 'analysis.saved');
    assert.deepEqual(audit.map((e) => [e.action, e.actorId, e.entityId ?? '-', e.detail].join(' ')).sort(), [
      ['analysis.saved', ANNA.aadObjectId, '-', '2026'],
      ['export.created', ANNA.aadObjectId, record!.id, 'year 2026-01-01..2026-11-25'],
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'law-docx'],
      ['export.downloaded', ANNA.aadObjectId, record!.id, 'law-html'],
    ].map((e) => e.join(' ')));
    const log = JSON.stringify(await h.bot.store.audit.latest({ tenantId: TENANT }, 50));
    assert.ok(!log.includes('Skadegörelsen ökar'), 'the audit trail never holds the text');
  });

  it('When the analysis holds a personnummer or is empty, then the card says so in Swedish, keeps the text, and stores nothing until saved again (masked)', async () => {
    const typed = 'Ring 070-123 45 67 om 19811218-9876, annars inget.';
    const warned = await h.press('lawAnalysisSave', { year: 2026, analysis: typed });
    assert.match(cardText(warned), /Texten innehåller personuppgifter/);
    assert.ok(JSON.stringify(warned).includes(JSON.stringify(typed).slice(1, -1)), 'the text is kept as typed');
    assert.equal(await stored(), null, 'nothing stored before the warning is confirmed');
    const confirm = button(warned, 'lawAnalysisSave').data;
    assert.equal(confirm.maskingConfirmed, true);
    await h.press('lawAnalysisSave', { ...confirm, analysis: typed });
    const masked = (await stored())!.text;
    assert.ok(!masked.includes('19811218-9876') && !masked.includes('070-123 45 67'), `masked: ${masked}`);
    assert.match(masked, /annars inget/);

    const empty = await h.press('lawAnalysisSave', { year: 2026, analysis: '   ' });
    assert.match(cardText(empty), new RegExp(sv.law.analysisForm.fixErrors.slice(0, 20)));
    assert.match(cardText(empty), new RegExp(sv.promises.form.error.required));
    assert.ok((await stored())!.text === masked, 'a mistake loses nothing stored');
  });

  it('When someone who is not a coordinator asks or writes the analysis, then it is refused, nothing is made and the refusal is audited', async () => {
    const answer = cardOf((await h.say('lägesbild enligt lag 2026', { from: BERIT }))[0]!);
    assert.ok(cardText(answer).includes(sv.trust.forbiddenCoordinator));
    assert.deepEqual(await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5), []);
    const refused = await h.invoke('lawAnalysisSave', { year: 2026, analysis: 'Bertils analys' }, { from: BERIT });
    assert.ok(refused.text.includes(sv.trust.forbiddenCoordinator));
    assert.equal(await stored(), null);
    const audit = (await h.bot.store.audit.latest({ tenantId: TENANT }, 50)).filter((e) => e.action === 'access.refused').map((e) => e.detail).sort();
    assert.deepEqual(audit, ['lawAnalysisSave', 'lawLagesbild']);
  });

  it('When the year is mistyped or not yet begun, then the answer says how to write it, in the user\'s language', async () => {
    for (const text of ['lägesbild enligt lag', 'lägesbild enligt lag 2027', 'lagesbild enligt lag förra']) {
      const said = cardText(cardOf((await h.say(text))[0]!));
      assert.match(said, /Skriv året så här: .{0,2}lägesbild enligt lag 2025/, `${text}: ${said}`);
    }
    const english = cardText(cardOf((await h.say('statutory situation report 1999', { locale: 'en-US' }))[0]!));
    assert.match(english, /Write the year like this/);
    assert.deepEqual(await h.bot.store.digestExports.list({ tenantId: TENANT, conversationId: CHANNEL }, 5), []);
  });

  it('When the export is asked for from another conversation, or a week\'s link is used for the document, then nothing is shown', async () => {
    const shared = cardOf((await h.say('lägesbild enligt lag 2026'))[0]!);
    const elsewhere = await refresh(shared, { conversationId: CHANNEL_2, channelId: CHANNEL_2 });
    assert.deepEqual(linksOf(elsewhere), [], 'no link in another channel');
    assert.ok(cardText(elsewhere).includes(sv.trust.unavailable));
    const week = linksOf(await refresh(cardOf((await h.say('export denna vecka'))[0]!)));
    assert.equal((await h.download(`${h.baseUrl}/exports/${week[0]!.token}/lagesbild-enligt-lag.html`)).status, 404);
    assert.equal((await h.download(`${h.baseUrl}/exports/${week[0]!.token}/lagesbild-enligt-lag.docx`)).status, 404);
  });
});
