import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { timeWordsIn, withoutTimeWords } from '../../src/domain/time-words';

const ZONE = 'Europe/Stockholm';
const local = (text: string) => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: ZONE }).toJSDate();
const read = (typed: string, now: Date) => {
  const found = timeWordsIn(typed.split(' '), now, ZONE);
  return found ? DateTime.fromJSDate(found.at, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm') : null;
};

/** Each row: what is typed → the local time it means, at the given "now". */
const check = (now: string, table: [typed: string, means: string | null][]) => {
  for (const [typed, means] of table) assert.equal(read(typed, local(now)), means, `"${typed}" at ${now}`);
};

describe('time words in a one-line report (Europe/Stockholm)', () => {
  it('on a Monday morning: last night, yesterday, the day before, this morning, clock times and weekdays', () => {
    check('2026-11-30 10:00', [ // Monday
      ['i natt', '2026-11-30 01:00'], ['inatt', '2026-11-30 01:00'], ['I NATT.', '2026-11-30 01:00'], ['last night', '2026-11-30 01:00'],
      ['igår 22', '2026-11-29 22:00'], ['i går kl 22:30', '2026-11-29 22:30'], ['Igår kl. 22.30', '2026-11-29 22:30'],
      ['yesterday 22', '2026-11-29 22:00'], ['yesterday at 22', '2026-11-29 22:00'], ['igår vid 22-tiden', '2026-11-29 22:00'],
      ['igår', '2026-11-29 12:00'], ['yesterday', '2026-11-29 12:00'],
      ['igår kväll', '2026-11-29 20:00'], ['yesterday evening', '2026-11-29 20:00'], ['igår kväll kl 9', '2026-11-29 21:00'],
      ['i förrgår', '2026-11-28 12:00'], ['iförrgår', '2026-11-28 12:00'], ['the day before yesterday', '2026-11-28 12:00'],
      ['i morse', '2026-11-30 07:00'], ['imorse', '2026-11-30 07:00'], ['this morning', '2026-11-30 07:00'],
      ['kl 23', '2026-11-29 23:00'], ['klockan 8', '2026-11-30 08:00'], ['kl. 9:15', '2026-11-30 09:15'], ['at 23', '2026-11-29 23:00'],
      ['vid 22-tiden', '2026-11-29 22:00'], ['22:30', '2026-11-29 22:30'],
      ['i fredags', '2026-11-27 12:00'], ['fredag', '2026-11-27 12:00'], ['last friday', '2026-11-27 12:00'], ['on friday', '2026-11-27 12:00'],
      ['i söndags kväll', '2026-11-29 20:00'], ['fredag natt', '2026-11-28 01:00'], ['i lördags vid 22-tiden', '2026-11-28 22:00'],
      // Today's weekday: "i måndags" is a week ago; "måndag" is today, and today's noon has not come yet.
      ['i måndags', '2026-11-23 12:00'], ['måndag', '2026-11-30 10:00'], ['idag', '2026-11-30 10:00'],
      // Still ahead today: now, never the future.
      ['ikväll', '2026-11-30 10:00'], ['tonight', '2026-11-30 10:00'],
    ]);
  });

  it('just after midnight: "ikväll" and "i morse" are the day that just ended; "i natt" is now', () => {
    check('2026-12-01 00:20', [ // Tuesday
      ['i natt', '2026-12-01 00:20'], ['ikväll', '2026-11-30 20:00'], ['i kväll', '2026-11-30 20:00'], ['tonight', '2026-11-30 20:00'],
      ['i morse', '2026-11-30 07:00'], ['kl 23', '2026-11-30 23:00'], ['igår 22', '2026-11-30 22:00'], ['i förrgår', '2026-11-29 12:00'],
      ['idag', '2026-12-01 00:20'], ['i fredags', '2026-11-27 12:00'], ['i tisdags', '2026-11-24 12:00'],
    ]);
  });

  it('in the evening: the evening so far, a clock time earlier today, a later one yesterday', () => {
    check('2026-11-30 21:30', [
      ['ikväll', '2026-11-30 20:00'], ['ikväll kl 9', '2026-11-30 21:00'], ['kl 21', '2026-11-30 21:00'], ['kl 23', '2026-11-29 23:00'],
      ['i natt', '2026-11-30 01:00'], ['i natt kl 23', '2026-11-29 23:00'], ['i natt kl 2', '2026-11-30 02:00'], ['i eftermiddags', '2026-11-30 15:00'],
    ]);
  });

  it('takes no ordinary words or counts for a time', () => {
    check('2026-11-30 10:00', [
      ['klotter på väggen', null], ['tre ungdomar 14 år', null], ['kl', null], ['kl 25', null], ['natten', null], ['at the station', null],
    ]);
  });

  it('finds the phrase anywhere and leaves the other words', () => {
    const now = local('2026-11-30 10:00');
    const found = withoutTimeWords('krossad ruta i natt vid busskuren'.split(' '), now, ZONE);
    assert.deepEqual(found.words, ['krossad', 'ruta', 'vid', 'busskuren']);
    assert.equal(found.at?.toISOString(), local('2026-11-30 01:00').toISOString());
    assert.deepEqual(withoutTimeWords(['klotter'], now, ZONE), { words: ['klotter'], at: null });
    // From the second word on: the first is the place, whatever it is called.
    assert.equal(timeWordsIn(['fredag', 'klotter'], now, ZONE, 1), null);
  });
});
