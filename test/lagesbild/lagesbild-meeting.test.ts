import assert from 'node:assert/strict';
import * as lagesbildCards from '../../src/cards/lagesbild-cards';
import { BAR_COLOR } from '../../src/cards/lagesbild-chart';
import { HotspotSummaries } from '../../src/domain/hotspots/hotspot-summaries';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import type { Store } from '../../src/domain/ports/store.port';
import { STOCKHOLM, isoWeek, monthPeriod, weekSoFar, yearPeriod, type Period } from '../../src/domain/periods';
import type { IncidentCategory, Severity } from '../../src/domain/vocabulary';
import { createStore } from '../../src/store/create-store';
import { assertValidCardWithCharts } from '../support/chart-card-check';
import { incidentFields, newReport, origin, tenant } from '../store/store-fixtures';
import { StepClock } from './digest-fixtures';

// The lägesbild as the weekly EST meeting reads it, built by the real service over a SQLite store on
// a Tuesday morning (1 December 2026, week 49), rendered to the card and checked by the parser.

type Body = Record<string, any>[];
const elements = (items: Body): Body => items.flatMap((e) => [e, ...elements(e.items ?? []), ...elements((e.columns ?? []).flatMap((c: any) => c.items ?? []))]);
const texts = (items: Body) => elements(items).filter((e) => e.type === 'TextBlock').map((e) => String(e.text));
const chartOf = (card: { body: unknown[] }) => elements(card.body as Body).find((e) => String(e.type).startsWith('Chart.'));
const detailsOf = (card: { body: unknown[] }) => (card.body as Body).find((e) => e.id === 'lagesbild-details');

