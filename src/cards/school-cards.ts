import type { FieldErrors } from '../domain/form-fields';
import type { Place } from '../domain/place';
import type { RegisteredPlace } from '../domain/places/place-register';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import { SCHOOL_STAGES, SSPF_ROLES, type School } from '../domain/schools/school';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import type { AdaptiveCard } from './card-schema';
import { contactsField, NO_SCHOOL_PLACE, SCHOOL_FORM_FIELDS, type SchoolFormField } from './forms/school-forms';
import { render, safeText } from './render';
import { confirmsMasking } from './masking';
import { choices, errorTexts, personalDataWarning } from './report-cards';
import { SCHOOL_VERBS } from './school-verbs';
import { schoolImportCard } from './templates/school-import.card';
import { schoolListCard } from './templates/school-list.card';
import { schoolCard } from './templates/school.card';
import { hotspotRowsCard } from './templates/hotspot-rows.card';
import { formatDay, formatNumber } from './formatting';
import type { SchoolPicture } from '../domain/schools/school-picture';
import type { WalkFinding } from '../domain/schools/walk-checklist';
import type { IncidentCategory } from '../domain/vocabulary';

/** The most places a school's card offers: schools' places first, then the rest alphabetically (card size). */
export const SCHOOL_CARD_PLACES_MAX = 150;

// School register data into localised card data. Names are typed by people (shown through safeText);
// values put back into inputs stay as typed.

/** "F–6, 7–9" */
export function stagesText(m: Catalogue, school: Pick<School, 'stages'>): string {
  return school.stages.map((s) => m.schools.stage[s]).join(', ');
}

/** "Trygghetsvandring: Belysning saknas": a walk's finding as the measure or the incident it becomes. */
export function walkFindingText(m: Catalogue, finding: WalkFinding): string {
  return `${m.activityType.trygghetsvandring}: ${m.schools.walkFinding[finding]}`;
}

/** `skolor`: every school, with its buttons; add and import only for whom may (`mayAdd`). */
export function schoolList(locale: Locale, schools: readonly School[], places: ReadonlyMap<string, Place>, mayAdd: boolean): AdaptiveCard {
  const m = messages(locale);
  const l = m.schools.list;
  return render(schoolListCard, {
    title: l.title,
    empty: l.empty,
    schools: schools.map((school) => {
      const place = school.placeId ? places.get(school.placeId) : undefined;
      return {
        name: safeText(school.name),
        line: format(l.line, {
          stages: stagesText(m, school),
          place: place ? format(l.atPlace, { place: safeText(place.name) }) : '',
          contacts: school.contacts.length === 0 ? l.noContacts : format(l.contacts, { count: school.contacts.length }),
        }),
        actions: [
          { title: l.open, verb: SCHOOL_VERBS.show, data: { id: school.id } },
          { title: l.picture, verb: SCHOOL_VERBS.picture, data: { id: school.id } },
        ],
      };
    }),
    actions: mayAdd
      ? [{ title: l.add, verb: SCHOOL_VERBS.newForm, data: {} }, { title: l.import, verb: SCHOOL_VERBS.importForm, data: {} }]
      : [],
  });
}

/** What was typed, shown again when it could not be saved as it was. */
export interface SchoolTyped {
  values: Partial<Record<SchoolFormField, string>>;
  errors?: FieldErrors<SchoolFormField>;
  personalData?: readonly PersonalDataFinding[];
  /** A refusal of the whole form (name taken, changed meanwhile). */
  warning?: string;
}

export interface SchoolCardInput {
  /** Null: the form for a new school. */
  school: School | null;
  manage: boolean;
  /** The register's places; schools' places are offered first. */
  places: readonly RegisteredPlace[];
  people: readonly { userId: string; name: string }[];
  note?: string;
  typed?: SchoolTyped;
}

