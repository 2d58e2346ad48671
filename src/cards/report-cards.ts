import { randomUUID } from 'node:crypto';
import type { FieldError, FieldErrors } from '../domain/form-fields';
import { EVERY_REPORT, type LatestQuery } from '../domain/latest-query';
import type { ActivityFormField, IncidentFormField } from './forms/report-forms';
import type { Place } from '../domain/place';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { Activity, Incident, Report, ReportKind, ReportSummary } from '../domain/report';
import { nextStatus, previousStatus } from '../domain/status';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, ORGANISATIONS, SEVERITIES } from '../domain/vocabulary';
import { format, messages, type Catalogue, type Locale, type Room } from '../i18n/messages';
import type { AdaptiveCard } from './card-schema';
import { countOrUnknown, formatDate, formatDay, formatOccurred, formatWhen } from './formatting';
import { render, safeText } from './render';
import { activityFormCard } from './templates/activity-form.card';
import { closeReportCard } from './templates/close-report.card';
import { helpCard } from './templates/help.card';
import { incidentFormCard } from './templates/incident-form.card';
import { latestReportsCard } from './templates/latest-reports.card';
import { noticeCard, type NoticeCardData } from './templates/notice.card';
import { savedReportCard } from './templates/saved-report.card';
import { VERBS } from './verbs';
import type { CommitmentChoice } from '../domain/promises/promise-register';
import { NO_SCHOOL } from './forms/report-forms';
import { SCHOOL_VERBS } from './school-verbs';
import { WALK_FINDINGS } from '../domain/schools/walk-checklist';

// Turns domain data into localised template data. Every user-typed string shown as text goes through
// safeText; values put back into inputs stay exactly as typed.

export function choices<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  return codes.map((code) => ({ title: labels[code], value: code }));
}

/** Messages quote what was typed where the input itself cannot show it (a number field holding text). */
export function errorTexts<F extends string>(fields: readonly F[], errors: FieldErrors<F>, values: Record<F, string>, m: Catalogue): Record<F, string> {
  return Object.fromEntries(fields.map((f) => {
    const e = errors[f];
    return [f, e ? format(m.fieldError[e.code], { max: e.max ?? '', min: e.min ?? '', typed: safeText(values[f].slice(0, 40)) }) : ''];
  })) as Record<F, string>;
}

export interface FormCardOptions<F extends string> {
  values: Partial<Record<F, string>>;
  errors?: FieldErrors<F>;
  storeDown?: boolean;
  /** Personal data found on the last submit: warned about, and masked if saved again. */
  personalData?: PersonalDataFinding[];
  places: Place[];
  /** The tenant's schools of the register (issue 11): a report ties to one of them. */
  schools?: { id: string; name: string }[];
  /** Whether the incident card asks for the school and "orosanmälan gjord" (a school's place, or a reporter of Skola). */
  schoolSection?: boolean;
  /** Present when editing an existing report. */
  editing?: { ref: string; id: string; version: number };
  /**
   * The key a new report's form sends with its values, so that the same card saves at most one report.
   * A form drawn again after a failed submit keeps the key it was submitted with; a new form gets a new one.
   */
  submitKey?: string;
}

/** A fresh submit key: random, so that it names one drawn card and cannot be guessed. */
export function newSubmitKey(): string {
  return randomUUID();
}

/** The shape of the keys newSubmitKey makes; anything else a card sends is not a key. */
export const SUBMIT_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The warning shown when a form's free text holds personal data: what was found, as it will read masked.
 * `text` is the sentence around it, for a card whose confirming button is not "Spara".
 */
export function personalDataWarning(m: Catalogue, findings: readonly PersonalDataFinding[], text: string = m.form.personalData, extra: Record<string, string> = {}): string {
  return format(text, { ...extra, found: findings.map((f) => `${m.personalDataKind[f.kind]} ${f.masked}`).join(', ') });
}

