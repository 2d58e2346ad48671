import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import * as lagesbildCards from '../../src/cards/lagesbild-cards';
import type { Lagesbild } from '../../src/domain/lagesbild/lagesbild';
import { cut } from '../../src/domain/lagesbild/lagesbild';
import { weekSoFar } from '../../src/domain/periods';

// A busy week's lägesbild drawn by the adaptivecards renderer in Chromium at a phone's 340 px: nothing
// wider than the screen, no button title cut, and "Visa mer" within about two screens. (Charts are
// Teams-only: this renderer draws their text fallback, the longer of the two.)

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 340, screen: 640 };

function busyWeek(): Lagesbild {
  const period = weekSoFar(new Date('2026-12-01T08:00:00Z'));
  const compared = (key: string, count: number) => ({ key, count, previous: count - 1, average: count / 3 });
  return {
    scope: { tenantId: 't', conversationId: 'c' }, period, generatedAt: new Date('2026-12-01T08:00:00Z'),
    incidents: {
      total: { count: 23, previous: 17, average: 14.25 },
      byCategory: ['skadegorelse_klotter', 'skadegorelse_glaskross', 'brand', 'hot_vald', 'narkotika', 'otrygg_samling'].map((k, i) => compared(k, 6 - i)),
      byOrganisation: ['polisen', 'skola', 'kommunen'].map((k, i) => compared(k, 9 - i)),
      topPlaces: cut(['Stora torget', 'Stationen', 'Kungsgårdsskolans skolgård', 'Parken vid Ågatan'].map((name, i) => ({ name, count: 6 - i })), 10, 9),
    },
    schools: { incidents: 5, youth: 11, bySchool: cut([{ name: 'Kungsgårdsskolan', count: 3, youth: 7 }, { name: 'Ängsskolan', count: 2, youth: 4 }], 10) },
    activities: { total: 7, byType: [{ key: 'trygghetsvandring', count: 4 }, { key: 'skolbesok', count: 3 }], byOrganisation: [{ key: 'polisen', count: 5 }] },
    overdue: cut([{ ref: 'A-2026-0117', type: 'trygghetsvandring', followUpDate: '2026-11-20', placeName: 'Stationen' }], 10),
    chart: Array.from({ length: 8 }, (_, i) => ({ unit: 'week' as const, firstDay: '2026-10-12', weekNumber: 42 + i, count: [12, 15, 9, 14, 17, 16, 17, 23][i]!, partial: i === 7 })),
    serious: cut(['Stora torget', 'Stationen', 'Kungsgårdsskolans skolgård'].map((placeName, i) => ({ ref: `H-2026-04${10 + i}`, occurredAt: new Date('2026-11-30T22:30:00Z'), placeName, category: 'hot_vald' as const })), 10, 4),
    hotSpots: cut([
      { placeName: 'Stora torget', stage: 'atgardas' as const, nextFollowUp: '2026-12-08' },
      { placeName: 'Stationen', stage: 'analyseras' as const, nextFollowUp: null },
      { placeName: 'Kungsgårdsskolans skolgård', stage: 'foljs_upp' as const, nextFollowUp: '2026-12-15' },
    ], 10, 1),
    suggestions: cut([{ placeName: 'Parken vid Ågatan', label: 'ny' as const }], 10),
    overdueMeasures: cut([
      { placeName: 'Stora torget', what: 'Bättre belysning vid busskuren och vid cykelstället', organisation: 'kommunen' as const, dueDate: '2026-11-17' },
      { placeName: 'Stationen', what: 'Väktare fredag och lördag kväll', organisation: 'fastighetsbolag' as const, dueDate: '2026-11-27' },
    ], 10),
  };
}

describe('the lägesbild on a phone (Chromium, 340 px)', function () {
  this.timeout(60_000);
  if (!existsSync(CHROMIUM)) {
    it.skip(`needs Chromium at ${CHROMIUM}`);
    return;
  }
  let browser: Browser;
  before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }); });
  after(async () => { await browser?.close(); });

  for (const locale of ['sv', 'en'] as const) {
    it(`When a busy week is read in ${locale} at 340 px, then nothing overflows, no button title is cut, and "show more" comes within two screens`, async () => {
      const page = await browser.newPage({ viewport: { width: PHONE.width, height: PHONE.screen } });
      await page.setContent('<!doctype html><html><body style="margin:0"><div id="card"></div></body></html>');
      await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
      const measured = await page.evaluate((json) => {
        const AC = (window as any).AdaptiveCards;
        const card = new AC.AdaptiveCard();
        card.parse(json);
        document.getElementById('card')!.appendChild(card.render());
        const all = [...document.querySelectorAll('#card *')] as HTMLElement[];
        const wide = all.filter((e) => e.getBoundingClientRect().right > 340.5).map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`);
        const buttons = [...document.querySelectorAll('#card button')] as HTMLElement[];
        const cut = buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || [...b.querySelectorAll('*')].some((c) => (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth + 1));
        const more = buttons.find((b) => /Visa mer|Show more/.test(b.textContent ?? ''));
        return {
          wide, cut: cut.map((b) => b.textContent), buttons: buttons.map((b) => b.textContent),
          moreTop: more ? more.getBoundingClientRect().top : -1, pageWidth: document.documentElement.scrollWidth,
        };
      }, lagesbildCards.lagesbild(locale, busyWeek()) as never);
      await page.close();
      assert.deepEqual(measured.wide, [], 'elements wider than the phone');
      assert.equal(measured.pageWidth, PHONE.width);
      assert.deepEqual(measured.cut, [], `button titles cut: ${measured.buttons.join(', ')}`);
      assert.ok(measured.moreTop > 0, 'the card has "show more"');
      assert.ok(measured.moreTop <= 2 * PHONE.screen, `"show more" at ${measured.moreTop} px, more than two screens down`);
    });
  }
});
