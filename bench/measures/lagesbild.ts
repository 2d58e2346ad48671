import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import { daysPeriod, weekOf, yearPeriod, type Period } from '../../src/domain/periods';
import { BUSY, generateIncidents, QUIET } from '../support/incident-data';
import { figure, type Figure } from '../support/results';
import { QUICK } from '../support/settings';
import { medianOf } from '../support/timing';

const MEASURE = '2 lägesbild';
const ROUNDS = 5;
const clock = { now: () => new Date('2027-01-05T08:00:00Z') };

const PERIODS: [string, Period][] = [
  ['week', weekOf(new Date('2026-12-16T12:00:00Z'))],
  ['quarter', daysPeriod('2026-10-01', '2026-12-31')],
  ['year', yearPeriod(2026)],
];

/** Table sizes: 10 k and 100 k; 1 M only with BENCH_LAGESBILD_1M=1 (generating it takes minutes). */
function tableSizes(): number[] {
  if (QUICK) return [2_000, 10_000];
  return process.env.BENCH_LAGESBILD_1M === '1' ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
}

/**
 * 2. The lägesbild of a week, a quarter and a year of the busiest channel (half of all incidents) and of
 * a quiet one (1/98), over tables of every size. Baseline: one COUNT(*) of the same channel's incidents
 * in the same period, straight on the SQLite file (the least any lägesbild must read).
 */
export async function lagesbild(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const yearCost = new Map<number, number>();
  for (const incidents of tableSizes()) {
    const data = await generateIncidents(incidents);
    const raw = openSqliteDatabase(data.file, { readonly: true });
    const count = raw.prepare('SELECT COUNT(*) AS n FROM incidents WHERE tenant_id = ? AND conversation_id = ? AND occurred_at >= ? AND occurred_at < ?');
    try {
      const service = new LagesbildService(data.store.lagesbild, clock);
      for (const [channelName, scope] of [['busiest channel', BUSY], ['quiet channel', QUIET]] as const) {
        let weekMs = 0;
        for (const [periodName, period] of PERIODS) {
          const floor = await medianOf(ROUNDS, () => count.get(scope.tenantId, scope.conversationId, period.from.toISOString(), period.to.toISOString()));
          const built = await medianOf(ROUNDS, () => service.build(scope, period));
          if (periodName === 'week') weekMs = built;
          if (periodName === 'year' && channelName === 'busiest channel') yearCost.set(incidents, built);
          figures.push(figure(MEASURE, `${periodName}, ${channelName}, ${incidents} incidents`, built, 'ms', { name: 'COUNT(*) of the period', value: floor }));
          if (periodName === 'year') {
            figures.push(figure(MEASURE, `growth with the period: year / week, ${channelName}, ${incidents} incidents`, built, 'ms', { name: 'week', value: weekMs }));
          }
        }
      }
    } finally {
      raw.close();
      await data.close();
    }
  }
  const sizes = [...yearCost.keys()];
  for (let i = 1; i < sizes.length; i++) {
    figures.push(figure(MEASURE, `growth with the table: year, busiest channel, ${sizes[i]} / ${sizes[i - 1]} incidents`,
      yearCost.get(sizes[i]!)!, 'ms', { name: `${sizes[i - 1]} incidents`, value: yearCost.get(sizes[i - 1]!)! }));
  }
  return figures;
}
