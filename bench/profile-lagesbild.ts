import { LagesbildService } from '../src/domain/lagesbild/lagesbild-service';
import { chartPeriods } from '../src/domain/lagesbild/lagesbild-service';
import { shiftPeriod, yearPeriod } from '../src/domain/periods';
import { BUSY, generateIncidents } from './support/incident-data';

// Times each query of one lägesbild build (the year of the busiest channel), for finding where the time goes.
async function main(): Promise<void> {
  const size = Number(process.env.SIZE ?? 100_000);
  const data = await generateIncidents(size);
  const agg = data.store.lagesbild;
  const period = yearPeriod(2026);
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
  for (const [name, run] of parts) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < 9; i++) { const t = performance.now(); await run(); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(26)} min ${times[0]!.toFixed(1)} ms, median ${times[4]!.toFixed(1)} ms`);
  }
  await data.close();
}
void main();