/** A school's card, or the empty form for a new one. */
export function schoolView(locale: Locale, o: SchoolCardInput): AdaptiveCard {
  const m = messages(locale);
  const c = m.schools.card;
  const { school, typed } = o;
  const place = school?.placeId ? o.places.find((p) => p.id === school.placeId) : undefined;
  const saved: Record<SchoolFormField, string> = {
    name: school?.name ?? '',
    stages: school?.stages.join(',') ?? '',
    placeId: school?.placeId ?? NO_SCHOOL_PLACE,
    ...Object.fromEntries(SSPF_ROLES.map((r) => [contactsField(r), (school?.contacts ?? []).filter((x) => x.role === r).map((x) => x.userId).join(',')])),
  } as Record<SchoolFormField, string>;
  const values = { ...saved, ...typed?.values } as Record<SchoolFormField, string>;
  const errors = errorTexts(SCHOOL_FORM_FIELDS, typed?.errors ?? {}, values, m);
  // The people already chosen are offered even when the bot no longer knows them by profile.
  const people = new Map(o.people.map((p) => [p.userId, p.name]));
  for (const contact of school?.contacts ?? []) if (!people.has(contact.userId)) people.set(contact.userId, contact.name);
  const peopleChoices = [...people].map(([value, title]) => ({ title, value }));
  return render(schoolCard, {
    title: school ? format(c.title, { name: safeText(school.name) }) : c.newTitle,
    note: o.note ?? '',
    banner: typed?.warning ?? (typed?.errors && Object.keys(typed.errors).length > 0 ? c.fixErrors
      : typed?.personalData?.length ? personalDataWarning(m, typed.personalData) : ''),
    requiredMessage: m.fieldError.required,
    facts: school ? [
      { title: c.stages, value: stagesText(m, school) },
      { title: c.place, value: place ? safeText(place.name) : c.none },
      ...SSPF_ROLES.map((r) => ({
        title: m.schools.role[r],
        value: school.contacts.filter((x) => x.role === r).map((x) => safeText(x.name)).join(', ') || c.none,
      })),
    ] : [],
    manage: o.manage,
    labels: { name: c.name, stages: c.stages, placeId: c.place, contactsHint: c.contactsHint, save: c.save },
    values: { name: values.name, stages: values.stages, placeId: values.placeId },
    errors: { name: errors.name, stages: errors.stages, placeId: errors.placeId },
    choices: {
      stages: choices(SCHOOL_STAGES, m.schools.stage),
      places: [{ title: c.noPlace, value: NO_SCHOOL_PLACE }, ...placeChoices(o.places, school?.placeId ?? null)],
    },
    contacts: SSPF_ROLES.map((r) => ({ id: contactsField(r), label: format(c.contactsOf, { role: m.schools.role[r] }), value: values[contactsField(r)], people: peopleChoices })),
    save: school
      ? { verb: SCHOOL_VERBS.save, data: { id: school.id, version: school.version, ...confirmsMasking(typed?.personalData) } }
      : { verb: SCHOOL_VERBS.add, data: confirmsMasking(typed?.personalData) },
    actions: [
      ...(school ? [{ title: m.schools.list.picture, verb: SCHOOL_VERBS.picture, data: { id: school.id } }] : []),
      { title: m.schools.list.title, verb: SCHOOL_VERBS.list, data: {} },
    ],
  });
}

/** Schools' places first (the one chosen always), at most SCHOOL_CARD_PLACES_MAX. */
function placeChoices(places: readonly RegisteredPlace[], chosen: string | null) {
  const ranked = [...places].sort((a, b) => Number(b.id === chosen) - Number(a.id === chosen)
    || Number(b.kind === 'skola') - Number(a.kind === 'skola') || a.name.localeCompare(b.name, 'sv'));
  return ranked.slice(0, SCHOOL_CARD_PLACES_MAX).map((p) => ({ title: p.name, value: p.id }));
}

/** `skola <namn>`: the school's picture, a section a row (the rows card the hot spot lists use too). */
export function schoolPictureCard(locale: Locale, p: SchoolPicture): AdaptiveCard {
  const m = messages(locale);
  const t = m.schools.picture;
  const lines = (items: string[]) => (items.length > 0 ? items.join('\n\n') : t.none);
  const average = (n: number) => formatNumber(n, locale);
  const nothing = p.windows.every((w) => w.incidents.count + w.incidents.previous + w.activities.count === 0) && p.planned.length === 0 && p.openIncidents.length === 0;
  return render(hotspotRowsCard, {
    title: format(t.title, { name: safeText(p.school.name) }),
    empty: t.empty,
    rows: nothing ? [] : [
      ...p.windows.map((w) => ({
        heading: format(t.window, { weeks: w.weeks }), alert: '',
        text: format(t.windowLine, {
          incidents: w.incidents.count, previous: w.incidents.previous, average: average(w.incidents.average),
          activities: w.activities.count, activitiesPrevious: w.activities.previous,
        }),
        actions: [],
      })),
      { heading: t.categories, alert: '', actions: [], text: lines(p.categories.slice(0, 10).map((c) => format(t.categoryLine, { category: m.category[c.key as IncidentCategory] ?? c.key, count: c.count, previous: c.previous }))) },
      {
        heading: t.open, alert: '', actions: [],
        text: lines([
          ...p.openIncidents.slice(0, 10).map((r) => format(t.openIncident, { ref: r.ref, category: m.category[r.category], status: m.status[r.status] })),
          ...p.dueFollowUps.slice(0, 10).map((a) => format(t.dueFollowUp, { ref: a.ref, type: m.activityType[a.type], day: formatDay(a.followUpDate ?? a.date, locale) })),
        ]),
      },
      { heading: t.planned, alert: '', actions: [], text: lines(p.planned.slice(0, 10).map((a) => format(t.plannedLine, { day: formatDay(a.date, locale), type: m.activityType[a.type], ref: a.ref }))) },
    ],
  });
}

/** The import card: empty, or with the pasted text kept and why nothing was imported. */
export function schoolImport(locale: Locale, csv = '', banner = ''): AdaptiveCard {
  const i = messages(locale).schools.import;
  return render(schoolImportCard, {
    title: i.title, text: i.text, example: i.example, banner, labels: { csv: i.csv, run: i.run }, csv, run: { verb: SCHOOL_VERBS.import, data: {} },
  });
}