function formState<F extends string>(fields: readonly F[], o: FormCardOptions<F>, m: Catalogue, placeLabel: string) {
  const errors = o.errors ?? {};
  const bannerText = o.storeDown ? m.form.storeDown
    : Object.keys(errors).length > 0 ? m.form.fixErrors
      : o.personalData?.length ? personalDataWarning(m, o.personalData)
        : '';
  const values = Object.fromEntries(fields.map((f) => [f, o.values[f] ?? ''])) as Record<F, string>;
  const numbers = Object.fromEntries(fields.map((f) => [f, /^\d+$/.test(values[f]) ? Number(values[f]) : null])) as Record<F, number | null>;
  return {
    values, numbers, errors: errorTexts(fields, errors, values, m), banner: bannerText, requiredMessage: m.fieldError.required,
    newPlaceLabel: o.places.length > 0 ? '' : placeLabel,
  };
}

/**
 * Saving again after the personal-data warning means "mask it and save". A new report's form carries its
 * submit key; an edit is protected by the version it names instead.
 */
function submitAction<F extends string>(o: FormCardOptions<F>, editVerb: string, createVerb: string, kind: ReportKind) {
  const confirm = o.personalData?.length ? { maskingConfirmed: true } : {};
  return o.editing
    ? { verb: editVerb, data: { kind, ...o.editing, ...confirm } }
    : { verb: createVerb, data: { ...confirm, submitKey: o.submitKey ?? newSubmitKey() } };
}

const placeChoices = (places: Place[]) => places.map((p) => ({ title: p.name, value: p.id }));

export const INCIDENT_FIELDS: readonly IncidentFormField[] = [
  'date', 'time', 'placeId', 'newPlace', 'category', 'description', 'severity', 'organisation', 'school',
  'youthInvolved', 'policeReportNumber', 'schoolId', 'concernReported',
];

export const ACTIVITY_FIELDS: readonly ActivityFormField[] = [
  'type', 'date', 'placeId', 'newPlace', 'organisation', 'organisations', 'notes', 'peopleMet', 'followUpDate', 'commitmentId', 'schoolId', 'walkFindings',
];

/** The most schools a report form offers (a municipality has tens): the form is a dialog, 28 KB at most. */
export const SCHOOL_CHOICES_MAX = 60;

/** The register's schools to choose from, "no school" first. */
const schoolChoices = (m: Catalogue, schools: { id: string; name: string }[] = []) => (schools.length === 0 ? []
  : [{ title: m.schools.form.noSchool, value: NO_SCHOOL }, ...schools.slice(0, SCHOOL_CHOICES_MAX).map((s) => ({ title: s.name, value: s.id }))]);

export function incidentForm(locale: Locale, o: FormCardOptions<IncidentFormField>): AdaptiveCard {
  const m = messages(locale);
  const l = m.incidentForm;
  return render(incidentFormCard, {
    title: o.editing ? format(l.editTitle, { ref: o.editing.ref }) : l.title,
    intro: l.intro,
    ...formState(INCIDENT_FIELDS, o, m, l.place),
    labels: {
      date: l.date, time: l.time, placeId: l.place, placeChoose: l.placeChoose, newPlace: l.newPlace, category: l.category,
      categoryChoose: l.categoryChoose, description: l.description, descriptionPlaceholder: l.descriptionPlaceholder,
      severity: l.severity, organisation: l.organisation, school: l.school, youthInvolved: l.youthInvolved,
      policeReportNumber: l.policeReportNumber, submit: l.submit, cancel: l.cancel,
      schoolId: m.schools.form.school, concernReported: m.schools.form.concernReported,
    },
    choices: {
      places: placeChoices(o.places),
      categories: choices(INCIDENT_CATEGORIES, m.category),
      severities: choices(SEVERITIES, m.severity),
      organisations: choices(ORGANISATIONS, m.organisation),
      schools: schoolChoices(m, o.schools),
      concern: [{ title: m.schools.form.yes, value: 'ja' }, { title: m.schools.form.no, value: 'nej' }],
    },
    schoolSection: o.schoolSection === true,
    submit: submitAction(o, VERBS.saveIncidentEdit, VERBS.submitIncident, 'incident'),
  });
}

