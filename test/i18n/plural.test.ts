import assert from 'node:assert/strict';
import { format, messages, type Locale } from '../../src/i18n/messages';
import { pluralCategory } from '../../src/i18n/plural';

// One plural mechanism for every count text: "{n} {n|form for one|form for other}", chosen by the
// locale's plural rules. The tables are what a reader sees.

describe('plurals in the catalogue', () => {
  const table: [Locale, string | number, 'one' | 'other'][] = [
    ['sv', 0, 'other'], ['sv', 1, 'one'], ['sv', 2, 'other'], ['sv', 21, 'other'], ['sv', '1', 'one'], ['sv', ' 1 ', 'one'],
    ['sv', '1,0', 'other'], ['sv', '1,5', 'other'], ['sv', '0,5', 'other'], ['sv', '1 000', 'other'], ['sv', '', 'other'],
    ['en', 0, 'other'], ['en', 1, 'one'], ['en', 2, 'other'], ['en', '1.0', 'other'], ['en', '1.5', 'other'], ['en', '1,000', 'other'],
  ];
  for (const [locale, shown, expected] of table) {
    it(`When ${locale} shows the count "${shown}", then its plural category is ${expected}`, () => {
      assert.equal(pluralCategory(locale, shown), expected);
    });
  }

  const texts: [Locale, (m: ReturnType<typeof messages>) => string, Record<string, number | string>, string][] = [
    ['sv', (m) => m.hotspots.list.overdue, { count: 1 }, '1 försenad åtgärd'],
    ['sv', (m) => m.hotspots.list.overdue, { count: 2 }, '2 försenade åtgärder'],
    ['en', (m) => m.hotspots.list.overdue, { count: 1 }, '1 overdue measure'],
    ['en', (m) => m.hotspots.list.overdue, { count: 3 }, '3 overdue measures'],
    ['sv', (m) => m.lagesbild.incidentsTotal, { count: 1 }, '1 händelse'],
    ['sv', (m) => m.lagesbild.incidentsTotal, { count: 0 }, '0 händelser'],
    ['en', (m) => m.lagesbild.activitiesSummary, { count: 1 }, '1 activity'],
    ['en', (m) => m.lagesbild.activitiesSummary, { count: 4 }, '4 activities'],
    ['sv', (m) => m.hotspots.proposals.trend, { slope: '1,5', weeks: 6 }, 'Ökar med ungefär 1,5 händelser per vecka de senaste 6 veckorna.'],
    ['en', (m) => m.hotspots.card.effectSoFar, { days: 1, total: 28 }, '(The period after is still running: 1 of 28 days has passed.)'],
  ];
  for (const [locale, pick, values, expected] of texts) {
    it(`When the ${locale} text is filled with ${JSON.stringify(values)}, then it reads "${expected}"`, () => {
      assert.equal(format(pick(messages(locale)), values, locale), expected);
    });
  }

  it('When any catalogue text names plural forms, then it names exactly two (one, other) of a placeholder it fills', () => {
    for (const locale of ['sv', 'en'] as const) {
      const all = JSON.stringify(messages(locale));
      for (const [whole, key, forms] of all.matchAll(/\{(\w+)\|([^{}]*)\}/g)) {
        assert.equal(forms!.split('|').length, 2, `${locale}: ${whole} has two forms`);
        assert.ok(all.includes(`{${key}}`), `${locale}: ${whole} counts a placeholder that is shown`);
      }
    }
  });
});
