import type { EmergingPlace } from '../domain/hotspots/emerging-hotspots';
import type { HotspotReminder } from '../domain/ports/reminder-poster.port';
import type { Hotspot } from '../domain/hotspots/hotspot';
import { nextHotspotState } from '../domain/hotspots/hotspot';
import type { ActiveHotspotRow, HotspotView } from '../domain/hotspots/hotspot-service';
import { NEW_PLACE, type QuickDraft } from '../domain/hotspots/quick-report-service';
import { PLACE_KINDS, type RegisteredPlace } from '../domain/places/place-register';
import { NO_PARENT } from './forms/hotspot-forms';
import type { FieldErrors } from '../domain/form-fields';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { Incident } from '../domain/report';
import { INCIDENT_CATEGORIES, ORGANISATIONS, type ActivityType, type IncidentCategory } from '../domain/vocabulary';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import type { AdaptiveCard, MentionEntity } from './card-schema';
import { HOTSPOT_VERBS } from './hotspot-verbs';
import { render, safeText } from './render';
import { confirmsMasking } from './masking';
import { formatDay, formatNumber, formatWhen } from './formatting';
import { choices, errorTexts, newSubmitKey, notice, personalDataWarning } from './report-cards';
import { hotspotFormCard } from './templates/hotspot-form.card';
import { hotspotRowsCard } from './templates/hotspot-rows.card';
import { hotspotCard } from './templates/hotspot.card';
import { placeCard } from './templates/place.card';
import { quickConfirmCard } from './templates/quick-confirm.card';
import { VERBS } from './verbs';

// Hot spot data into localised card data. Place names, measures and analysis notes are typed by
// users: shown through safeText; values put back into inputs stay as typed.

/** Keeps a timeline card far below Teams' 80 KB, however busy the place. */
const TIMELINE_MAX = 40;

const target = (h: Hotspot) => ({ id: h.id, version: h.version });

/** `submitKey`: kept when the card is drawn again after a failed save, so that it still saves at most one report. */
export function quickConfirm(locale: Locale, draft: QuickDraft, banner = '', submitKey = newSubmitKey()): AdaptiveCard {
  const m = messages(locale);
  const q = m.hotspots.quick;
  const typed = safeText(draft.typedPlace);
  return render(quickConfirmCard, {
    title: q.confirmTitle, question: placeQuestion(locale, draft), banner,
    when: format(q.confirmWhen, { when: formatWhen(draft.occurredAt, locale) }),
    labels: { place: q.confirmPlace, category: q.category, categoryChoose: q.categoryChoose, organisation: q.organisation, description: q.description, save: q.save, cancel: q.cancel },
    // With no register match the only choice is the new place: chosen already, one tap fewer on a phone.
    values: {
      placeId: draft.placeId ?? (draft.candidates.length === 0 ? NEW_PLACE : ''),
      category: draft.category ?? '', organisation: draft.organisation ?? '', description: draft.description,
    },
    choices: {
      places: draft.placeId
        ? [{ title: typed, value: draft.placeId }]
        : [...draft.candidates.map((c) => ({ title: c.name, value: c.id })), { title: format(q.newPlace, { typed }), value: NEW_PLACE }],
      categories: choices(INCIDENT_CATEGORIES, m.category),
      organisations: choices(ORGANISATIONS, m.organisation),
    },
    data: { typedPlace: draft.typedPlace, occurredAt: draft.occurredAt.toISOString(), submitKey },
    verbs: { save: HOTSPOT_VERBS.quickSave, cancel: VERBS.cancel },
  });
}

/** Asks to choose among places only when there are places to choose; with none, says the place will be new. */
function placeQuestion(locale: Locale, draft: QuickDraft): string {
  const q = messages(locale).hotspots.quick;
  const typed = safeText(draft.typedPlace);
  if (draft.placeId) return '';
  const [only, ...others] = draft.candidates;
  if (!only) return format(q.confirmNewPlace, { typed });
  return others.length === 0 ? format(q.confirmClosePlace, { typed, name: safeText(only.name) }) : format(q.confirmAmbiguousPlace, { typed });
}