/** A commitment's choice title: its promise's title and its text, each cut short (the dialog's 28 KB). */
const commitmentTitle = (c: CommitmentChoice) => [c.promiseTitle && shortened(c.promiseTitle, 30), shortened(c.commitment.text, 50)].filter(Boolean).join(': ');
/** A text cut to `max` characters with an ellipsis (choice titles, list rows). */
export const shortened = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** `commitments`: the medborgarlöfte commitments offered (none: the field is not shown). */
export function activityForm(locale: Locale, o: FormCardOptions<ActivityFormField> & { commitments?: readonly CommitmentChoice[] }): AdaptiveCard {
  const m = messages(locale);
  const l = m.activityForm;
  return render(activityFormCard, {
    title: o.editing ? format(l.editTitle, { ref: o.editing.ref }) : l.title,
    ...formState(ACTIVITY_FIELDS, o, m, l.place),
    labels: {
      type: l.type, typeChoose: l.typeChoose, date: l.date, placeId: l.place, placeChoose: l.placeChoose, newPlace: l.newPlace,
      organisation: l.organisation, organisations: l.organisations, notes: l.notes, notesPlaceholder: l.notesPlaceholder,
      peopleMet: l.peopleMet, followUpDate: l.followUpDate, submit: l.submit, cancel: l.cancel,
      commitmentId: l.commitment, commitmentChoose: l.commitmentChoose,
      schoolId: m.schools.form.school, walkFindings: m.schools.form.walkFindings,
    },
    choices: {
      commitments: (o.commitments ?? []).map((c) => ({ title: commitmentTitle(c), value: c.commitment.id })),
      types: choices(ACTIVITY_TYPES, m.activityType),
      places: placeChoices(o.places),
      organisations: choices(ORGANISATIONS, m.organisation),
      schools: schoolChoices(m, o.schools),
      walkFindings: choices(WALK_FINDINGS, m.schools.walkFinding),
    },
    submit: submitAction(o, VERBS.saveActivityEdit, VERBS.submitActivity, 'activity'),
  });
}

function incidentFacts(r: Incident, m: Catalogue, locale: Locale) {
  const s = m.saved;
  return [
    { title: s.when, value: formatWhen(r.occurredAt, locale) },
    { title: s.place, value: safeText(r.placeName) },
    { title: s.category, value: m.category[r.category] },
    { title: s.severity, value: m.severity[r.severity] },
    ...(r.school ? [{ title: s.school, value: safeText(r.school) }] : []),
    // Not given is not zero: an incident at a school says so rather than leaving the count out.
    ...(r.youthInvolved !== null || r.school ? [{ title: s.youthInvolved, value: countOrUnknown(r.youthInvolved, locale, s.unknownCount) }] : []),
    ...(r.policeReportNumber ? [{ title: s.policeReportNumber, value: safeText(r.policeReportNumber) }] : []),
    // Only that it was made, or not: never who or what.
    ...(r.concernReported !== null ? [{ title: m.schools.form.concernFact, value: r.concernReported ? m.schools.form.yes : m.schools.form.no }] : []),
  ];
}

function activityFacts(r: Activity, m: Catalogue, locale: Locale) {
  const s = m.saved;
  return [
    { title: s.type, value: m.activityType[r.type] },
    { title: s.date, value: formatDay(r.date, locale) },
    ...(r.placeName ? [{ title: s.place, value: safeText(r.placeName) }] : []),
    { title: s.organisations, value: r.organisations.map((o) => m.organisation[o]).join(', ') },
    ...(r.peopleMet !== null ? [{ title: s.peopleMet, value: String(r.peopleMet) }] : []),
    ...(r.followUpDate ? [{ title: s.followUpDate, value: formatDay(r.followUpDate, locale) }] : []),
    ...(r.followUpDate && r.followUpDone ? [{ title: s.followUpDone, value: formatDate(r.followUpDone.at, locale) }] : []),
  ];
}