describe('the lägesbild for the meeting, on a Tuesday', function () {
  this.timeout(30_000);
  const tuesday = new Date('2026-12-01T08:00:00Z');
  const clock = new StepClock(tuesday);
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };
  let store: Store;
  let placeId: string;

  const add = (at: string, category: IncidentCategory = 'skadegorelse_klotter', severity: Severity = 'medel') =>
    store.incidents.create(newReport(incidentFields(placeId, { occurredAt: new Date(at), category, severity })));
  const build = (period: Period) => new LagesbildService(store.lagesbild, clock, new HotspotSummaries(store.hotspots, async () => [])).build(scope, period);

  before(async () => {
    store = await createStore('sqlite::memory:');
    placeId = (await store.places.findOrCreate(tenant, 'Stora torget', new Date('2026-09-01T00:00:00Z'))).id;
    // Weeks 45 and 47: a klotter on the Monday of each.
    await add('2026-11-02T10:00:00Z');
    await add('2026-11-16T10:00:00Z');
    // Last week (48): a klotter on Monday, then three fires later in the week that a Tuesday must not be compared with.
    await add('2026-11-23T10:00:00Z');
    for (const day of ['25', '26', '27']) await add(`2026-11-${day}T10:00:00Z`, 'brand');
    // This week so far: a serious glaskross on Monday night and a klotter on Tuesday morning.
    await add('2026-11-30T22:30:00Z', 'skadegorelse_glaskross', 'hog');
    await add('2026-12-01T07:00:00Z');
    // A hot spot of the channel being acted on, with a follow-up, and a measure two weeks late.
    const owner = { userId: 'aad-user-1', name: 'Anna Ärlig' };
    const created = await store.hotspots.create({ placeId, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: new Date('2026-11-01T09:00:00Z') });
    assert.ok(created.ok);
    const id = created.hotspot.id;
    const at = new Date('2026-11-02T09:00:00Z');
    await store.hotspots.update(tenant, { id, expectedVersion: 1, actorId: owner.userId, now: at, state: 'analyseras' });
    await store.hotspots.update(tenant, { id, expectedVersion: 2, actorId: owner.userId, now: at, state: 'atgardas', followUpDate: '2026-12-08' });
    await store.hotspots.update(tenant, {
      id, expectedVersion: 3, actorId: owner.userId, now: at, addMeasure: { what: 'Bättre belysning vid busskuren', organisation: 'kommunen', dueDate: '2026-11-17', createdBy: owner },
    });
  });
  after(async () => { await store.close(); });

  it('When the week is in progress, then it says "måndag–tisdag, jämfört med måndag–tisdag förra veckan" and marks the newest bar, not paler', async () => {
    const card = lagesbildCards.lagesbild('sv', await build(weekSoFar(clock.now())));
    assertValidCardWithCharts(card as never);
    const all = texts(card.body as Body).join('\n');
    assert.match(all, /vecka 49 2026 hittills: måndag–tisdag, jämfört med måndag–tisdag förra veckan/);
    assert.match(all, /^2 händelser$/m);
    // Monday–Tuesday against last week's Monday–Tuesday (1), not against last week's four; the mean of
    // the same two days of weeks 45–48 is 3/4.
    assert.match(all, /\+1 mot måndag–tisdag förra veckan, snitt 0,8 samma dagar de fyra veckorna före/);
    const chart = chartOf(card)!;
    assert.deepEqual(chart.data.map((b: { x: string }) => b.x), ['v.42', 'v.43', 'v.44', 'v.45', 'v.46', 'v.47', 'v.48', 'v.49*']);
    assert.deepEqual(chart.data.map((b: { y: number }) => b.y), [0, 0, 0, 1, 0, 1, 4, 2]);
    assert.equal(chart.data.at(-1).color, BAR_COLOR.partial);
    assert.ok(chart.data.slice(0, -1).every((b: { color: string }) => b.color === BAR_COLOR.full));
    assert.notEqual(BAR_COLOR.partial, BAR_COLOR.full);
    assert.match(all, /\* v\.49 pågår: måndag–tisdag\./);
  });

  it('When the meeting opens the card, then the summary comes first: the serious incident, the hot spot\'s stage and follow-up, the late measure with its owner, what changed most', async () => {
    const card = lagesbildCards.lagesbild('sv', await build(weekSoFar(clock.now())));
    const body = card.body as Body;
    const summary = body.findIndex((e) => e.type === 'Container' && texts(e.items).includes('Att ta upp'));
    const showMore = body.findIndex((e) => e.id === 'lagesbild-show-more');
    assert.ok(summary >= 0 && summary < showMore, 'the summary is above "Visa mer"');
    const lines = texts(body[summary]!.items).join('\n');
    assert.match(lines, /Allvarliga händelser\nSkadegörelse – glaskross, Stora torget, 30 nov\. 2026 \(H-2026-\d{4}\)/);
    assert.match(lines, /Hot spots\nStora torget: Åtgärdas, nästa uppföljning 8 dec\. 2026/);
    assert.match(lines, /Försenade åtgärder\nStora torget: Bättre belysning vid busskuren – Kommunen\/säkerhetssamordnare, skulle vara klar 17 nov\. 2026/);
    assert.match(lines, /Störst förändring\n/);
    // The details wait behind "Visa mer", expanded in place.
    assert.equal(detailsOf(card)!.isVisible, false);
    assert.deepEqual(body[showMore]!.actions[0], { type: 'Action.ToggleVisibility', title: 'Visa mer', targetElements: ['lagesbild-details', 'lagesbild-show-more', 'lagesbild-show-less'] });
  });

  it('When a period has no incidents, then it says "inga händelser" and has no table of categories with zeros after it', async () => {
    const quiet = isoWeek(2026, 46)!;
    const card = lagesbildCards.lagesbild('sv', await build(quiet));
    const all = texts(card.body as Body).join('\n');
    assert.match(all, /Inga händelser rapporterades under perioden\./);
    const facts = elements(card.body as Body).filter((e) => e.type === 'FactSet').flatMap((f) => f.facts.map((x: { title: string; value: string }) => `${x.title}: ${x.value}`));
    assert.deepEqual(facts.filter((f) => /^Skadegörelse|^Brand/.test(f)), [], 'no category row with 0');
    assert.doesNotMatch(all, /Händelser per kategori/);
    assert.match(all, /−1 mot förra veckan, snitt 0,3 per vecka de fyra veckorna före/);
  });

  it('When a week had categories that are gone now, then only this week\'s categories are rows', async () => {
    const card = lagesbildCards.lagesbild('sv', await build(weekSoFar(clock.now())));
    const details = elements(detailsOf(card)!.items);
    const categories = details.find((e) => e.type === 'FactSet')!.facts.map((f: { title: string; value: string }) => `${f.title}: ${f.value}`);
    assert.deepEqual(categories, ['Skadegörelse – klotter: 1 (±0, snitt 0,8)', 'Skadegörelse – glaskross: 1 (+1, snitt 0)']);
  });

  it('When a month or a year is asked for, then the chart goes by month, counts whole', async () => {
    const year = lagesbildCards.lagesbild('sv', await build(yearPeriod(2026, STOCKHOLM, clock.now())));
    const yearChart = chartOf(year)!;
    assert.equal(yearChart.title, 'Händelser per månad');
    assert.deepEqual(yearChart.data.map((b: { x: string }) => b.x), ['jan. 26', 'feb. 26', 'mars 26', 'apr. 26', 'maj 26', 'juni 26', 'juli 26', 'aug. 26', 'sep. 26', 'okt. 26', 'nov. 26', 'dec. 26*']);
    assert.deepEqual(yearChart.data.map((b: { y: number }) => b.y), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 1]);
    const month = lagesbildCards.lagesbild('en', await build(monthPeriod(2026, 11)));
    assertValidCardWithCharts(month as never);
    const monthChart = chartOf(month)!;
    assert.equal(monthChart.title, 'Incidents per month');
    assert.deepEqual(monthChart.data.map((b: { x: string }) => b.x), ['Jun 26', 'Jul 26', 'Aug 26', 'Sept 26', 'Oct 26', 'Nov 26']);
    for (const chart of [yearChart, monthChart]) {
      assert.equal(chart.displayMode, 'AbsoluteNoAxis');
      assert.ok(chart.data.every((b: { y: number }) => Number.isInteger(b.y)));
    }
  });

  it('When read in Swedish a mean has a decimal comma, in English a point', async () => {
    const l = await build(isoWeek(2026, 48)!);
    assert.match(texts(lagesbildCards.lagesbild('sv', l).body as Body).join('\n'), /\+3 mot förra veckan, snitt 0,5 per vecka de fyra veckorna före/);
    assert.match(texts(lagesbildCards.lagesbild('en', l).body as Body).join('\n'), /\+3 against last week, average 0\.5 a week over the four weeks before/);
  });
});
