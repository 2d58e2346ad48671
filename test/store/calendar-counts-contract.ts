import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { DigestScope, IncidentDimension, IncidentExportRow, InstantRange, Tally } from '../../src/domain/ports/lagesbild.port';
import type { Store } from '../../src/domain/ports/store.port';
import { daysPeriod, monthPeriod, weekOf, yearPeriod } from '../../src/domain/periods';
import type { Incident, IncidentFields } from '../../src/domain/report';
import { INCIDENT_CATEGORIES, ORGANISATIONS, SEVERITIES } from '../../src/domain/vocabulary';
import { STOCKHOLM_EDGES, T0, incidentFields, newReport, origin, otherTenant, tenant } from './store-fixtures';

// The lägesbild reads counts kept per Stockholm day, month and year (migration 0015). Whatever was
// written (reports in several channels, edits that move one to another day, place or category,
// withdrawals, a place merge, retention emptying schools), its figures must be those counted from the
// incidents themselves: the reference below counts the stored rows, read back through the export.

const CHANNELS: DigestScope[] = [
  { tenantId: origin.tenantId, conversationId: origin.conversationId },
  { tenantId: origin.tenantId, conversationId: 'conversation-2' },
  { tenantId: otherTenant.tenantId, conversationId: 'conversation-3' },
];

const EDGES = STOCKHOLM_EDGES;
const SPAN = { from: Date.parse('2025-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

/** Ranges the lägesbild asks for (years, months, weeks, days, a period cut at now) and some no period gives. */
const RANGE_SETS: InstantRange[][] = [
  [yearPeriod(2026), yearPeriod(2025), yearPeriod(2024)],
  Array.from({ length: 12 }, (_, i) => monthPeriod(2026, i + 1)),
  [weekOf(new Date('2026-03-29T12:00:00Z')), weekOf(new Date('2026-10-25T12:00:00Z')), weekOf(new Date('2026-01-01T12:00:00Z'))],
  [daysPeriod('2026-03-29', '2026-03-29'), daysPeriod('2026-10-25', '2026-10-25'), daysPeriod('2025-12-31', '2026-01-01')],
  [yearPeriod(2026, undefined, new Date('2026-10-25T01:30:00Z')), daysPeriod('2025-11-15', '2026-02-14')],
  [{ from: new Date('2026-02-10T05:00:00Z'), to: new Date('2026-05-03T13:00:00Z') }, { from: new Date('2026-10-25T00:30:00Z'), to: new Date('2026-10-25T02:00:00Z') }],
  // Overlapping: each incident counts in the first range it falls in.
  [yearPeriod(2026), monthPeriod(2026, 3), daysPeriod('2025-12-01', '2026-01-31')],
];
/** 'area' rolls the place counts up through the register (its own contract test in lagesbild-contract.ts). */
type RowDimension = Exclude<IncidentDimension, 'area'>;
const DIMENSIONS: RowDimension[] = ['category', 'organisation', 'place', 'severity', 'school', 'none'];

/** Park–Miller: the same data every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** The reference: the rows themselves, grouped as the lägesbild groups them (schools here fold to themselves). */
function countedFromRows(rows: IncidentExportRow[], ranges: InstantRange[], by: RowDimension): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    const range = ranges.findIndex((r) => row.occurredAt >= r.from && row.occurredAt < r.to);
    if (range < 0 || (by === 'school' && row.school === null)) continue;
    const key = { category: row.category, organisation: row.organisation, place: row.placeName, severity: row.severity, school: row.school ?? '', none: '' }[by];
    const before = tallies.get(`${range}\u0000${key}`) ?? { range, key, count: 0, youth: null };
    const youth = row.youthInvolved === null ? before.youth : (before.youth ?? 0) + row.youthInvolved;
    tallies.set(`${range}\u0000${key}`, { range, key, count: before.count + 1, youth });
  }
  return sortedTallies([...tallies.values()]);
}

const sortedTallies = (t: Tally[]) => [...t].sort((a, b) => a.range - b.range || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export function calendarCountsContract(ctx: () => { store: Store; place: Place }): void {
  describe('lägesbild counts per day, month and year', function () {
    let store: Store;
    let places: Map<string, Place[]>;
    const random = seeded(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const anInstant = () => (random() < 0.4 ? pick(EDGES) : new Date(SPAN.from + Math.floor(random() * (SPAN.to - SPAN.from))));
    const someFields = (channel: DigestScope): IncidentFields => {
      const place = pick(places.get(channel.tenantId)!);
      return incidentFields(place.id, {
        occurredAt: anInstant(), placeName: place.name, category: pick(INCIDENT_CATEGORIES.slice(0, 4)), organisation: pick(ORGANISATIONS.slice(0, 3)),
        severity: pick(SEVERITIES), school: pick([null, 'Björkskolan', 'Ängsskolan', 'Vasaskolan']), youthInvolved: pick([null, 0, 1, 3]),
      });
    };

    async function assertSameAsRows(when: string): Promise<void> {
      for (const channel of CHANNELS) {
        const rows = await store.lagesbild.incidentsForExport(channel, { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') }, 10_000);
        for (const [set, ranges] of RANGE_SETS.entries()) {
          for (const by of DIMENSIONS) {
            assert.deepEqual(sortedTallies(await store.lagesbild.countIncidents(channel, ranges, by)), countedFromRows(rows, ranges, by),
              `${when}: ${channel.conversationId}, range set ${set}, by ${by}`);
          }
        }
      }
    }

    beforeEach(async function () {
      store = ctx().store;
      places = new Map();
      for (const t of [tenant.tenantId, otherTenant.tenantId]) {
        places.set(t, await Promise.all(['Stora torget', 'Resecentrum', 'Parken', 'Stortorget'].map((name) => store.places.findOrCreate({ tenantId: t }, name, T0))));
      }
    });

    it('gives the figures counted from the incidents, after reports, edits, withdrawals, a place merge and retention', async function () {
      this.timeout(240_000);
      const created: { incident: Incident; channel: DigestScope }[] = [];
      for (let i = 0; i < 90; i++) {
        const channel = pick(CHANNELS);
        created.push({ channel, incident: await store.incidents.create(newReport(someFields(channel), { origin: channel })) });
      }
      await assertSameAsRows('after the reports');

      // Edits: another day (maybe across a midnight, a month, a year), place, category, school or count; a status alone changes no count.
      for (const entry of created.slice(0, 30)) {
        const result = await store.incidents.update(entry.channel, {
          id: entry.incident.id, expectedVersion: entry.incident.version, actorId: 'aad-user-1', now: T0, fields: someFields(entry.channel),
        });
        assert.ok(result.ok);
        entry.incident = result.report;
      }
      for (const entry of created.slice(30, 35)) {
        const result = await store.incidents.update(entry.channel, { id: entry.incident.id, expectedVersion: entry.incident.version, actorId: 'aad-user-1', now: T0, status: 'hanteras' });
        assert.ok(result.ok);
        entry.incident = result.report;
      }
      for (const { incident, channel } of created.slice(35, 45)) {
        assert.equal(await store.placeHistory.withdrawIncident(channel, incident.id, incident.version, 'aad-user-1', T0), 'ok');
      }
      await assertSameAsRows('after edits and withdrawals');

      const [keep, , , merged] = places.get(tenant.tenantId)!;
      assert.notEqual(await store.placeRegister.merge(tenant, keep!.id, merged!.id, { actorId: 'aad-curator', now: T0 }), 'missing');
      await store.retention.anonymiseBefore(new Date('2026-01-15T00:00:00Z'), T0);
      await assertSameAsRows('after a place merge and retention');
    });
  });
}