/**
 * The saved report with its actions: edit, one step of status either way, and "I'll take it". Only
 * incidents have a status (ny → hanteras → åtgärdad) and, once closed, what was done; an activity has neither.
 */
export function savedReport(locale: Locale, report: Report, note: 'saved' | 'updated' | 'none', warning = ''): AdaptiveCard {
  const m = messages(locale);
  const s = m.saved;
  const ref = { kind: report.kind, id: report.id, version: report.version };
  const isIncident = report.kind === 'incident';
  const moves = isIncident ? [nextStatus(report.status), previousStatus(report.status)].filter((x) => x !== null) : [];
  return render(savedReportCard, {
    title: format(isIncident ? s.incidentTitle : s.activityTitle, { ref: report.ref }),
    note: note === 'saved' ? s.savedNote : note === 'updated' ? s.updatedNote : '',
    warning,
    text: safeText(isIncident ? report.description : report.notes),
    textLabel: isIncident ? m.incidentForm.description : s.notes,
    facts: [
      ...(isIncident ? incidentFacts(report, m, locale) : activityFacts(report, m, locale)),
      ...(isIncident ? [{ title: s.status, value: m.status[report.status] }] : []),
      ...(isIncident && report.status === 'atgardad' && report.resolution ? [{ title: s.resolution, value: safeText(report.resolution) }] : []),
      { title: s.assignee, value: report.assignee ? safeText(report.assignee.name) : s.nobody },
    ],
    reportedBy: `${s.reportedBy}: ${format(s.reportedByLine, {
      name: safeText(report.reporter.name),
      organisation: report.organisationConfirmed ? m.organisation[report.organisation] : `${m.organisation[report.organisation]} (${m.trust.organisationUnconfirmed})`,
      when: formatWhen(report.createdAt, locale),
    })}`,
    actions: [
      { title: s.edit, verb: VERBS.openEdit, data: ref },
      ...moves.map((status) => ({ title: m.statusAction[status], verb: VERBS.setStatus, data: { ...ref, status } })),
      ...(report.assignee ? [] : [{ title: s.assignToMe, verb: VERBS.assignToMe, data: ref }]),
      // An activity's follow-up, once its day is set, is marked done here; then the card says when instead.
      ...(!isIncident && report.followUpDate && !report.followUpDone ? [{ title: s.markFollowUpDone, verb: VERBS.markFollowUpDone, data: ref }] : []),
      // A trygghetsvandring's finding at a place can be reported there as an incident (issue 11).
      // … or become a measure at the place, on its hot spot.
      ...(!isIncident && report.placeId ? report.walkFindings.flatMap((finding) => [
        { title: format(m.schools.form.reportFinding, { finding: m.schools.walkFinding[finding] }), verb: SCHOOL_VERBS.walkFindingReport, data: { id: report.id, finding } },
        { title: format(m.schools.form.measureFinding, { finding: m.schools.walkFinding[finding] }), verb: SCHOOL_VERBS.walkFindingMeasure, data: { placeId: report.placeId, finding } },
      ]) : []),
    ],
  });
}

export interface CloseFormOptions {
  /** What was typed, kept when it could not be saved as it was. */
  typed?: string;
  error?: FieldError;
  /** Personal data found in the answer: warned about, and masked if saved again. */
  personalData?: readonly PersonalDataFinding[];
  /** A refusal to explain above the question (a conflict: here is the latest version). */
  warning?: string;
}

