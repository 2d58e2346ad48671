import assert from 'node:assert/strict';
import * as lagesbildCards from '../../src/cards/lagesbild-cards';
import type { Lagesbild } from '../../src/domain/lagesbild/lagesbild';
import { LAGESBILD_LIMITS, cut } from '../../src/domain/lagesbild/lagesbild';
import { LIMITS } from '../../src/domain/limits';
import { isoWeek, weekSoFar } from '../../src/domain/periods';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, ORGANISATIONS } from '../../src/domain/vocabulary';
import { TEAMS_CARD_LIMIT, cardBytes } from '../support/adaptive-card-check';
import { assertValidCardWithCharts } from '../support/chart-card-check';

const period = isoWeek(2026, 12)!;
const scope = { tenantId: 't', conversationId: 'c' };

/** Eight weeks up to week 12 of 2026, the last one `partialLast`. */
const weeks = (count: (i: number) => number, partialLast = false) => Array.from({ length: 8 }, (_, i) => ({
  unit: 'week' as const, firstDay: isoWeek(2026, 5 + i)!.firstDay, weekNumber: 5 + i, count: count(i), partial: partialLast && i === 7,
}));

function emptyLagesbild(over: Partial<Lagesbild> = {}): Lagesbild {
  return {
    scope, period, generatedAt: new Date('2026-03-23T06:30:00Z'),
    incidents: { total: { count: 0, previous: 0, average: 0 }, byCategory: [], byOrganisation: [], topPlaces: cut([], 10) },
    schools: { incidents: 0, youth: 0, bySchool: cut([], 10) },
    activities: { total: 0, byType: [], byOrganisation: [] },
    overdue: cut([], 10),
    chart: weeks(() => 0),
    serious: cut([], 10), hotSpots: cut([], 10), suggestions: cut([], 10), overdueMeasures: cut([], 10),
    ...over,
  };
}

/** Every list at its longest, every name at its longest, with markdown in it. */
function fullLagesbild(): Lagesbild {
  const long = (c: string) => `**${c.repeat(LIMITS.placeNameMax - 4)}**`;
  const compared = (key: string, i: number) => ({ key, count: 900 + i, previous: 1000 - i, average: 950.25 });
  return emptyLagesbild({
    incidents: {
      total: { count: 12345, previous: 12000, average: 11875.5 },
      byCategory: INCIDENT_CATEGORIES.map(compared), byOrganisation: ORGANISATIONS.map(compared),
      topPlaces: cut(Array.from({ length: 500 }, (_, i) => ({ name: long('å'), count: 500 - i })), LAGESBILD_LIMITS.places),
    },
    schools: { incidents: 400, youth: 2000, bySchool: cut(Array.from({ length: 60 }, () => ({ name: long('ö'), count: 40, youth: 200 })), LAGESBILD_LIMITS.schools) },
    activities: { total: 999, byType: ACTIVITY_TYPES.map((key) => ({ key, count: 90 })), byOrganisation: ORGANISATIONS.map((key) => ({ key, count: 90 })) },
    overdue: cut(Array.from({ length: 10 }, (_, i) => ({ ref: `A-2026-${1000 + i}`, type: 'skolbesok', followUpDate: '2026-03-01', placeName: long('ä') })), 10, 700),
    hotSpots: cut(Array.from({ length: 40 }, () => ({ placeName: long('é'), stage: 'foljs_upp' as const, nextFollowUp: '2026-04-01' })), 10),
    suggestions: cut(Array.from({ length: 40 }, () => ({ placeName: long('ü'), label: 'ihallande' as const })), 10),
    serious: cut(Array.from({ length: 10 }, (_, i) => ({ ref: `H-2026-${1000 + i}`, occurredAt: new Date('2026-03-18T21:00:00Z'), placeName: long('ø'), category: 'brand' as const })), 10, 80),
    overdueMeasures: cut(Array.from({ length: 10 }, () => ({ placeName: long('ä'), what: `**${'m'.repeat(LIMITS.placeNameMax)}**`, organisation: 'kommunen' as const, dueDate: '2026-03-01' })), 10, 30),
    chart: weeks((i) => 1000 + i),
  });
}

type Chart = { displayMode: string; data: { x: string; y: unknown; color: string }[]; fallback: { text: string } };
const chartOf = (card: { body: { type: string }[] }) => card.body.find((e) => e.type === 'Chart.HorizontalBar') as unknown as Chart;

