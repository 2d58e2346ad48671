import { DateTime } from 'luxon';
import type { ExportContents } from '../domain/lagesbild/export-service';
import { messages, type Locale } from '../i18n/messages';
import { organisationNames } from '../cards/organisation-names';

// The export's tables beyond the incidents: activities, hot spots, measures and effect. One definition
// feeds both the CSV files of the zip and the sections of the printable report.

export type Cell = string | number | null;

export interface ExportTable {
  /** The CSV file's name in the zip. */
  file: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

export function exportTables(c: Pick<ExportContents, 'activities' | 'hotspots'>, locale: Locale, zone: string): ExportTable[] {
  const m = messages(locale);
  const t = m.exports;
  const day = (at: Date | null) => (at ? DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd') : null);
  const a = t.activities.columns;
  const h = t.hotspots.columns;
  const ms = t.measures.columns;
  const e = t.effect.columns;
  return [
    {
      file: 'activities.csv', title: t.activities.title,
      header: [a.ref, a.date, a.type, a.place, a.organisation, a.others, a.peopleMet, a.followUp, a.followUpDone, a.notes],
      rows: c.activities.map((r) => [
        r.ref, r.date, m.activityType[r.type], r.placeName, m.organisation[r.organisation], organisationNames(m, r.organisations),
        r.peopleMet, r.followUpDate, day(r.followUpDoneAt), r.notes,
      ]),
    },
    {
      file: 'hotspots.csv', title: t.hotspots.title,
      header: [h.place, h.state, h.owner, h.followUp, h.started],
      rows: c.hotspots.map(({ hotspot: x }) => [x.placeName, m.hotspots.state[x.state], m.organisation[x.ownerOrganisation], x.followUpDate, day(x.createdAt)]),
    },
    {
      file: 'measures.csv', title: t.measures.title,
      header: [ms.place, ms.what, ms.organisation, ms.due, ms.done],
      rows: c.hotspots.flatMap(({ hotspot, measures }) => measures.map((x) => [hotspot.placeName, x.what, m.organisation[x.organisation], x.dueDate, day(x.doneAt)])),
    },
    {
      file: 'effect.csv', title: t.effect.title,
      header: [e.place, e.weeks, e.since, e.placeBefore, e.placeAfter, e.areaBefore, e.areaAfter, e.daysSoFar],
      rows: c.hotspots.flatMap(({ hotspot, effect: x }) => (x ? [[
        hotspot.placeName, x.weeks, day(x.since), x.place.before, x.place.after, x.area?.before ?? null, x.area?.after ?? null, x.place.daysAfterSoFar,
      ]] : [])),
    },
  ];
}
