import { DateTime } from 'luxon';
import type { Compared, Lagesbild } from '../domain/lagesbild/lagesbild';
import { isEmpty } from '../domain/lagesbild/lagesbild';
import type { Period } from '../domain/periods';
import { chartView, partialSpan, type ChartView } from './lagesbild-chart';
import { averageText, labelOf, moreText, summaryGroups, type SummaryGroup } from './lagesbild-summary';
import { countOrUnknown, culture, formatDate, formatNumber, formatWhen } from './formatting';
import { format, messages, type Locale } from '../i18n/messages';

// The lägesbild in words, without markup: the card and the printable report both draw this. Summary
// first (what the meeting acts on), then the chart, then the details. Texts that came from users
// (places, schools, measures) are left as typed; each renderer makes them safe its way.

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
  summary: { title: string; groups: SummaryGroup[]; visible: boolean };
  chart: ChartView;
  /** The details behind "visa mer": no section without something to show, no row with zero. */
  sections: ViewSection[];
  showMore: string;
  showLess: string;
}

export function periodLabel(p: Period, locale: Locale): string {
  const l = messages(locale).lagesbild;
  const start = DateTime.fromJSDate(p.from, { zone: p.zone }).setLocale(culture(locale));
  const days = p.firstDay === p.lastDay
    ? formatDate(p.firstDay, locale, p.zone)
    : `${formatDate(p.firstDay, locale, p.zone)} – ${formatDate(p.lastDay, locale, p.zone)}`;
  const label = p.kind === 'week' ? format(l.period.week, { week: start.weekNumber, year: start.weekYear, days })
    : p.kind === 'month' ? format(l.period.month, { month: start.toFormat('LLLL yyyy') })
      : p.kind === 'year' ? format(l.period.year, { year: start.year })
        : format(l.period.days, { days });
  if (!p.partial) return label;
  // A period in progress is compared with the same days of the one before: say so.
  const bare = p.kind === 'week' ? format(l.period.weekShort, { week: start.weekNumber, year: start.weekYear }) : label;
  return format(l.period.soFar, { label: bare, days: partialSpan(p, locale), previous: l.previous[p.kind] });
}

function signed(n: number, locale: Locale): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n), locale)}`;
}

function comparedRow(c: Compared, locale: Locale): string {
  return format(messages(locale).lagesbild.rowChange, {
    count: c.count, diff: signed(c.count - c.previous, locale), average: formatNumber(c.average, locale),
  });
}

const section = (title: string, rows: ViewRow[], more = '', summary = ''): ViewSection => ({ title, rows, more, summary });

function detailSections(l: Lagesbild, locale: Locale): ViewSection[] {
  const m = messages(locale);
  const t = m.lagesbild;
  const s = t.sections;
  const zone = l.period.zone;
  // A category that had incidents only before is not a row of this period: no zeros.
  const current = <T extends { count: number }>(rows: T[]) => rows.filter((r) => r.count > 0);
  return [
    section(s.categories, current(l.incidents.byCategory).map((c) => ({ label: labelOf(m.category, c.key), value: comparedRow(c, locale) }))),
    section(s.organisations, current(l.incidents.byOrganisation).map((c) => ({ label: labelOf(m.organisation, c.key), value: comparedRow(c, locale) }))),
    section(s.places, l.incidents.topPlaces.items.map((p) => ({ label: p.name, value: String(p.count) })), moreText(l.incidents.topPlaces, m)),
    section(s.schools, l.schools.bySchool.items.map((x) => ({ label: x.name, value: format(t.schoolRow, { count: x.count, youth: countOrUnknown(x.youth, locale, m.saved.unknownCount) }) })),
      moreText(l.schools.bySchool, m), l.schools.incidents > 0 ? format(t.schoolsSummary, { count: l.schools.incidents, youth: countOrUnknown(l.schools.youth, locale, m.saved.unknownCount) }) : ''),
    section(s.activityTypes, current(l.activities.byType).map((a) => ({ label: labelOf(m.activityType, a.key), value: String(a.count) })),
      '', l.activities.total > 0 ? format(t.activitiesSummary, { count: l.activities.total }) : ''),
    section(s.activityOrganisations, current(l.activities.byOrganisation).map((a) => ({ label: labelOf(m.organisation, a.key), value: String(a.count) }))),
    section(s.overdue, l.overdue.items.map((o) => ({
      label: o.placeName ? `${o.ref} · ${o.placeName}` : o.ref,
      value: format(t.overdueRow, { type: labelOf(m.activityType, o.type), date: formatDate(o.followUpDate, locale, zone) }),
    })), moreText(l.overdue, m)),
    section(s.suggestions, l.suggestions.items.map((p) => ({ label: p.placeName, value: m.hotspots.label[p.label] })), moreText(l.suggestions, m)),
  ].filter((x) => x.rows.length > 0 || x.summary !== '');
}

export function lagesbildView(locale: Locale, l: Lagesbild): LagesbildView {
  const t = messages(locale).lagesbild;
  const total = l.incidents.total;
  const groups = summaryGroups(l, locale);
  const previous = l.period.partial ? format(t.partialPrevious, { days: partialSpan(l.period, locale), previous: t.previous[l.period.kind] }) : t.previous[l.period.kind];
  return {
    title: t.title,
    periodLabel: periodLabel(l.period, locale),
    generated: format(t.generated, { when: formatWhen(l.generatedAt, locale, l.period.zone) }),
    empty: isEmpty(l) ? t.empty : '',
    headline: total.count > 0 ? format(t.incidentsTotal, { count: total.count }) : t.noIncidents,
    headlineChange: total.count > 0 || total.previous > 0
      ? format(t.change, { diff: signed(total.count - total.previous, locale), previous, average: averageText(l, total.average, locale) })
      : '',
    summary: { title: t.summary.title, groups, visible: groups.length > 0 },
    chart: chartView(l, locale),
    sections: detailSections(l, locale),
    showMore: t.showMore,
    showLess: t.showLess,
  };
}