describe('lägesbild cards', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`in ${locale}: every card renders and parses; charts are the only unknown elements, each with a text fallback`, () => {
      const subscription = {
        conversationId: 'c', tenantId: 't', cadence: 'weekly' as const, weekday: 5, time: '08:15', locale, status: 'active' as const,
        pausedReason: null, createdBy: 'u', createdAt: period.from, updatedAt: period.from,
      };
      const audience = { exportId: '5b3f1c1e-0000-4000-8000-000000000001', requesterChatId: '29:anna', requesterName: 'Anna *Andersson*' };
      const all = [
        lagesbildCards.lagesbild(locale, emptyLagesbild()),
        lagesbildCards.lagesbild(locale, emptyLagesbild({ period: weekSoFar(new Date('2026-03-18T12:00:00Z')) })),
        lagesbildCards.lagesbild(locale, fullLagesbild()),
        lagesbildCards.subscription(locale, null, 'Europe/Stockholm'),
        lagesbildCards.subscription(locale, { subscription, next: period.to, lastDelivery: null }, 'Europe/Stockholm', true),
        lagesbildCards.subscription(locale, {
          subscription: { ...subscription, status: 'paused', pausedReason: 'bot removed (HTTP 403)' }, next: period.to,
          lastDelivery: { id: 'd', conversationId: 'c', periodKey: '2026-W11', scheduledFor: period.from, claimedBy: 'x', claimedAt: period.from, status: 'posted', finishedAt: period.from, detail: null },
        }, 'Europe/Stockholm'),
        lagesbildCards.unsubscribed(locale, true),
        lagesbildCards.unsubscribed(locale, false),
        lagesbildCards.exportLinks(locale, period, { csv: 'https://bot.example/exports/x/incidents.csv', html: 'https://bot.example/exports/x/report.html', annualHtml: 'https://bot.example/exports/x/annual-report.html', annualDocx: 'https://bot.example/exports/x/annual-report.docx', lawHtml: 'https://bot.example/exports/x/lagesbild-enligt-lag.html', lawDocx: 'https://bot.example/exports/x/lagesbild-enligt-lag.docx' }, period.to, audience),
        lagesbildCards.exportReady(locale, period, period.to, audience),
        lagesbildCards.exportExpired(locale, period),
        lagesbildCards.problem(locale, 'fel'),
      ];
      all.forEach((c) => assertValidCardWithCharts(c as never));
    });
  }

  it('says an empty week kindly, once, and draws no chart of eight empty weeks', () => {
    const card = lagesbildCards.lagesbild('sv', emptyLagesbild());
    const text = JSON.stringify(card);
    assert.match(text, /Inga händelser eller aktiviteter rapporterades under perioden/);
    assert.doesNotMatch(text, /"Inga händelser rapporterades under perioden\."/, 'the kind message is not repeated');
    assert.match(text, /vecka 12 2026 \(16 mars 2026 – 22 mars 2026\)/);
    assert.equal(card.body.find((e) => String(e.type).startsWith('Chart.')), undefined);
  });

  it('draws the 8-week chart with whole numbers and no axis, with a text fallback naming each week', () => {
    const card = lagesbildCards.lagesbild('sv', emptyLagesbild({ chart: weeks((i) => (i === 0 ? 3 : 0)) }));
    const chart = chartOf(card);
    assert.equal(chart.displayMode, 'AbsoluteNoAxis', 'no numeric axis: Teams would tick it in quarters (0,75)');
    assert.deepEqual(chart.data[0], { x: 'v.5', y: 3, color: 'categoricalBlue' });
    assert.match(chart.fallback.text, /^Händelser per vecka, senaste 8 veckorna: v\.5: 3 · v\.6: 0/);
  });

  it('stays under 80 KB with every list full and every name at its longest, cutting lists with "och N till"', () => {
    const card = lagesbildCards.lagesbild('sv', fullLagesbild());
    assert.ok(cardBytes(card) < TEAMS_CARD_LIMIT, `${cardBytes(card)} bytes`);
    const text = JSON.stringify(card);
    assert.match(text, /och 490 till/);
    assert.match(text, /och 690 till/);
    assert.match(text, /\+345 mot förra veckan, snitt 11\s875,5 per vecka de fyra veckorna före/);
    assert.doesNotMatch(text, /"\*\*å/, 'markdown in a place name is neutralised');
  });
});

describe('export cards', () => {
  const period = { kind: 'week' as const, from: new Date('2026-03-16T00:00:00+01:00'), to: new Date('2026-03-23T00:00:00+01:00'), firstDay: '2026-03-16', lastDay: '2026-03-22', partial: false, zone: 'Europe/Stockholm' };
  const audience = { exportId: '5b3f1c1e-0000-4000-8000-000000000001', requesterChatId: '29:1-anna', requesterName: 'Anna *Andersson*' };
  const links = { csv: 'https://bot.example/exports/tok/incidents.csv', html: 'https://bot.example/exports/tok/report.html', annualHtml: 'https://bot.example/exports/tok/annual-report.html', annualDocx: 'https://bot.example/exports/tok/annual-report.docx', lawHtml: 'https://bot.example/exports/tok/lagesbild-enligt-lag.html', lawDocx: 'https://bot.example/exports/tok/lagesbild-enligt-lag.docx' };

  it('When an export is ready, then the channel\'s card has no link, says whose the links are, and refreshes for the requester only', () => {
    const ready = lagesbildCards.exportReady('sv', period, period.to, audience);
    const text = JSON.stringify(ready);
    assert.doesNotMatch(text, /exports\/|Action\.OpenUrl/);
    assert.match(text, /Exporten är klar – länkarna visas bara för Anna \\\\\*Andersson\\\\\*/);
    assert.deepEqual(ready.refresh, {
      action: { type: 'Action.Execute', verb: 'lagesbildExportLinks', data: { exportId: audience.exportId } },
      userIds: ['29:1-anna'],
    });
  });

  it('When the requester\'s client refreshes, then their card has both links and keeps refreshing for them only', () => {
    const card = lagesbildCards.exportLinks('en', period, links, period.to, audience);
    const text = JSON.stringify(card);
    assert.match(text, /"url":"https:\/\/bot\.example\/exports\/tok\/incidents\.csv"/);
    assert.match(text, /shown only to you/);
    assert.deepEqual(card.refresh?.userIds, ['29:1-anna']);
    assert.equal(JSON.stringify(lagesbildCards.exportExpired('sv', period)).includes('exports/'), false);
  });
});
