import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { formatDay, formatWhen } from '../../src/cards/formatting';
import { culture } from '../../src/i18n/plural';
import type { Locale } from '../../src/i18n/messages';

const LOCALES: Locale[] = ['sv', 'en'];
const PATTERNS = ['d LLL yyyy HH:mm', 'd LLL yyyy', 'HH:mm', 'd MMMM yyyy'];

describe('dates on cards', () => {
  it('when an instant is shown, then the text is what luxon writes in the reader\'s language, every month and around the daylight-saving changes', () => {
    const instants = [
      ...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 1 + month * 2, 22, 59))),
      new Date('2026-03-29T00:59:59Z'), new Date('2026-03-29T01:00:00Z'), new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'),
    ];
    for (const locale of LOCALES) {
      for (const pattern of PATTERNS) {
        for (const at of instants) {
          const expected = DateTime.fromJSDate(at, { zone: 'Europe/Stockholm' }).setLocale(culture(locale)).toFormat(pattern);
          assert.equal(formatWhen(at, locale, undefined, pattern), expected, `${locale} ${pattern} ${at.toISOString()}`);
        }
      }
    }
    assert.equal(formatWhen(new Date('2026-12-01T08:05:00Z'), 'sv'), '1 dec. 2026 09:05');
    assert.equal(formatWhen(new Date('2026-09-01T08:05:00Z'), 'en'), '1 Sept 2026 10:05');
  });

  it('when a calendar day is shown, then the text is what luxon writes, and a day that is not one reads as luxon reads it', () => {
    for (const locale of LOCALES) {
      for (const day of ['2026-01-05', '2026-05-31', '2026-12-24', '2024-02-29', '2026-02-30']) {
        assert.equal(formatDay(day, locale), DateTime.fromISO(day, { zone: 'Europe/Stockholm' }).setLocale(culture(locale)).toFormat('d LLL yyyy'), `${locale} ${day}`);
      }
    }
    assert.equal(formatDay('2026-05-31', 'sv'), '31 maj 2026');
  });

  it('when an instant is not a valid date, then it reads as luxon has it, not as NaN', () => {
    assert.equal(formatWhen(new Date(Number.NaN), 'sv'), 'Invalid DateTime');
  });
});
