import { localDay } from '../domain/date-limits';
import { instantToLocal } from '../domain/form-fields';
import type { ActivityForm, IncidentForm } from '../cards/forms/report-forms';
import type { Activity, Incident } from '../domain/report';
import type { ReporterDefaults } from '../domain/reporting-service';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS } from '../cards/report-cards';

// Between cards and the domain: what a card submitted, and what a form should show first.

/** Keeps only the form's own fields from a card submit, as strings exactly as typed. */
function pick<F extends string>(fields: readonly F[], data: Record<string, unknown>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) {
    const v = data[f];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[f] = String(v);
  }
  return out;
}

export const incidentFormFrom = (data: Record<string, unknown>): IncidentForm => pick(INCIDENT_FIELDS, data);
export const activityFormFrom = (data: Record<string, unknown>): ActivityForm => pick(ACTIVITY_FIELDS, data);

export function newIncidentValues(now: Date, zone: string, d: ReporterDefaults): IncidentForm {
  const local = instantToLocal(now, zone);
  return { date: local.date, time: local.time, severity: 'medel', organisation: d.organisation ?? '', school: d.school ?? '' };
}

export function newActivityValues(now: Date, zone: string, d: ReporterDefaults): ActivityForm {
  return { date: localDay(now, zone), organisation: d.organisation ?? '' };
}

const text = (v: string | number | null) => (v === null ? '' : String(v));

export function incidentValues(r: Incident, zone: string): IncidentForm {
  const local = instantToLocal(r.occurredAt, zone);
  return {
    date: local.date, time: local.time, placeId: r.placeId, category: r.category, description: r.description,
    severity: r.severity, organisation: r.organisation, school: text(r.school), youthInvolved: text(r.youthInvolved),
    policeReportNumber: text(r.policeReportNumber), schoolId: text(r.schoolId),
    concernReported: r.concernReported === null ? '' : r.concernReported ? 'ja' : 'nej',
  };
}

export function activityValues(r: Activity): ActivityForm {
  return {
    type: r.type, date: r.date, placeId: text(r.placeId), organisation: r.organisation,
    organisations: r.organisations.filter((o) => o !== r.organisation).join(','), notes: r.notes,
    peopleMet: text(r.peopleMet), followUpDate: text(r.followUpDate), commitmentId: text(r.commitmentId ?? null),
    schoolId: text(r.schoolId), walkFindings: r.walkFindings.join(','),
  };
}