/** The compact card a quick report turns into: one line, "Ändra" and "Ångra". */
export function quickSaved(locale: Locale, incident: Incident): AdaptiveCard {
  const q = messages(locale).hotspots.quick;
  const ref = { id: incident.id, version: incident.version };
  return notice(format(q.savedLine, {
    place: safeText(incident.placeName), category: messages(locale).category[incident.category], when: formatWhen(incident.occurredAt, locale),
  }), {
    title: format(q.savedTitle, { ref: incident.ref }),
    tone: 'good',
    actions: [
      { title: q.edit, verb: VERBS.openEdit, data: { kind: 'incident', ...ref } },
      { title: q.undo, verb: HOTSPOT_VERBS.undo, data: ref },
    ],
  });
}

/** The newest events the hot spot card shows before "Visa allt". */
export const TIMELINE_SHOWN = 5;
/** Open measures shown with their "Klar" button; the card says how many more there are. */
const OPEN_MEASURES_SHOWN = 8;
/** The card's own buttons; the rest go to its overflow menu. */
export const PRIMARY_ACTIONS_MAX = 4;

export function hotspotView(locale: Locale, view: HotspotView, note: 'updated' | 'none' = 'none', warning = ''): AdaptiveCard {
  const m = messages(locale);
  const c = m.hotspots.card;
  const h = view.hotspot;
  const next = nextHotspotState(h.state);
  const analysis = ([['who', c.analysisWho], ['what', c.analysisWhat], ['when', c.analysisWhen], ['why', c.analysisWhy]] as const)
    .filter(([aspect]) => h.analysis[aspect]).map(([aspect, title]) => ({ title, value: safeText(h.analysis[aspect] ?? '') }));
  const events = timeline(view, m, locale);
  const open = view.measures.filter((x) => !x.doneAt);
  const kept = events.slice(0, TIMELINE_MAX);
  // Most used first: the step forward, a measure, a visit, the follow-up; the rest behind the overflow menu.
  const actions = [
    ...(next ? [{ title: m.hotspots.stateAction[next], verb: HOTSPOT_VERBS.next, data: target(h) }] : []),
    { title: c.addMeasure, verb: HOTSPOT_VERBS.openMeasure, data: target(h) },
    { title: c.logVisit, verb: HOTSPOT_VERBS.logVisit, data: { placeId: h.placeId } },
    { title: c.setFollowUp, verb: HOTSPOT_VERBS.openFollowUp, data: target(h) },
    { title: c.editAnalysis, verb: HOTSPOT_VERBS.openAnalysis, data: target(h) },
  ];
  return render(hotspotCard, {
    title: format(c.title, { place: safeText(h.placeName) }),
    note: note === 'updated' ? c.updated : '',
    warning,
    facts: [
      { title: c.state, value: m.hotspots.state[h.state] },
      { title: c.owner, value: format(c.ownerLine, { name: safeText(h.owner.name), organisation: m.organisation[h.ownerOrganisation] }) },
      { title: c.followUp, value: followUpLine(h, c, locale) },
    ],
    analysisTitle: c.analysis,
    analysis,
    effectTitle: c.effectTitle,
    effect: effectLines(view, m),
    openMeasuresTitle: open.length > OPEN_MEASURES_SHOWN ? format(c.openMeasuresMore, { shown: OPEN_MEASURES_SHOWN, count: open.length }) : c.openMeasures,
    // A measure is shown whole, never cut to fit a button: the button only says "Klar".
    openMeasures: open.slice(0, OPEN_MEASURES_SHOWN).map((x) => ({
      text: format(c.openMeasureLine, { what: safeText(x.what), organisation: m.organisation[x.organisation], due: x.dueDate ? format(c.measureDue, { date: formatDay(x.dueDate, locale) }) : '' }),
      action: { title: c.markDone, verb: HOTSPOT_VERBS.measureDone, data: { ...target(h), measureId: x.id } },
    })),
    timelineTitle: c.timeline,
    timelineEmpty: c.timelineEmpty,
    timelineSummary: [
      format(c.timelineSummary, {
        incidents: view.incidents.length, weeks: view.timelineWeeks, measures: view.measures.length, activities: view.activities.length,
      }),
      events.length > TIMELINE_SHOWN ? format(c.timelineNewest, { shown: TIMELINE_SHOWN }) : '',
    ].filter(Boolean).join(' '),
    timeline: kept.slice(0, TIMELINE_SHOWN),
    timelineMore: kept.slice(TIMELINE_SHOWN),
    labels: { showAll: c.showAll, showLess: c.showLess },
    actions: actions.slice(0, PRIMARY_ACTIONS_MAX),
    moreActions: actions.slice(PRIMARY_ACTIONS_MAX),
  });
}

