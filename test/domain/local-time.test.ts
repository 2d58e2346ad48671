import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { checkedDay } from '../../src/domain/date-limits';
import { clockTime, instantOfLocal, isCalendarDay, isoDay, localTime } from '../../src/domain/local-time';

const MINUTE = 60_000;
const ZONES = ['Europe/Stockholm', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];

/** Every `step` minutes from `from` for `hours` hours. */
function instants(from: string, hours: number, step: number): Date[] {
  const start = Date.parse(from);
  return Array.from({ length: (hours * 60) / step }, (_, i) => new Date(start + i * step * MINUTE + (i % 7) * 1_013));
}

describe('local time in a zone', () => {
  it('when an instant is read in a zone, then its day and clock time are those luxon reads, across both daylight-saving changes and a new year', () => {
    const around = [...instants('2026-03-28T20:00:00Z', 12, 7), ...instants('2026-10-24T20:00:00Z', 12, 7), ...instants('2025-12-31T18:00:00Z', 12, 13)];
    for (const zone of ZONES) {
      for (const at of around) {
        const t = localTime(at, zone);
        const expected = DateTime.fromJSDate(at, { zone });
        assert.equal(`${isoDay(t)} ${clockTime(t)}`, expected.toFormat('yyyy-MM-dd HH:mm'), `${zone} at ${at.toISOString()}`);
      }
    }
  });

  it('when a Stockholm wall-clock time is turned into an instant, then it is the instant that shows it, around both changes of 2026', () => {
    for (const night of ['2026-03-29', '2026-10-25']) {
      for (let minutes = 0; minutes < 6 * 60; minutes += 15) {
        const fields = { year: 2026, month: Number(night.slice(5, 7)), day: Number(night.slice(8, 10)), hour: Math.floor(minutes / 60), minute: minutes % 60 };
        const at = instantOfLocal(fields, 'Europe/Stockholm');
        if (fields.hour === 2) continue; // the skipped and the repeated hour: below
        assert.equal(DateTime.fromJSDate(at, { zone: 'Europe/Stockholm' }).toFormat('yyyy-MM-dd HH:mm'), `${night} ${clockTime(fields)}`);
      }
    }
  });

  it('when the time falls in the hour the clocks skip, then it is moved forward, as clocks are (02:30 is 03:30 summer time)', () => {
    assert.equal(instantOfLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Stockholm').toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('when the time falls in the hour the clocks show twice, then it is the first time, in summer time, whatever the season today', () => {
    assert.equal(instantOfLocal({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Stockholm').toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(instantOfLocal({ year: 2026, month: 10, day: 25, hour: 3, minute: 0 }, 'Europe/Stockholm').toISOString(), '2026-10-25T02:00:00.000Z');
  });

  it('when a day is checked, then only days of the calendar pass', () => {
    for (const day of ['2026-02-28', '2024-02-29', '2026-12-31', '2000-01-01']) assert.equal(isCalendarDay(day), true, day);
    for (const day of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) {
      assert.equal(isCalendarDay(day), false, day);
    }
  });
});

describe('a day at most some days ahead', () => {
  it('when a day is checked against today plus N days, then the last day allowed is the one luxon counts, across both daylight-saving changes, a month end and a new year', () => {
    const around = [...instants('2026-03-28T20:00:00Z', 12, 37), ...instants('2026-10-24T20:00:00Z', 12, 37), ...instants('2026-12-31T18:00:00Z', 12, 41)];
    for (const now of around) {
      for (const days of [1, 31, 60]) {
        const last = DateTime.fromJSDate(now, { zone: 'Europe/Stockholm' }).plus({ days });
        const ahead = { now, days };
        assert.equal(checkedDay(last.toFormat('yyyy-MM-dd'), ahead).ok, true, `${now.toISOString()} + ${days}`);
        assert.equal(checkedDay(last.plus({ days: 1 }).toFormat('yyyy-MM-dd'), ahead).ok, false, `${now.toISOString()} + ${days} + 1`);
      }
    }
  });
});