/** "Vad gjordes?": asked when an incident is marked as åtgärdad. */
export function closeReportForm(locale: Locale, report: Incident, o: CloseFormOptions = {}): AdaptiveCard {
  const m = messages(locale);
  const c = m.close;
  const ref = { kind: report.kind, id: report.id, version: report.version };
  const typed = o.typed ?? report.resolution ?? '';
  return render(closeReportCard, {
    title: format(c.title, { ref: report.ref }),
    banner: o.warning ?? (o.personalData?.length ? personalDataWarning(m, o.personalData) : o.error ? m.form.fixErrors : ''),
    requiredMessage: m.fieldError.required,
    labels: { resolution: c.question, placeholder: c.placeholder, save: c.save, cancel: c.cancel },
    values: { resolution: typed },
    errors: errorTexts(['resolution'], o.error ? { resolution: o.error } : {}, { resolution: typed }, m),
    // Saving again after the personal-data warning means "mask it and save".
    submit: { verb: VERBS.closeReport, data: { ...ref, ...(o.personalData?.length ? { maskingConfirmed: true } : {}) } },
    cancel: { verb: VERBS.showReport, data: { kind: report.kind, id: report.id } },
  });
}

export function notice(text: string, o: Partial<Omit<NoticeCardData, 'text'>> = {}): AdaptiveCard {
  return render(noticeCard, { title: o.title ?? '', text, tone: o.tone ?? 'default', actions: o.actions ?? [] });
}

function mainActions(m: Catalogue) {
  return [
    { title: m.welcome.report, verb: VERBS.openIncidentForm },
    { title: m.welcome.activity, verb: VERBS.openActivityForm },
    { title: m.welcome.latest, verb: VERBS.showLatest },
  ];
}

type CommandKey = keyof Catalogue['help']['commands'];
const EVERY_COMMAND = Object.keys(messages('sv').help.commands) as CommandKey[];
/** A new channel sees the everyday commands first; `hjälp` lists them all. */
const WELCOME_COMMANDS: CommandKey[] = ['report', 'hotspot', 'activity', 'latest', 'lagesbild', 'help'];

function commandFacts(m: Catalogue, keys: CommandKey[]) {
  return keys.map((k) => ({ title: m.help.names[k], value: m.help.commands[k] }));
}

export function help(locale: Locale, room?: Room): AdaptiveCard {
  const m = messages(locale, room);
  return render(helpCard, { title: m.help.title, text: m.help.intro, commands: commandFacts(m, EVERY_COMMAND), footnote: m.help.privacy, actions: mainActions(m) });
}

export function welcome(locale: Locale, room?: Room): AdaptiveCard {
  const m = messages(locale, room);
  return render(helpCard, {
    title: m.welcome.title, text: m.welcome.text, commands: commandFacts(m, WELCOME_COMMANDS), footnote: m.help.privacy,
    actions: [...mainActions(m), { title: m.welcome.help, verb: VERBS.showHelp }],
  });
}

/** The latest list, by when each report's event happened; `query` says what it was narrowed to. */
export function latestReports(locale: Locale, rows: ReportSummary[], room?: Room, query: LatestQuery = EVERY_REPORT): AdaptiveCard {
  const m = messages(locale, room);
  const filters = [
    query.open ? m.latest.filterOpen : null,
    query.involving !== null ? m.latest.filterMine : null,
    query.school !== null ? format(m.latest.filterSchool, { name: safeText(query.school) }) : null,
  ].filter((f): f is string => f !== null);
  return render(latestReportsCard, {
    title: m.latest.title,
    filter: filters.length > 0 ? format(m.latest.filterLine, { filters: filters.join(' · ') }) : '',
    empty: filters.length > 0 ? m.latest.emptyFiltered : m.latest.empty,
    rows: rows.map((r) => ({
      ref: r.ref,
      line: [
        r.kind === 'incident' ? m.category[r.topic as keyof Catalogue['category']] : m.activityType[r.topic as keyof Catalogue['activityType']],
        r.placeName ? safeText(r.placeName) : null,
        formatOccurred(r.occurred, locale),
      ].filter(Boolean).join(' · '),
      status: r.kind === 'incident' ? m.status[r.status] : m.latest.activity,
      open: { verb: VERBS.showReport, data: { kind: r.kind, id: r.id } },
    })),
  });
}
