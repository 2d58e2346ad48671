import type { Cut, Lagesbild } from '../domain/lagesbild/lagesbild';
import { mostChanged } from '../domain/lagesbild/lagesbild';
import { formatDate, formatNumber } from './formatting';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';

// "Att ta upp": what the meeting must act on, before any table. Texts that came from users (places,
// measures) are left as typed; each renderer makes them safe its way.

export interface SummaryGroup {
  title: string;
  lines: string[];
  /** "och 3 till", or ''. */
  more: string;
}

/** How many lines each group shows before "och N till": the summary must read in a minute. */
const SHOWN = 3;

export function moreText(list: Cut<unknown>, m: Catalogue, shown = list.items.length): string {
  const more = list.more + list.items.length - Math.min(shown, list.items.length);
  return more > 0 ? format(m.lagesbild.more, { count: more }) : '';
}

export const labelOf = <K extends string>(labels: Record<K, string>, key: string): string => labels[key as K] ?? key;

/** The mean of the periods before, worded for the period's kind ("snitt 0,5 per vecka de fyra veckorna före"). */
export function averageText(l: Lagesbild, average: number, locale: Locale): string {
  const t = messages(locale).lagesbild;
  const words = l.period.partial ? t.averageSameDays : t.average;
  return format(words[l.period.kind], { average: formatNumber(average, locale) });
}

function group<T>(title: string, list: Cut<T>, line: (item: T) => string, m: Catalogue): SummaryGroup[] {
  if (list.items.length === 0) return [];
  return [{ title, lines: list.items.slice(0, SHOWN).map(line), more: moreText(list, m, SHOWN) }];
}

export function summaryGroups(l: Lagesbild, locale: Locale): SummaryGroup[] {
  const m = messages(locale);
  const s = m.lagesbild.summary;
  const zone = l.period.zone;
  const changed = mostChanged(l.incidents.byCategory.filter((c) => c.count > 0));
  return [
    ...group(s.serious, l.serious, (i) => format(s.seriousRow, {
      category: labelOf(m.category, i.category), place: i.placeName, when: formatDate(i.occurredAt, locale, zone), ref: i.ref,
    }), m),
    ...group(s.hotSpots, l.hotSpots, (h) => (h.nextFollowUp
      ? format(s.hotSpotFollowUp, { place: h.placeName, stage: m.hotspots.state[h.stage], date: formatDate(h.nextFollowUp, locale, zone) })
      : format(s.hotSpotRow, { place: h.placeName, stage: m.hotspots.state[h.stage] })), m),
    ...group(s.overdueMeasures, l.overdueMeasures, (o) => format(s.overdueMeasureRow, {
      place: o.placeName, what: o.what, owner: labelOf(m.organisation, o.organisation), date: formatDate(o.dueDate, locale, zone),
    }), m),
    ...(changed ? [{
      title: s.changed, more: '',
      lines: [format(s.changedRow, { category: labelOf(m.category, changed.key), count: changed.count, average: averageText(l, changed.average, locale) })],
    }] : []),
  ];
}
