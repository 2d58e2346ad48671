import assert from 'node:assert/strict';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import type { Store } from '../../src/domain/ports/store.port';
import { STOCKHOLM, isoWeek, monthPeriod, yearPeriod, type Period } from '../../src/domain/periods';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, ORGANISATIONS } from '../../src/domain/vocabulary';
import { createStore } from '../../src/store/create-store';
import { activityFields, incidentFields, newReport, origin, tenant } from '../store/store-fixtures';
import { StepClock } from './digest-fixtures';

// The lägesbild built from generated reports, checked against counts this test makes itself from the
// same generated data (plain loops over what it inserted, no SQL).

/** A small seeded generator, so that a failure can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, int: (n: number) => Math.floor(next() * n) };
}

const PLACES = ['Stora torget', 'Parken', 'Stationen', 'Skolgarden', 'Biblioteket', 'Hamnen', 'Centrum', 'Idrottsplatsen'];
const SCHOOLS = [null, null, 'Angsskolan', 'Bjorkskolan', 'Kungsgardsskolan'];

interface Made { occurredAt: Date; severity: 'hog' | 'medel'; category: string; organisation: string; placeName: string; school: string | null; youth: number | null }

describe('the lägesbild builder on generated data', function () {
  this.timeout(30_000);
  let store: Store;
  const made: Made[] = [];
  const activities: { date: string; type: string; organisations: string[]; followUp: string | null; done: boolean }[] = [];
  const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
  const period: Period = isoWeek(2026, 48)!;
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };

  before(async () => {
    store = await createStore('sqlite::memory:');
    const r = random(20261130);
    const places = await Promise.all(PLACES.map((name) => store.places.findOrCreate(tenant, name, clock.now())));
    const start = isoWeek(2026, 38)!.from.getTime(); // eleven weeks, across the October DST change
    const end = period.to.getTime();
    for (let i = 0; i < 400; i += 1) {
      const place = r.pick(places);
      const m: Made = {
        occurredAt: new Date(start + Math.floor(r.next() * (end - start))), severity: r.next() < 0.1 ? 'hog' : 'medel', category: r.pick(INCIDENT_CATEGORIES.slice(0, 6)),
        organisation: r.pick(ORGANISATIONS), placeName: place.name, school: r.pick(SCHOOLS), youth: r.next() < 0.3 ? null : r.int(6),
      };
      made.push(m);
      await store.incidents.create(newReport(incidentFields(place.id, {
        occurredAt: m.occurredAt, severity: m.severity, category: m.category as never, organisation: m.organisation as never, placeName: place.name,
        school: m.school, youthInvolved: m.youth,
      })));
    }
    await store.incidents.create(newReport(incidentFields(places[0]!.id, { occurredAt: new Date(end - 1000) }), { origin: { ...origin, conversationId: 'elsewhere' } }));
    for (let i = 0; i < 120; i += 1) {
      const day = new Date(start + Math.floor(r.next() * (end - start))).toISOString().slice(0, 10);
      const organisations = [...new Set([r.pick(ORGANISATIONS), r.pick(ORGANISATIONS)])];
      const followUp = r.next() < 0.5 ? new Date(Date.parse(day) + r.int(30) * 86_400_000).toISOString().slice(0, 10) : null;
      const a = { date: day, type: r.pick(ACTIVITY_TYPES), organisations, followUp, done: r.next() < 0.3 };
      activities.push(a);
      const created = await store.activities.create(newReport(activityFields({
        date: a.date, type: a.type as never, organisation: organisations[0] as never, organisations: organisations as never, followUpDate: a.followUp,
      })));
      if (a.done) await store.activities.update(origin, { id: created.id, expectedVersion: 1, followUpDone: true, now: clock.now(), actorId: 'x' });
    }
  });
  after(async () => { await store.close(); });

  const inWeek = (w: Period) => made.filter((m) => m.occurredAt >= w.from && m.occurredAt < w.to);
  const countBy = <T>(items: T[], key: (t: T) => string | null) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const k = key(item);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };

  it('counts incidents by category and organisation, with the previous week and the four-week average', async () => {
    const l = await new LagesbildService(store.lagesbild, clock).build(scope, period);
    const weeks = [48, 47, 46, 45, 44].map((w) => inWeek(isoWeek(2026, w)!));
    assert.equal(l.incidents.total.count, weeks[0]!.length);
    assert.equal(l.incidents.total.previous, weeks[1]!.length);
    assert.equal(l.incidents.total.average, (weeks[1]!.length + weeks[2]!.length + weeks[3]!.length + weeks[4]!.length) / 4);
    for (const [dimension, key] of [['byCategory', (m: Made) => m.category], ['byOrganisation', (m: Made) => m.organisation]] as const) {
      const perWeek = weeks.map((w) => countBy(w, key));
      for (const row of l.incidents[dimension]) {
        assert.equal(row.count, perWeek[0]!.get(row.key) ?? 0, `${dimension} ${row.key}`);
        assert.equal(row.previous, perWeek[1]!.get(row.key) ?? 0);
        assert.equal(row.average, [1, 2, 3, 4].reduce((n, i) => n + (perWeek[i]!.get(row.key) ?? 0), 0) / 4);
      }
      const seen = new Set(perWeek.flatMap((m) => [...m.keys()]));
      assert.deepEqual(new Set(l.incidents[dimension].map((r) => r.key)), seen);
    }
  });

  it('lists places, the school section (counts and young people only) and the eight-week chart', async () => {
    const l = await new LagesbildService(store.lagesbild, clock).build(scope, period);
    const week = inWeek(period);
    assert.deepEqual(new Map(l.incidents.topPlaces.items.map((p) => [p.name, p.count])), countBy(week, (m) => m.placeName));
    const schools = week.filter((m) => m.school !== null);
    assert.equal(l.schools.incidents, schools.length);
    // Summed where given; a group where nobody gave a count is unknown (null), not 0.
    const given = (of: Made[]) => (of.some((m) => m.youth !== null) ? of.reduce((n, m) => n + (m.youth ?? 0), 0) : null);
    assert.equal(l.schools.youth, given(schools));
    for (const s of l.schools.bySchool.items) {
      const of = schools.filter((m) => m.school === s.name);
      assert.deepEqual([s.count, s.youth], [of.length, given(of)]);
    }
    assert.deepEqual(l.chart.map((w) => [w.unit, w.weekNumber]), [41, 42, 43, 44, 45, 46, 47, 48].map((n) => ['week', n]));
    assert.deepEqual(l.chart.map((w) => w.count), l.chart.map((w) => inWeek(isoWeek(2026, w.weekNumber)!).length));
  });

  it('draws a month by month with the months before it, and a year so far by its months, the running one marked partial', async () => {
    const november = await new LagesbildService(store.lagesbild, clock).build(scope, monthPeriod(2026, 11));
    assert.deepEqual(november.chart.map((b) => [b.unit, b.firstDay, b.partial]), ['06', '07', '08', '09', '10', '11'].map((m) => ['month', `2026-${m}-01`, false]));
    assert.deepEqual(november.chart.map((b) => b.count), november.chart.map((b) => inWeek(monthPeriod(2026, Number(b.firstDay.slice(5, 7)))).length));
    const year = await new LagesbildService(store.lagesbild, clock).build(scope, yearPeriod(2026, STOCKHOLM, clock.now()));
    assert.equal(year.chart.length, 11, 'January to November, nothing of December yet');
    assert.deepEqual(year.chart.map((b) => b.partial), [...new Array(10).fill(false), true]);
    assert.equal(year.chart.reduce((n, b) => n + b.count, 0), made.filter((m) => m.occurredAt < clock.now()).length);
  });

  it('lists the period\'s severity-hög incidents, newest first, with how many there are', async () => {
    const l = await new LagesbildService(store.lagesbild, clock).build(scope, period);
    const serious = inWeek(period).filter((m) => m.severity === 'hog').sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
    assert.ok(serious.length > 0, 'the generated week has serious incidents');
    assert.equal(l.serious.items.length + l.serious.more, serious.length);
    assert.deepEqual(l.serious.items.map((i) => i.occurredAt.getTime()), serious.slice(0, 10).map((m) => m.occurredAt.getTime()));
  });

  it('counts activities by type and participating organisation, and overdue follow-ups as of today', async () => {
    const l = await new LagesbildService(store.lagesbild, clock).build(scope, period);
    const week = activities.filter((a) => a.date >= period.firstDay && a.date <= period.lastDay);
    assert.equal(l.activities.total, week.length);
    assert.deepEqual(new Map(l.activities.byType.map((t) => [t.key, t.count])), countBy(week, (a) => a.type));
    assert.deepEqual(new Map(l.activities.byOrganisation.map((t) => [t.key, t.count])), countBy(week.flatMap((a) => a.organisations), (o) => o));
    const overdue = activities.filter((a) => a.followUp !== null && a.followUp < '2026-11-30' && !a.done);
    assert.equal(l.overdue.items.length + l.overdue.more, overdue.length);
    assert.equal(l.overdue.items.length, Math.min(10, overdue.length));
  });

  it('says an empty period is empty, and has no hot spot section until a source is wired', async () => {
    const l = await new LagesbildService(store.lagesbild, clock).build({ ...scope, conversationId: 'silent' }, period);
    assert.equal(l.incidents.total.count, 0);
    assert.deepEqual(l.incidents.byCategory, []);
    assert.deepEqual([l.hotSpots, l.suggestions, l.overdueMeasures, l.serious], new Array(4).fill({ items: [], more: 0 }));
    const withHotSpots = await new LagesbildService(store.lagesbild, clock, {
      overview: async (_scope, today) => ({
        active: Array.from({ length: 12 }, (_, i) => ({ placeName: `Plats ${i}`, stage: 'atgardas' as const, nextFollowUp: today })),
        suggested: [{ placeName: 'Parken', label: 'ny' as const }],
        overdueMeasures: [],
      }),
    }).build(scope, period);
    assert.deepEqual([withHotSpots.hotSpots.items.length, withHotSpots.hotSpots.more], [10, 2]);
    assert.equal(withHotSpots.hotSpots.items[0]!.nextFollowUp, '2026-11-30', 'the source is asked as of the local day of now');
    assert.deepEqual(withHotSpots.suggestions.items, [{ placeName: 'Parken', label: 'ny' }]);
  });
});
