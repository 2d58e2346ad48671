import assert from 'node:assert/strict';
import {
  daysPeriod, dayCount, isoWeek, monthPeriod, parsePeriod, periodKey, previousWeek, recentWeeks, shiftPeriod, weekSoFar, weeksEndingWith,
  type Period,
} from '../../src/domain/periods';
import { chartPeriods } from '../../src/domain/lagesbild/lagesbild-service';
import { weeklyCountsReference } from '../support/weekly-counts-reference';

const iso = (p: Period) => [p.from.toISOString(), p.to.toISOString(), p.firstDay, p.lastDay];
const parsed = (text: string, now: Date) => {
  const r = parsePeriod(text, now);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.period;
};

describe('periods (Europe/Stockholm)', () => {
  const now = new Date('2026-03-25T10:00:00Z'); // Wednesday of week 13, 2026

  it('an ISO week runs Monday 00:00 to Monday 00:00 local time', () => {
    assert.deepEqual(iso(isoWeek(2026, 12)!), ['2026-03-15T23:00:00.000Z', '2026-03-22T23:00:00.000Z', '2026-03-16', '2026-03-22']);
    assert.equal(periodKey(isoWeek(2026, 12)!), '2026-W12');
  });

  it('week 53 exists in 2026 and 2020 but not in 2025; it crosses the year boundary', () => {
    assert.deepEqual(iso(isoWeek(2026, 53)!).slice(2), ['2026-12-28', '2027-01-03']);
    assert.deepEqual(iso(isoWeek(2020, 53)!).slice(2), ['2020-12-28', '2021-01-03']);
    assert.equal(isoWeek(2025, 53), null);
    assert.equal(isoWeek(2026, 0), null);
    // Week 1 of 2026 starts in 2025; week 1 of 2027 on 4 January.
    assert.deepEqual(iso(isoWeek(2026, 1)!).slice(2), ['2025-12-29', '2026-01-04']);
    assert.equal(periodKey(previousWeek(new Date('2027-01-04T08:00:00Z'))), '2026-W53');
  });

  it('a week with a daylight-saving change still starts and ends at local midnight', () => {
    const spring = isoWeek(2026, 13)!; // 29 March 2026: 02:00 → 03:00
    assert.equal(spring.from.toISOString(), '2026-03-22T23:00:00.000Z');
    assert.equal(spring.to.toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal((spring.to.getTime() - spring.from.getTime()) / 3_600_000, 167);
    const autumn = isoWeek(2026, 43)!; // 25 October 2026: 03:00 → 02:00
    assert.equal((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000, 169);
    assert.equal(shiftPeriod(autumn, 1).from.toISOString(), '2026-10-25T23:00:00.000Z');
  });

  it('"lägesbild" is this week so far; "förra veckan" the whole week before', () => {
    const soFar = weekSoFar(now);
    assert.deepEqual(iso(soFar), ['2026-03-22T23:00:00.000Z', now.toISOString(), '2026-03-23', '2026-03-25']);
    assert.equal(soFar.partial, true);
    assert.deepEqual(iso(parsed('', now)), iso(soFar));
    assert.deepEqual(iso(parsed('förra veckan', now)), iso(isoWeek(2026, 12)!));
    assert.deepEqual(iso(parsed('Last week', now)), iso(isoWeek(2026, 12)!));
    assert.equal(parsePeriod('', now, undefined, 'lastWeek').ok && periodKey(previousWeek(now)), '2026-W12');
  });

  it('reads weeks with and without a year; a week not yet begun means last year\'s', () => {
    assert.equal(periodKey(parsed('vecka 12', now)), '2026-W12');
    assert.equal(periodKey(parsed('v12', now)), '2026-W12');
    assert.equal(periodKey(parsed('week 12 2025', now)), '2025-W12');
    assert.equal(periodKey(parsed('vecka 40', now)), '2025-W40');
    // 2026's week 53 has not begun and 2025 has none.
    assert.deepEqual(parsePeriod('vecka 53', now), { ok: false, error: 'no_such_week' });
    assert.equal(periodKey(parsed('vecka 53', new Date('2027-01-02T12:00:00Z'))), '2026-W53');
    assert.deepEqual(parsePeriod('vecka 53 2025', now), { ok: false, error: 'no_such_week' });
    assert.deepEqual(parsePeriod('vecka 20 2026', now), { ok: false, error: 'in_future' });
  });

  it('reads Swedish and English month names, this year or the latest one begun', () => {
    assert.deepEqual(iso(parsed('mars', now)).slice(2), ['2026-03-01', '2026-03-25']);
    assert.equal(parsed('mars', now).partial, true);
    assert.deepEqual(iso(parsed('Februari', now)).slice(2), ['2026-02-01', '2026-02-28']);
    assert.deepEqual(iso(parsed('december', now)).slice(2), ['2025-12-01', '2025-12-31']);
    assert.deepEqual(iso(parsed('May 2025', now)).slice(2), ['2025-05-01', '2025-05-31']);
    assert.deepEqual(iso(parsed('maj', now)).slice(2), ['2025-05-01', '2025-05-31']);
    assert.deepEqual(iso(parsed('okt', now)).slice(2), ['2025-10-01', '2025-10-31']);
    assert.equal(periodKey(monthPeriod(2026, 2)), '2026-02');
  });

  it('reads a date range and a single day; refuses reversed, too long, invalid and future ranges', () => {
    const q1 = parsed('2026-01-01 2026-03-24', now);
    assert.deepEqual(iso(q1), ['2025-12-31T23:00:00.000Z', '2026-03-24T23:00:00.000Z', '2026-01-01', '2026-03-24']);
    assert.equal(dayCount(q1), 83);
    assert.equal(periodKey(parsed('2026-01-01 – 2026-01-31', now)), '2026-01-01..2026-01-31');
    assert.equal(periodKey(parsed('2026-01-01—2026-01-31', now)), '2026-01-01..2026-01-31');
    assert.equal(periodKey(parsed('2026-03-01', now)), '2026-03-01');
    assert.deepEqual(parsePeriod('2026-03-24 2026-01-01', now), { ok: false, error: 'range_order' });
    assert.deepEqual(parsePeriod('2020-01-01 2026-01-01', now), { ok: false, error: 'range_too_long' });
    assert.deepEqual(parsePeriod('2026-02-30 2026-03-01', now), { ok: false, error: 'invalid_date' });
    assert.deepEqual(parsePeriod('2027-01-01 2027-01-02', now), { ok: false, error: 'in_future' });
    assert.deepEqual(parsePeriod('blandat', now), { ok: false, error: 'unknown' });
    // A range ending after now is cut at now.
    assert.equal(parsed('2026-03-01 2026-03-31', now).to.toISOString(), now.toISOString());
  });

  it('compares a period with the same stretch of earlier ones; an empty period has no days of data but a shape', () => {
    const soFar = weekSoFar(now);
    const before = shiftPeriod(soFar, -1);
    assert.deepEqual(iso(before), ['2026-03-15T23:00:00.000Z', '2026-03-18T10:00:00.000Z', '2026-03-16', '2026-03-18']);
    const q = parsed('2026-01-01 2026-01-10', now);
    assert.deepEqual(iso(shiftPeriod(q, -1)).slice(2), ['2025-12-22', '2025-12-31']);
    const march = monthPeriod(2026, 3);
    assert.deepEqual(iso(shiftPeriod(march, -1)).slice(2), ['2026-02-01', '2026-02-28']);
    const empty = weekSoFar(new Date('2026-03-22T23:00:00Z'));
    assert.equal(empty.from.getTime(), empty.to.getTime());
  });

  it('gives the eight weeks up to the period, the last one cut at the period end', () => {
    const weeks = weeksEndingWith(weekSoFar(now), 8);
    assert.deepEqual(weeks.map(periodKey), ['2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13']);
    assert.equal(weeks[7]!.to.toISOString(), now.toISOString());
    const yearEnd = weeksEndingWith(isoWeek(2027, 1)!, 8).map(periodKey);
    assert.deepEqual(yearEnd.slice(-3), ['2026-W52', '2026-W53', '2027-W01']);
  });

  it('"senaste veckan" is the calendar week so far, for the lägesbild and the hot spot suggestions alike', () => {
    const tuesday = new Date('2026-12-01T08:00:00Z');
    const weeks = recentWeeks(tuesday, 8);
    assert.deepEqual(weeks.map((w) => periodKey(w)), ['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    assert.deepEqual(iso(weeks.at(-1)!), [weekSoFar(tuesday).from.toISOString(), tuesday.toISOString(), '2026-11-30', '2026-12-01']);
    assert.equal(weeks.at(-1)!.partial, true);
    assert.deepEqual(chartPeriods(weekSoFar(tuesday)).periods.map(iso), weeks.map(iso));
    // Last Thursday is last week, not "the last seven days".
    const stamp = (at: string) => ({ id: at, ref: at, placeId: 'p', occurredAt: new Date(at), category: 'brand' });
    const counts = weeklyCountsReference([stamp('2026-11-26T18:00:00Z'), stamp('2026-11-30T18:00:00Z'), stamp('2026-12-01T07:59:00Z')], weeks);
    assert.deepEqual(counts.get('p')!.slice(-2), [1, 2]);
  });

  it('draws a long day range by month, the first and last month cut to the range', () => {
    const range = daysPeriod('2026-01-15', '2026-04-10');
    const { unit, periods } = chartPeriods(range);
    assert.equal(unit, 'month');
    assert.deepEqual(periods.map((p) => [p.firstDay, p.lastDay, p.partial]), [
      ['2026-01-15', '2026-01-31', true], ['2026-02-01', '2026-02-28', false], ['2026-03-01', '2026-03-31', false], ['2026-04-01', '2026-04-10', true],
    ]);
    assert.equal(chartPeriods(daysPeriod('2026-01-15', '2026-02-10')).unit, 'week');
  });
});
