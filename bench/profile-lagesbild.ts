import { LagesbildService } from '../src/domain/lagesbild/lagesbild-service';
import { chartPeriods } from '../src/domain/lagesbild/lagesbild-service';
import { daysPeriod, shiftPeriod, weekOf, yearPeriod, type Period } from '../src/domain/periods';
import { BUSY, generateIncidents } from './support/incident-data';

// Times each query of one lägesbild build of the busiest channel, for finding where the time goes:
// SIZE incidents (100 000), PERIOD week, quarter or year (the year).
const PERIODS: Record<string, Period> = {
  week: weekOf(new Date('2026-12-16T12:00:00Z')), quarter: daysPeriod('2026-10-01', '2026-12-31'), year: yearPeriod(2026),
};

async function main(): Promise<void> {
  const size = Number(process.env.SIZE ?? 100_000);
  const data = await generateIncidents(size);
  const agg = data.store.lagesbild;
  const period = PERIODS[process.env.PERIOD ?? 'year']!;
  const compared = Array.from({ length: 5 }, (_, i) => shiftPeriod(period, -i));
  const chart = chartPeriods(period).periods;
  const clock = { now: () => new Date('2027-01-05T08:00:00Z') };
  const parts: [string, () => Promise<unknown>][] = [
    ['category ×5 periods', () => agg.countIncidents(BUSY, compared, 'category')],
    ['organisation ×5 periods', () => agg.countIncidents(BUSY, compared, 'organisation')],
    ['place', () => agg.countIncidents(BUSY, [period], 'place')],
    ['school', () => agg.countIncidents(BUSY, [period], 'school')],
    ['chart', () => agg.countIncidents(BUSY, chart, 'none')],
    ['serious', () => agg.seriousIncidents(BUSY, period, 10)],
    ['whole build', () => new LagesbildService(agg, clock).build(BUSY, period)],
  ];
  // CPU time as well as wall time: on a shared machine the wall clock also counts the waits for a core.
  for (const [name, run] of parts) {
    await run();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 9; i++) {
      const [t, c] = [performance.now(), process.cpuUsage()];
      await run();
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[4]!.toFixed(1);
    console.log(`${name.padEnd(26)} wall ${median(times)} ms, CPU ${median(cpu)} ms (medians of 9)`);
  }
  await data.close();
}
void main();