/** The follow-up day; once its reminder was posted, that it is due (the reminder refreshes the shared card). */
function followUpLine(h: Hotspot, c: Catalogue['hotspots']['card'], locale: Locale): string {
  if (!h.followUpDate) return c.none;
  const day = formatDay(h.followUpDate, locale);
  return h.followUpReminded === h.followUpDate ? format(c.followUpDue, { date: day }) : day;
}

function effectLines(view: HotspotView, m: Catalogue): string[] {
  const e = view.effect;
  if (!e) return [];
  const c = m.hotspots.card;
  return [
    format(c.effectPlace, { before: e.place.before, after: e.place.after, weeks: e.weeks }),
    ...(e.area ? [format(c.effectArea, { before: e.area.before, after: e.area.after, weeks: e.weeks })] : []),
    format(c.effectActivities, { before: e.activities.before, after: e.activities.after }),
    ...(e.place.daysAfterSoFar !== null ? [format(c.effectSoFar, { days: e.place.daysAfterSoFar, total: e.weeks * 7 })] : []),
  ];
}

/** Incidents, measures and activities at the place, newest first. */
function timeline(view: HotspotView, m: Catalogue, locale: Locale): { text: string }[] {
  const c = m.hotspots.card;
  const entries = [
    ...view.incidents.map((i) => ({
      at: i.occurredAt.toISOString(),
      text: format(c.incidentLine, { when: formatWhen(i.occurredAt, locale), ref: i.ref, category: m.category[i.category as IncidentCategory] ?? i.category }),
    })),
    ...view.measures.map((x) => ({
      at: x.createdAt.toISOString(),
      text: format(c.measureLine, {
        when: formatWhen(x.createdAt, locale), what: safeText(x.what), organisation: m.organisation[x.organisation],
        due: (x.dueDate ? format(c.measureDue, { date: formatDay(x.dueDate, locale) }) : '') + (x.doneAt ? c.measureDone : ''),
      }),
    })),
    ...view.activities.map((v) => ({
      at: v.date,
      text: format(c.visitLine, {
        when: formatDay(v.date, locale), type: m.activityType[v.type as ActivityType] ?? v.type, ref: v.ref,
        people: v.peopleMet !== null ? format(c.peopleMet, { count: v.peopleMet }) : '',
        area: view.area && v.placeId === view.area.id ? format(c.inArea, { area: safeText(view.area.name) }) : '',
      }),
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).map(({ text }) => ({ text }));
}

/**
 * A hot spot reminder: one line that @mentions the owner (the mention is in the card's msteams
 * entities, so Teams notifies them) and "Visa hot spot", which opens the hot spot's card.
 */
export function hotspotReminder(locale: Locale, reminder: HotspotReminder, owner: { id: string; name: string }): AdaptiveCard {
  const r = messages(locale).hotspots.reminder;
  const { hotspot } = reminder;
  const tag = `<at>${owner.name || r.ownerFallback}</at>`;
  const place = safeText(hotspot.placeName);
  const text = reminder.kind === 'follow_up'
    ? format(r.followUp, { owner: tag, place, date: hotspot.followUpDate ? formatDay(hotspot.followUpDate, locale) : '' })
    : format(r.measureDue, { owner: tag, what: safeText(reminder.measure.what), place, date: reminder.measure.dueDate ? formatDay(reminder.measure.dueDate, locale) : '' });
  const mention: MentionEntity = { type: 'mention', text: tag, mentioned: owner };
  const shown = notice(text, { title: r.title, actions: [{ title: r.show, verb: HOTSPOT_VERBS.show, data: { id: hotspot.id } }] });
  return { ...shown, msteams: { width: 'Full', entities: [mention] } };
}

export function hotspotList(locale: Locale, rows: ActiveHotspotRow[], today: string): AdaptiveCard {
  const m = messages(locale);
  const l = m.hotspots.list;
  return render(hotspotRowsCard, {
    title: l.title,
    empty: l.empty,
    rows: rows.map(({ hotspot: h, trend, overdueMeasures }) => ({
      heading: safeText(h.placeName),
      alert: overdueMeasures > 0 ? format(l.overdue, { count: overdueMeasures }) : '',
      text: [
        format(l.line, {
          state: m.hotspots.state[h.state], owner: m.organisation[h.ownerOrganisation],
          trend: `${format(l.trend, { recent: trend.recent, before: trend.before })} (${l[trend.direction]})`,
        }),
        h.followUpDate ? format(l.followUp, { date: formatDay(h.followUpDate, locale) }) + (h.followUpDate < today ? ' ⚠' : '') : null,
      ].filter(Boolean).join(' · '),
      actions: [{ title: l.open, verb: HOTSPOT_VERBS.show, data: { id: h.id } }],
    })),
  });
}

/** `startable`: the places whose hot spot the reader may start (the others get no "Skapa hot spot"). */
export function proposals(locale: Locale, found: EmergingPlace[], startable: ReadonlySet<string>): AdaptiveCard {
  const m = messages(locale);
  const p = m.hotspots.proposals;
  return render(hotspotRowsCard, {
    title: p.title,
    empty: p.empty,
    rows: found.slice(0, 20).map(({ place, finding, hotspot }) => ({
      heading: `${safeText(place.name)} – ${m.hotspots.label[finding.label]}`,
      alert: hotspot ? format(p.existing, { state: m.hotspots.state[hotspot.state] }) : '',
      text: [
        finding.baselineWeeks > 0
          ? format(p.spike, { latest: finding.latest, mean: formatNumber(finding.baselineMean, locale), weeks: finding.baselineWeeks })
          : format(p.spikeWithoutHistory, { latest: finding.latest }),
        finding.trend ? format(p.trend, { slope: formatNumber(finding.trend.slope, locale), weeks: finding.trend.weeks }) : null,
      ].filter(Boolean).join(' '),
      actions: hotspot
        ? [{ title: p.show, verb: HOTSPOT_VERBS.show, data: { id: hotspot.id } }]
        : startable.has(place.id) ? [{ title: p.create, verb: HOTSPOT_VERBS.start, data: { placeId: place.id } }] : [],
    })),
  });
}

export type HotspotFormKind = 'measure' | 'followUp' | 'analysis' | 'organisation';
type FormField = 'what' | 'organisation' | 'dueDate' | 'followUpDate' | 'who' | 'whatHappens' | 'when' | 'why';
const FORM_FIELDS: readonly FormField[] = ['what', 'organisation', 'dueDate', 'followUpDate', 'who', 'whatHappens', 'when', 'why'];

export interface HotspotFormOptions {
  kind: HotspotFormKind;
  placeName: string;
  submit: { verb: string; data: Record<string, unknown> };
  /** Where "Avbryt" goes: back to the hot spot, or nowhere. */
  cancel: { verb: string; data: Record<string, unknown> };
  values?: Partial<Record<FormField, string>>;
  errors?: FieldErrors<FormField>;
  /** Personal data found on the last submit: warned about, and masked if saved again. */
  personalData?: readonly PersonalDataFinding[];
}

export function hotspotForm(locale: Locale, o: HotspotFormOptions): AdaptiveCard {
  const m = messages(locale);
  const f = m.hotspots.forms;
  const c = m.hotspots.card;
  const values = Object.fromEntries(FORM_FIELDS.map((k) => [k, o.values?.[k] ?? ''])) as Record<FormField, string>;
  const titles: Record<HotspotFormKind, string> = { measure: f.measureTitle, followUp: f.followUpTitle, analysis: f.analysisTitle, organisation: f.chooseOrganisation };
  return render(hotspotFormCard, {
    title: format(titles[o.kind], { place: safeText(o.placeName) }),
    banner: o.errors && Object.keys(o.errors).length > 0 ? m.form.fixErrors : o.personalData?.length ? personalDataWarning(m, o.personalData) : '',
    requiredMessage: m.fieldError.required,
    show: { measure: o.kind === 'measure', followUp: o.kind === 'followUp', analysis: o.kind === 'analysis', organisation: o.kind === 'organisation' },
    labels: {
      what: f.measureWhat, organisation: f.measureOrganisation, dueDate: f.measureDue, followUpDate: f.followUpDate,
      who: c.analysisWho, whatHappens: c.analysisWhat, when: c.analysisWhen, why: c.analysisWhy,
      save: o.kind === 'organisation' ? f.start : f.save, cancel: f.cancel,
    },
    values,
    errors: errorTexts(FORM_FIELDS, o.errors ?? {}, values, m),
    organisations: choices(ORGANISATIONS, m.organisation),
    // Saving again after the personal-data warning means "mask it and save".
    submit: { ...o.submit, data: { ...o.submit.data, ...confirmsMasking(o.personalData) } },
    cancel: o.cancel,
  });
}

export function placeList(locale: Locale, places: RegisteredPlace[], register: RegisteredPlace[], query: string): AdaptiveCard {
  const m = messages(locale);
  const p = m.hotspots.places;
  const names = new Map(register.map((x) => [x.id, x.name]));
  return render(hotspotRowsCard, {
    title: query ? format(p.searchTitle, { query: safeText(query.slice(0, 80)) }) : p.title,
    empty: p.empty,
    rows: places.slice(0, 30).map((place) => ({
      heading: safeText(place.name),
      alert: '',
      text: format(p.line, {
        kind: m.hotspots.placeKind[place.kind],
        area: place.parentId && names.has(place.parentId) ? format(p.inArea, { area: safeText(names.get(place.parentId)!) }) : '',
        aliases: place.aliases.length > 0 ? format(p.aliasesLine, { aliases: place.aliases.map(safeText).join(', ') }) : '',
      }),
      actions: [{ title: p.open, verb: HOTSPOT_VERBS.showPlace, data: { id: place.id } }],
    })),
  });
}

/** What the curator typed, shown again when it could not be saved as it was (kept, not lost). */
export interface PlaceTyped {
  values: Partial<Record<'name' | 'kind' | 'lat' | 'lon' | 'parentId' | 'alias', string>>;
  /** Personal data found in the name or alias: saving again masks it. */
  personalData?: readonly PersonalDataFinding[];
}

/** The place's card; its edit and merge form only when `curate` (a coordinator's view). */
export function placeView(
  locale: Locale, place: RegisteredPlace, register: RegisteredPlace[], hotspot: Hotspot | null, note = '', warning = '', typed?: PlaceTyped, curate = true,
): AdaptiveCard {
  const m = messages(locale);
  const p = m.hotspots.places;
  const others = register.filter((x) => x.id !== place.id).slice(0, 200);
  return render(placeCard, {
    title: format(p.cardTitle, { name: safeText(place.name) }),
    curate,
    note,
    warning: typed?.personalData?.length ? personalDataWarning(m, typed.personalData) : warning,
    facts: [
      { title: p.kind, value: m.hotspots.placeKind[place.kind] },
      ...(place.aliases.length > 0 ? [{ title: p.alias, value: place.aliases.map(safeText).join(', ') }] : []),
      ...(hotspot ? [{ title: m.hotspots.card.state, value: m.hotspots.state[hotspot.state] }] : []),
    ],
    labels: { name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, parent: p.parent, alias: p.alias, mergeWith: p.mergeWith, save: p.save, merge: p.merge },
    values: {
      name: typed?.values.name ?? place.name, kind: typed?.values.kind ?? place.kind,
      lat: typed?.values.lat ?? (place.lat === null ? '' : String(place.lat)), lon: typed?.values.lon ?? (place.lon === null ? '' : String(place.lon)),
      parent: typed?.values.parentId ?? place.parentId ?? NO_PARENT, alias: typed?.values.alias ?? '',
    },
    choices: {
      kinds: choices(PLACE_KINDS, m.hotspots.placeKind),
      parents: [{ title: p.noParent, value: NO_PARENT }, ...others.map((x) => ({ title: x.name, value: x.id }))],
      merge: others.map((x) => ({ title: x.name, value: x.id })),
    },
    save: { verb: HOTSPOT_VERBS.savePlace, data: { id: place.id, ...confirmsMasking(typed?.personalData) } },
    merge: { verb: HOTSPOT_VERBS.mergePlace, data: { id: place.id } },
    actions: hotspot
      ? [{ title: m.hotspots.proposals.show, verb: HOTSPOT_VERBS.show, data: { id: hotspot.id } }]
      : [{ title: p.startHotspot, verb: HOTSPOT_VERBS.start, data: { placeId: place.id } }],
  });
}
