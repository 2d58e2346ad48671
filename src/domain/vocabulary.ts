// The fixed vocabularies of the domain (see shared/DOMAIN.md). Codes are stored; labels live in the
// message catalogue so that a label can change or be translated without touching stored data.

export const ORGANISATIONS = [
  'polisen', 'skola', 'socialtjanst', 'kommunen', 'fritid', 'fastighetsbolag', 'raddningstjanst', 'annan',
] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

export const INCIDENT_CATEGORIES = [
  'skadegorelse_klotter', 'skadegorelse_glaskross', 'skadegorelse_ovrigt', 'brand', 'nedskrapning',
  'stold_inbrott_ran', 'hot_vald', 'incident_mot_anstalld', 'narkotika', 'ordningsstorning',
  'otrygg_samling', 'otrygg_plats', 'olovlig_trafik', 'arrangemang', 'krankning_mobbning', 'ovrigt',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const SEVERITIES = ['lag', 'medel', 'hog'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACTIVITY_TYPES = [
  'trygghetsvandring', 'hotspot_besok', 'samtal_med_berorda', 'skolbesok', 'foraldramote', 'nattvandring',
  'patrullering', 'forebyggande_insats', 'samverkansmote', 'strategiskt_mote',
  // The school work (issue 11): an SSPF meeting, and a pupils' council or youth dialogue.
  'sspf_mote', 'elevrad_ungdomsdialog',
  // Issue 11: a call-out closed with its outcome (src/domain/mobilisation).
  'mobilisering',
  'annat',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** ny → hanteras → åtgärdad; a report can also be reopened one step back. */
export const REPORT_STATUSES = ['ny', 'hanteras', 'atgardad'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
