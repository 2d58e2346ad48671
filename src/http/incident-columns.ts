import { DateTime } from 'luxon';
import type { MapIncidentRow } from '../domain/ports/map-incidents.port';
import type { Catalogue } from '../i18n/messages';

// The columns an incident starts with in every CSV (the tab's incidents.csv and the export's): the
// tab's file is the export's first columns and status, without text, people or youth. One list, so
// the two files cannot come to name or order them differently.

type IncidentCells = Pick<MapIncidentRow, 'ref' | 'occurredAt' | 'placeName' | 'category' | 'severity' | 'organisation' | 'school'>;

/** The headers of the shared columns: number, day, time, place, category, severity, organisation, school. */
export function incidentHeader(m: Catalogue): string[] {
  const c = m.lagesbild.export.columns;
  return [c.ref, c.date, c.time, c.place, c.category, c.severity, c.organisation, c.school];
}

/** An incident's shared cells, its time local to `zone`, names in the catalogue's language. */
export function incidentCells(m: Catalogue, r: IncidentCells, zone: string): (string | null)[] {
  const at = DateTime.fromJSDate(r.occurredAt, { zone });
  return [r.ref, at.toFormat('yyyy-MM-dd'), at.toFormat('HH:mm'), r.placeName, m.category[r.category], m.severity[r.severity], m.organisation[r.organisation], r.school];
}
