import { DateTime } from 'luxon';
import type { ChartBucket, Lagesbild } from '../domain/lagesbild/lagesbild';
import type { Period } from '../domain/periods';
import { culture, formatDay } from './formatting';
import { format, messages, type Locale } from '../i18n/messages';

// The lägesbild's chart in words and numbers. Bars carry whole counts and the chart has no axis of
// its own (Teams would draw ticks like 0.75 for small counts); each bar shows its count instead.

/** Full periods in one colour, the period still running in another that is no paler (it is the newest). */
export const BAR_COLOR = { full: 'categoricalBlue', partial: 'categoricalMarigold' } as const;

export interface ChartView {
  title: string;
  visible: boolean;
  bars: { x: string; y: number; color: string }[];
  /** "* v.49 pågår: måndag–tisdag.", or ''. */
  note: string;
  fallback: string;
}

/** The days a partial period covers so far: "måndag–tisdag" for a week, "1 dec.–2 dec." otherwise. */
export function partialSpan(p: Pick<Period, 'kind' | 'firstDay' | 'lastDay' | 'zone'>, locale: Locale): string {
  const pattern = p.kind === 'week' ? 'cccc' : 'd LLL';
  const first = formatDay(p.firstDay, locale, p.zone, pattern);
  const last = formatDay(p.lastDay, locale, p.zone, pattern);
  return first === last ? first : `${first}–${last}`;
}

function barLabel(bucket: ChartBucket, locale: Locale, zone: string): string {
  const t = messages(locale).lagesbild.chart;
  return bucket.unit === 'week'
    ? format(t.week, { week: bucket.weekNumber })
    : DateTime.fromISO(bucket.firstDay, { zone }).setLocale(culture(locale)).toFormat('LLL yy');
}

export function chartView(l: Lagesbild, locale: Locale): ChartView {
  const t = messages(locale).lagesbild.chart;
  const zone = l.period.zone;
  const title = l.chart[0]?.unit === 'month' ? t.monthTitle : t.weekTitle;
  const bars = l.chart.map((b) => {
    const x = barLabel(b, locale, zone);
    const isRunning = l.period.partial && b === l.chart.at(-1);
    return { x: isRunning ? format(t.partialMark, { bar: x }) : x, y: Math.round(b.count), color: isRunning ? BAR_COLOR.partial : BAR_COLOR.full };
  });
  // Only the newest bar can be running, and only when the period itself is cut at now.
  const last = l.chart.at(-1);
  const running = l.period.partial && last?.partial ? last : undefined;
  const note = running
    ? format(t.partialNote, {
      bar: barLabel(running, locale, zone),
      days: partialSpan({ kind: running.unit, firstDay: running.firstDay, lastDay: l.period.lastDay, zone }, locale),
    })
    : '';
  return {
    title, visible: bars.some((b) => b.y > 0), bars, note,
    fallback: format(t.fallback, { title, bars: bars.map((b) => `${b.x}: ${b.y}`).join(' · ') }),
  };
}
