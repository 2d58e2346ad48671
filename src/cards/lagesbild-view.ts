import { DateTime } from 'luxon';
import type { Compared, Cut, Lagesbild } from '../domain/lagesbild/lagesbild';
import { isEmpty } from '../domain/lagesbild/lagesbild';
import type { Period } from '../domain/periods';
import { culture, formatDay, formatNumber, formatWhen } from './formatting';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';

// The lägesbild in words, without markup: the card and the printable report both draw this. Texts
// that came from users (places, schools) are left as typed; each renderer makes them safe its way.

export interface ViewRow {
  label: string;
  value: string;
}

export interface ViewSection {
  title: string;
  summary: string;
  rows: ViewRow[];
  /** "och 3 till", or ''. */
  more: string;
}

export interface LagesbildView {
  title: string;
  periodLabel: string;
  generated: string;
  /** The kind words for a period without anything reported, or ''. */
  empty: string;
  headline: string;
  headlineChange: string;
  sections: ViewSection[];
  chart: { title: string; visible: boolean; bars: { x: string; y: number }[]; fallback: string };
}

export function periodLabel(p: Period, locale: Locale): string {
  const l = messages(locale).lagesbild.period;
  const start = DateTime.fromJSDate(p.from, { zone: p.zone }).setLocale(culture(locale));
  const span = p.firstDay === p.lastDay
    ? formatDay(p.firstDay, locale, p.zone)
    : `${formatDay(p.firstDay, locale, p.zone)} – ${formatDay(p.lastDay, locale, p.zone)}`;
  const label = p.kind === 'week' ? format(l.week, { week: start.weekNumber, year: start.weekYear, days: span })
    : p.kind === 'month' ? format(l.month, { month: start.toFormat('LLLL yyyy') })
      : p.kind === 'year' ? format(l.year, { year: start.year })
        : format(l.days, { days: span });
  return p.partial ? format(l.soFar, { label }) : label;
}

function signed(n: number, locale: Locale): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n), locale)}`;
}

function compared(c: Compared, locale: Locale): string {
  return `${c.count} (${format(messages(locale).lagesbild.change, { diff: signed(c.count - c.previous, locale), average: formatNumber(c.average, locale) })})`;
}

function more(list: Cut<unknown>, m: Catalogue): string {
  return list.more > 0 ? format(m.lagesbild.more, { count: list.more }) : '';
}

const label = <K extends string>(labels: Record<K, string>, key: string) => labels[key as K] ?? key;

export function lagesbildView(locale: Locale, l: Lagesbild): LagesbildView {
  const m = messages(locale);
  const t = m.lagesbild;
  const s = t.sections;
  const zone = l.period.zone;
  const sections: ViewSection[] = [
    {
      title: s.categories, summary: '', more: '',
      rows: l.incidents.byCategory.map((c) => ({ label: label(m.category, c.key), value: compared(c, locale) })),
    },
    {
      title: s.organisations, summary: '', more: '',
      rows: l.incidents.byOrganisation.map((c) => ({ label: label(m.organisation, c.key), value: compared(c, locale) })),
    },
    {
      title: s.places, summary: '', more: more(l.incidents.topPlaces, m),
      rows: l.incidents.topPlaces.items.map((p) => ({ label: p.name, value: String(p.count) })),
    },
    {
      title: s.hotSpots, summary: '', more: more(l.hotSpots, m),
      rows: l.hotSpots.items.map((h) => ({
        label: h.placeName,
        value: [h.labels.join(', '), h.nextFollowUp ? format(t.hotSpotFollowUp, { date: formatDay(h.nextFollowUp, locale, zone) }) : '']
          .filter(Boolean).join(' · '),
      })),
    },
    {
      title: s.schools, more: more(l.schools.bySchool, m),
      summary: l.schools.incidents > 0 ? format(t.schoolsSummary, { count: l.schools.incidents, youth: youthCount(l.schools.youth, m) }) : '',
      rows: l.schools.bySchool.items.map((x) => ({ label: x.name, value: format(t.schoolRow, { count: x.count, youth: youthCount(x.youth, m) }) })),
    },
    {
      title: s.activityTypes, more: '',
      summary: l.activities.total > 0 ? format(t.activitiesSummary, { count: l.activities.total }) : '',
      rows: l.activities.byType.map((a) => ({ label: label(m.activityType, a.key), value: String(a.count) })),
    },
    {
      title: s.activityOrganisations, summary: '', more: '',
      rows: l.activities.byOrganisation.map((a) => ({ label: label(m.organisation, a.key), value: String(a.count) })),
    },
    {
      title: s.overdue, summary: '', more: more(l.overdue, m),
      rows: l.overdue.items.map((o) => ({
        label: o.placeName ? `${o.ref} · ${o.placeName}` : o.ref,
        value: format(t.overdueRow, { type: label(m.activityType, o.type), date: formatDay(o.followUpDate, locale, zone) }),
      })),
    },
  ].filter((section) => section.rows.length > 0 || section.summary !== '');
  const bars = l.weeks.map((w) => ({ x: format(t.chart.week, { week: w.weekNumber }), y: w.count }));
  return {
    title: t.title,
    periodLabel: periodLabel(l.period, locale),
    generated: format(t.generated, {
      when: formatWhen(l.generatedAt, locale, zone),
    }),
    empty: isEmpty(l) ? t.empty : '',
    headline: l.incidents.total.count > 0 ? format(t.incidentsTotal, { count: l.incidents.total.count }) : t.noIncidents,
    headlineChange: l.incidents.total.count > 0 || l.incidents.total.previous > 0
      ? format(t.change, { diff: signed(l.incidents.total.count - l.incidents.total.previous, locale), average: formatNumber(l.incidents.total.average, locale) })
      : '',
    sections,
    chart: { title: t.chart.title, visible: bars.some((b) => b.y > 0), bars, fallback: format(t.chart.fallback, { weeks: bars.map((b) => `${b.x}: ${b.y}`).join(' · ') }) },
  };
}

/** A count nobody gave reads "okänt antal", never 0. */
function youthCount(youth: number | null, m: Catalogue): string | number {
  return youth === null ? m.saved.unknownCount : youth;
}
