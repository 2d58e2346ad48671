import { DateTime } from 'luxon';
import type { YearFollowUp } from '../../../src/domain/promises/progress';

// What the yearly documents' tests generate their data with: a seeded random source, and a promise
// register's year as PromiseFollowUpSource gives it.

/** A seeded linear congruential generator: the same data every run. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

/** A register of one promise with one commitment and a strategic meeting, as the promise register gives it. */
export const followUp = (year: number): YearFollowUp => ({
  year,
  promises: [{
    promise: { id: 'p1', year, position: 1, title: 'Tryggare centrum', text: 'Vi ska arbeta för ett tryggare centrum.', commitments: [] },
    commitments: [{
      commitment: {
        id: 'c1', promiseId: 'p1', position: 1, text: 'Trygghetsvandringar varje kvartal', organisations: ['polisen', 'kommunen'],
        periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, status: 'pagar', statusSet: null,
      },
      total: 2, byOrganisation: [{ organisation: 'polisen', count: 2 }],
      last: { id: 'a2', ref: 'A-2', commitmentId: 'c1', date: `${year}-05-02`, type: 'trygghetsvandring', organisation: 'polisen' }, status: 'pagar',
    }],
  }],
  activities: [],
  meetings: [{ id: 'm1', year, date: `${year}-03-10`, organisations: ['polisen', 'kommunen'], decisions: 'Fokus på centrum', recordedBy: 'u', recordedAt: new Date() }],
});

/**
 * Counts made by the test itself from the rows it inserted (plain loops over local Stockholm days, no
 * SQL): the year of each row, the rows of a year, and a key's counts in a year against the year before.
 */
export function countsOf<M extends { occurredAt: Date }>(made: readonly M[], year: number) {
  const local = (m: M) => DateTime.fromJSDate(m.occurredAt, { zone: 'Europe/Stockholm' });
  const of = (y: number) => made.filter((m) => local(m).year === y);
  const countBy = (items: readonly M[], key: (m: M) => string | null) => {
    const counts = new Map<string, number>();
    for (const m of items) { const k = key(m); if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1); }
    return counts;
  };
  /** Per key: [count in the year, count in the year before]. */
  const compare = (key: (m: M) => string | null) => {
    const [now, then] = [countBy(of(year), key), countBy(of(year - 1), key)];
    return new Map([...new Set([...now.keys(), ...then.keys()])].map((k) => [k, [now.get(k) ?? 0, then.get(k) ?? 0]]));
  };
  return { local, of, compare };
}

/** A document's keyed counts in the shape compare() gives. */
export const rows = (items: readonly { key: string; count: number; previousYear: number }[]) => new Map(items.map((x) => [x.key, [x.count, x.previousYear]]));
