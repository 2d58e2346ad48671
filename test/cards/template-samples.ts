import type { Choice } from '../../src/cards/card-schema';
import type { ActivityFormField, IncidentFormField } from '../../src/cards/forms/report-forms';
import type { CardTemplate } from '../../src/cards/render';
import { activityFormCard } from '../../src/cards/templates/activity-form.card';
import { auditLogCard } from '../../src/cards/templates/audit-log.card';
import { exportLinkCard, exportReadyCard } from '../../src/cards/templates/export-link.card';
import { helpCard } from '../../src/cards/templates/help.card';
import { hotspotFormCard } from '../../src/cards/templates/hotspot-form.card';
import { hotspotRowsCard } from '../../src/cards/templates/hotspot-rows.card';
import { hotspotCard } from '../../src/cards/templates/hotspot.card';
import { incidentFormCard, type IncidentFormCardData } from '../../src/cards/templates/incident-form.card';
import { lagesbildCard } from '../../src/cards/templates/lagesbild.card';
import { latestReportsCard } from '../../src/cards/templates/latest-reports.card';
import { noticeCard } from '../../src/cards/templates/notice.card';
import { placeCard } from '../../src/cards/templates/place.card';
import { quickConfirmCard } from '../../src/cards/templates/quick-confirm.card';
import { searchResultCard, unfoldedReportCard } from '../../src/cards/templates/report-brief.card';
import { savedReportCard } from '../../src/cards/templates/saved-report.card';
import { closeReportCard } from '../../src/cards/templates/close-report.card';
import { estFormCard } from '../../src/cards/templates/est-form.card';
import { estPanelCard } from '../../src/cards/templates/est-panel.card';
import { REASON_MAX } from '../../src/domain/est/est-service';
import { calloutCard } from '../../src/cards/templates/callout.card';
import { callListCard } from '../../src/cards/templates/call-list.card';
import { mobilisationFormCard } from '../../src/cards/templates/mobilisation-form.card';
import { CALL_LIST_MAX } from '../../src/domain/mobilisation/call-list';
import { MOBILISATION_LIMITS } from '../../src/domain/mobilisation/mobilisation-service';
import { schoolListCard } from '../../src/cards/templates/school-list.card';
import { schoolCard } from '../../src/cards/templates/school.card';
import { schoolImportCard, SCHOOL_CSV_MAX } from '../../src/cards/templates/school-import.card';
import { SCHOOL_CARD_PLACES_MAX } from '../../src/cards/school-cards';
import { SCHOOL_CHOICES_MAX } from '../../src/cards/report-cards';
import { KNOWN_PEOPLE_MAX } from '../../src/domain/schools/school-register-service';
import { LIMITS } from '../../src/domain/limits';
import { HOTSPOT_LIMITS } from '../../src/domain/hotspots/hotspot-forms';
import { PROMISE_LIMITS } from '../../src/domain/promises/promise';
import { COMMITMENT_CHOICES_MAX } from '../../src/domain/promises/promise-register';
import { meetingFormCard } from '../../src/cards/templates/meeting-form.card';
import { promiseFormCard } from '../../src/cards/templates/promise-form.card';
import { promisesCard } from '../../src/cards/templates/promises.card';
import { lawAnalysisFormCard } from '../../src/cards/templates/law-analysis-form.card';
import { ANALYSIS_MAX } from '../../src/domain/annual/law-analysis';

// Sample data for every card template, ordinary and the largest the bot ever puts in: rendered by the
// template test (templates.test.ts: resolved, valid, within Teams' size limits) and the phone-fit test
// (phone-fit.test.ts: nothing overflows or is cut at 340 px).

/** Teams' limits for a card: in a dialog (task module) and in a message. */
export const LIMIT = { dialog: 28 * 1024, message: 80 * 1024 } as const;

export type Size = 'small' | 'large';

export interface Sample<D> {
  template: CardTemplate<D>;
  /** Where the card is shown: a dialog's limit is lower than a message's. */
  surface: keyof typeof LIMIT;
  /** Ordinary data, and the largest the bot sends (longest texts, most rows it ever shows). */
  data: (size: Size) => D;
}

const sample = <D,>(s: Sample<D>): Sample<unknown> => s as Sample<unknown>;

/** A text of the given length with characters that take two bytes in UTF-8, as Swedish text does. */
const text = (length: number, seed = 'Å'): string => `${seed}${'åäö rapport '.repeat(Math.ceil(length / 12))}`.slice(0, length);
const many = <T,>(size: Size, small: number, large: number, item: (i: number) => T): T[] => Array.from({ length: size === 'small' ? small : large }, (_, i) => item(i));
const fill = <K extends string>(keys: readonly K[], value: (k: K) => string): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, string>;
const choices = (size: Size, small: number, large: number, titleLength = 30): Choice[] =>
  many(size, small, large, (i) => ({ title: text(size === 'small' ? 12 : titleLength, `${i}`), value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
/** Button titles as long as the bot's own, so that a row of them is as wide as in Teams. */
const BUTTON_TITLES = ['Ändra', 'Markera som åtgärdad', 'Återställ till ny', 'Jag tar den', 'Visa hot spot', 'Skapa hot spot'];
const action = (i: number) => ({ title: BUTTON_TITLES[i % BUTTON_TITLES.length]!, verb: 'showReport', data: { kind: 'incident', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 3 } });

const INCIDENT_FIELDS = Object.keys({
  date: 1, time: 1, placeId: 1, newPlace: 1, category: 1, description: 1, severity: 1, organisation: 1, school: 1, youthInvolved: 1, policeReportNumber: 1,
  schoolId: 1, concernReported: 1,
} satisfies Record<IncidentFormField, 1>) as IncidentFormField[];
const ACTIVITY_FIELDS = Object.keys({
  type: 1, date: 1, placeId: 1, newPlace: 1, organisation: 1, organisations: 1, notes: 1, peopleMet: 1, followUpDate: 1, commitmentId: 1, schoolId: 1, walkFindings: 1,
} satisfies Record<ActivityFormField, 1>) as ActivityFormField[];
const HOTSPOT_FORM_FIELDS = ['what', 'organisation', 'dueDate', 'followUpDate', 'who', 'whatHappens', 'when', 'why'] as const;

/** A form's state: values as long as the fields allow, and every field with an error when large. */
function formState<F extends string>(fields: readonly F[], size: Size, longText: Partial<Record<F, number>>) {
  return {
    values: fill(fields, (f) => (size === 'large' ? text(longText[f] ?? 80) : 'x')),
    numbers: Object.fromEntries(fields.map((f) => [f, size === 'large' ? 99 : null])) as Record<F, number | null>,
    errors: fill(fields, () => (size === 'large' ? text(120, '!') : '')),
    newPlaceLabel: 'Ny plats',
    banner: size === 'large' ? text(200, '!') : '',
    requiredMessage: 'Fyll i det här fältet.',
  };
}

/** A report in brief: category, place (the longest name when large), status, day. */
const briefFacts = (size: Size) => [
  { title: 'Kategori', value: 'Skadegörelse – klotter' }, { title: 'Plats', value: text(size === 'large' ? LIMITS.placeNameMax : 12) },
  { title: 'Status', value: 'Ny' }, { title: 'Datum', value: '24 nov. 2026' },
];

export const SAMPLES: Sample<unknown>[] = [
  sample({
    // The EST week's panels: the largest is the areas card of a big register (a line and a button per area).
    template: estPanelCard, surface: 'message',
    data: (size) => ({
      title: 'Områden – läget de senaste 8 veckorna', note: size === 'large' ? text(200) : 'Sparat.', intro: text(size === 'large' ? 300 : 20),
      facts: many(size, 3, 4, (i) => ({ title: `Fakta ${i}`, value: text(size === 'large' ? 120 : 10) })),
      lines: many(size, 2, 60, (i) => (i % 2 ? `${text(size === 'large' ? LIMITS.placeNameMax : 12)}: ${text(size === 'large' ? REASON_MAX : 20)}` : `**${text(size === 'large' ? LIMITS.placeNameMax : 12)}** 🟢 🟡 🔴 ⚪ 🟢 🟡 🔴 ⚪`)),
      footnote: '🟢 grön · 🟡 gul · 🔴 röd · ⚪ ej bedömd. Äldst till vänster, denna vecka sist.',
      picker: { visible: true, id: 'placeId', label: 'Välj område', choices: choices(size, 3, 200, LIMITS.placeNameMax), button: { title: 'Bedöm området', verb: 'estOpenAssessment' } },
      actions: many(size, 1, 3, (i) => ({ title: ['EST-veckan', 'Prioriterade områden', 'Ändra mötestid'][i]!, verb: 'estOverview', data: {} })),
    }),
  }),
  sample({
    template: estFormCard, surface: 'message',
    data: (size) => ({
      title: 'Bedöm Centrum, vecka 49', intro: size === 'large' ? text(300) : '', banner: size === 'large' ? text(200, '!') : '',
      // The priorities form: three choices of every area of the register.
      choiceFields: many(size, 1, 3, (i) => ({
        id: `area${i + 1}`, label: `Område ${i + 1}`, value: '', placeholder: 'Välj område', required: i === 0, error: size === 'large' ? text(80, '!') : '', requiredMessage: 'Fyll i det här.',
        choices: choices(size, 3, 60, LIMITS.placeNameMax),
      })),
      timeFields: many(size, 0, 2, (i) => ({ id: `time${i}`, label: 'Mötet börjar', value: '09:00', error: size === 'large' ? text(80, '!') : '', requiredMessage: 'Fyll i det här.' })),
      textFields: many(size, 1, 1, () => ({ id: 'reason', label: 'Varför? (en rad)', value: size === 'large' ? text(REASON_MAX) : 'x', maxLength: REASON_MAX, error: size === 'large' ? text(80, '!') : '', requiredMessage: 'Fyll i det här.' })),
      save: { title: 'Spara', verb: 'estSaveAssessment', data: { placeId: '00000000-0000-4000-8000-000000000001', maskingConfirmed: true } },
      cancel: { title: 'Avbryt', verb: 'estAreas', data: {} },
    }),
  }),
  sample({
    template: incidentFormCard, surface: 'dialog',
    data: (size): IncidentFormCardData => ({
      ...formState(INCIDENT_FIELDS, size, { description: LIMITS.descriptionMax, newPlace: LIMITS.placeNameMax, school: LIMITS.schoolMax, policeReportNumber: LIMITS.policeReportNumberMax }),
      title: 'Rapportera en händelse', intro: text(size === 'large' ? 300 : 40),
      labels: fill([...INCIDENT_FIELDS, 'placeChoose', 'categoryChoose', 'descriptionPlaceholder', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { places: choices(size, 3, LIMITS.placeChoices, LIMITS.placeNameMax), categories: choices(size, 3, 16, 45), severities: choices(size, 3, 3), organisations: choices(size, 3, 8, 35),
        schools: choices(size, 3, SCHOOL_CHOICES_MAX + 1, 40), concern: choices(size, 2, 2) },
      schoolSection: true,
      submit: { verb: 'submitIncident', data: { submitKey: 'k-0123456789abcdef0123456789abcdef' } },
    }),
  }),
  sample({
    template: activityFormCard, surface: 'dialog',
    data: (size) => ({
      ...formState(ACTIVITY_FIELDS, size, { notes: LIMITS.notesMax, newPlace: LIMITS.placeNameMax }),
      title: 'Logga en aktivitet',
      labels: fill([...ACTIVITY_FIELDS, 'typeChoose', 'placeChoose', 'notesPlaceholder', 'commitmentChoose', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      // Commitments as the card titles them (promise 30 + text 50 characters), at most COMMITMENT_CHOICES_MAX and an edited activity's own.
      choices: {
        types: choices(size, 3, 11, 30), places: choices(size, 3, LIMITS.placeChoices, LIMITS.placeNameMax), organisations: choices(size, 3, 8, 35),
        commitments: choices(size, 2, COMMITMENT_CHOICES_MAX + 1, 82),
        schools: choices(size, 3, SCHOOL_CHOICES_MAX + 1, 40), walkFindings: choices(size, 5, 5, 20),
      },
      submit: { verb: 'submitActivity', data: { submitKey: 'k-0123456789abcdef0123456789abcdef' } },
    }),
  }),
  sample({
    template: auditLogCard, surface: 'message',
    data: (size) => ({ title: 'Logg', empty: 'Inget loggat än.', rows: many(size, 2, 25, (i) => ({ when: `24 nov 21:${String(i).padStart(2, '0')}`, line: text(size === 'large' ? 200 : 30) })) }),
  }),
  sample({
    template: exportLinkCard, surface: 'message',
    data: (size) => ({
      title: 'Export', periodLabel: 'Vecka 47', text: text(size === 'large' ? 400 : 40), newLinks: 'Nya länkar',
      links: [{ title: 'CSV', url: 'https://bot.example/exports/abc/incidents.csv' }, { title: 'Rapport', url: 'https://bot.example/exports/abc/report.html' }],
      refresh: { userIds: ['29:1'], data: { exportId: '00000000-0000-4000-8000-000000000001' } },
      // The lägesbild enligt lag's card (large) shows its analysis and button.
      analysis: { show: size === 'large', text: text(size === 'large' ? 200 : 10), button: { title: 'Ändra analysen', verb: 'lawAnalysisOpen', data: { year: 2026 } } },
    }),
  }),
  sample({
    template: exportReadyCard, surface: 'message',
    data: (size) => ({
      title: 'Export', periodLabel: 'Vecka 47', text: text(size === 'large' ? 400 : 40), showLinks: 'Visa länkarna',
      refresh: { userIds: ['29:1'], data: { exportId: '00000000-0000-4000-8000-000000000001' } },
    }),
  }),
  sample({
    template: helpCard, surface: 'message',
    data: (size) => ({
      title: 'Det här kan jag', text: text(size === 'large' ? 300 : 40), footnote: 'Skriv aldrig namn.',
      commands: many(size, 2, 12, (i) => ({ title: `kommando ${i}`, value: text(size === 'large' ? 120 : 20) })),
      actions: many(size, 1, 4, (i) => ({ title: ['Rapportera händelse', 'Logga aktivitet', 'Senaste', 'Hjälp'][i]!, verb: 'showHelp' })),
    }),
  }),
  sample({
    template: hotspotFormCard, surface: 'message',
    data: (size) => ({
      title: 'Ny åtgärd', banner: size === 'large' ? text(200, '!') : '', requiredMessage: 'Fyll i det här fältet.',
      // One section at a time: the measure form (small), the analysis with its four long texts (large).
      show: { measure: size === 'small', followUp: false, analysis: size === 'large', organisation: size === 'small' },
      labels: fill([...HOTSPOT_FORM_FIELDS, 'save', 'cancel'] as const, (k) => `Etikett ${k}`),
      values: fill(HOTSPOT_FORM_FIELDS, () => (size === 'large' ? text(HOTSPOT_LIMITS.analysisMax) : 'x')),
      errors: fill(HOTSPOT_FORM_FIELDS, () => (size === 'large' ? text(120, '!') : '')),
      organisations: choices(size, 3, 8, 35),
      submit: { verb: 'hotspotAddMeasure', data: { id: '00000000-0000-4000-8000-000000000001', version: 4 } },
      cancel: { verb: 'hotspotShow', data: { id: '00000000-0000-4000-8000-000000000001' } },
    }),
  }),
  sample({
    template: hotspotRowsCard, surface: 'message',
    data: (size) => ({
      title: 'Aktiva hot spots', empty: 'Inga aktiva hot spots.',
      rows: many(size, 2, 30, (i) => ({
        heading: text(size === 'large' ? LIMITS.placeNameMax : 12), text: text(size === 'large' ? 200 : 20), alert: i % 2 ? text(80, '!') : '',
        actions: many(size, 1, 2, action),
      })),
    }),
  }),
  sample({
    template: hotspotCard, surface: 'message',
    data: (size) => ({
      title: 'Hot spot: Stora torget', note: 'Sparad.', warning: size === 'large' ? text(200, '!') : '',
      facts: many(size, 2, 6, (i) => ({ title: `Fakta ${i}`, value: text(size === 'large' ? 120 : 10) })),
      analysisTitle: 'Analys', analysis: many(size, 2, 4, (i) => ({ title: `Aspekt ${i}`, value: text(size === 'large' ? HOTSPOT_LIMITS.analysisMax : 10) })),
      effectTitle: 'Effekt', effect: many(size, 1, 3, () => text(size === 'large' ? 200 : 30)),
      openMeasuresTitle: 'Öppna åtgärder',
      openMeasures: many(size, 1, 20, (i) => ({ text: text(size === 'large' ? HOTSPOT_LIMITS.measureMax + 60 : 20), action: action(i) })),
      timelineTitle: 'Tidslinje', timelineEmpty: 'Inget än.', timelineSummary: text(size === 'large' ? 160 : 30),
      timeline: many(size, 2, 5, () => ({ text: text(size === 'large' ? 160 : 30) })),
      timelineMore: many(size, 1, 35, () => ({ text: text(size === 'large' ? 160 : 30) })),
      labels: { showAll: 'Visa allt', showLess: 'Visa färre' },
      actions: many(size, 2, 4, action), moreActions: many(size, 1, 1, action),
    }),
  }),
  sample({
    template: lagesbildCard, surface: 'message',
    data: (size) => ({
      title: 'Lägesbild', periodLabel: 'Vecka 47', generated: 'Skapad 25 nov 07:30', empty: '', headline: text(size === 'large' ? 200 : 30),
      headlineChange: text(size === 'large' ? 200 : 30),
      summary: {
        title: 'Att ta upp', visible: true,
        groups: many(size, 1, 4, (i) => ({ title: `Grupp ${i}`, lines: many(size, 1, 3, () => text(size === 'large' ? 300 : 30)), more: 'och 2 till' })),
      },
      chart: {
        title: 'Händelser per vecka', visible: true, note: '* v.47 pågår: måndag–tisdag.', fallback: text(200),
        bars: many(size, 8, 12, (i) => ({ x: `v.${40 + i}`, y: i, color: 'categoricalBlue' })),
      },
      // The EST week: about three priority areas, and every area of a large register with eight weeks and a reason.
      est: {
        visible: true, prioritiesTitle: 'Prioriterade områden tertial 3 2026 (september–december)',
        priorities: many(size, 1, 3, (i) => `${i + 1}. **${text(size === 'large' ? LIMITS.placeNameMax : 12)}**: 3 aktiva hot spots (${text(size === 'large' ? 300 : 20)}), 4 öppna åtgärder`),
        areasTitle: 'Områden – läget de senaste 8 veckorna',
        areas: many(size, 2, 24, (i) => (i % 2 ? `${text(size === 'large' ? LIMITS.placeNameMax : 12)}: ${text(size === 'large' ? 200 : 20)}` : `**${text(size === 'large' ? LIMITS.placeNameMax : 12)}** 🟢 🟡 🔴 ⚪ 🟢 🟡 🔴 ⚪`)),
        legend: '🟢 grön · 🟡 gul · 🔴 röd · ⚪ ej bedömd. Äldst till vänster, denna vecka sist.',
        assess: { title: 'Bedöm områden', verb: 'estAreas' },
      },
      showMore: 'Visa mer', showLess: 'Visa mindre',
      sections: many(size, 2, 9, (i) => ({
        title: `Avsnitt ${i}`, summary: text(size === 'large' ? 200 : 20), more: 'och 3 till',
        rows: many(size, 2, 10, () => ({ label: text(size === 'large' ? LIMITS.placeNameMax : 12), value: '12 (+3 mot snittet 9)' })),
      })),
    }),
  }),
  sample({
    template: latestReportsCard, surface: 'message',
    data: (size) => ({
      title: 'Senaste rapporterna', filter: size === 'large' ? `Visar: öppna · mina · skola ${text(LIMITS.schoolMax)}` : '', empty: 'Inga rapporter än.',
      rows: many(size, 2, LIMITS.latestListSize, (i) => ({
        ref: `H-2026-${String(i).padStart(4, '0')}`, line: text(size === 'large' ? 160 : 30), status: 'Ny',
        open: { verb: 'showReport', data: { kind: 'incident', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } },
      })),
    }),
  }),
  sample({
    template: unfoldedReportCard, surface: 'message',
    data: (size) => ({ title: 'Händelse H-2026-0042', facts: briefFacts(size) }),
  }),
  sample({
    template: searchResultCard, surface: 'message',
    data: (size) => ({
      title: 'Händelse H-2026-0042', facts: briefFacts(size),
      show: { title: 'Visa', verb: 'showReport', data: { kind: 'incident', id: '00000000-0000-4000-8000-000000000042' } },
    }),
  }),
  sample({
    template: noticeCard, surface: 'message',
    data: (size) => ({ title: 'Obs', text: text(size === 'large' ? 600 : 30), tone: 'attention' as const, actions: many(size, 1, 5, action) }),
  }),
  sample({
    template: placeCard, surface: 'message',
    data: (size) => ({
      title: 'Plats: Stora torget', curate: true, note: 'Sparad.', warning: size === 'large' ? text(200, '!') : '',
      facts: many(size, 2, 4, (i) => ({ title: `Fakta ${i}`, value: text(size === 'large' ? 200 : 10) })),
      labels: fill(['name', 'kind', 'lat', 'lon', 'parent', 'alias', 'mergeWith', 'save', 'merge'] as const, (k) => `Etikett ${k}`),
      values: fill(['name', 'kind', 'lat', 'lon', 'parent', 'alias'] as const, () => (size === 'large' ? text(LIMITS.placeNameMax) : 'x')),
      // The card lists at most 200 other places to choose an area or a merge from.
      choices: { kinds: choices(size, 3, 8), parents: choices(size, 3, 201, LIMITS.placeNameMax), merge: choices(size, 3, 200, LIMITS.placeNameMax) },
      save: { verb: 'hotspotSavePlace', data: { id: '00000000-0000-4000-8000-000000000001' } },
      merge: { verb: 'hotspotMergePlace', data: { id: '00000000-0000-4000-8000-000000000001' } },
      actions: many(size, 1, 2, action),
    }),
  }),
  sample({
    template: quickConfirmCard, surface: 'message',
    data: (size) => ({
      title: 'Vilken plats?', question: text(size === 'large' ? 200 : 20), banner: size === 'large' ? text(200, '!') : '',
      when: 'När: 30 nov. 2026 01:00 (går att ändra när händelsen är sparad)',
      labels: { place: 'Plats', category: 'Kategori', categoryChoose: 'Välj kategori', organisation: 'Organisation', description: 'Beskrivning', save: 'Spara', cancel: 'Avbryt' },
      values: { placeId: 'new', category: 'brand', organisation: 'polisen', description: size === 'large' ? text(LIMITS.descriptionMax) : 'x' },
      choices: { places: choices(size, 2, 6, LIMITS.placeNameMax), categories: choices(size, 3, 16, 45), organisations: choices(size, 3, 8, 35) },
      data: { typedPlace: size === 'large' ? text(LIMITS.placeNameMax) : 'torget', occurredAt: '2026-11-30T00:00:00.000Z', submitKey: 'k-0123456789abcdef0123456789abcdef' },
      verbs: { save: 'hotspotQuickSave', cancel: 'cancel' },
    }),
  }),
  sample({
    template: closeReportCard, surface: 'message',
    data: (size) => ({
      title: 'Stänga H-2026-0042?', banner: size === 'large' ? text(200, '!') : '', requiredMessage: 'Fyll i det här fältet.',
      labels: { resolution: 'Vad gjordes?', placeholder: 'En rad', save: 'Markera som åtgärdad', cancel: 'Avbryt' },
      values: { resolution: size === 'large' ? text(LIMITS.resolutionMax) : 'Sanerat' },
      errors: { resolution: size === 'large' ? text(80, '!') : '' },
      submit: { verb: 'closeReport', data: { kind: 'incident', id: 'i1', version: 3 } }, cancel: { verb: 'showReport', data: { kind: 'incident', id: 'i1' } },
    }),
  }),
  sample({
    template: savedReportCard, surface: 'message',
    data: (size) => ({
      title: 'Händelse H-2026-0042', note: 'Sparad.', warning: size === 'large' ? text(200, '!') : '',
      text: text(size === 'large' ? LIMITS.descriptionMax * 2 : 30), textLabel: 'Beskrivning',
      facts: many(size, 2, 12, (i) => ({ title: `Fakta ${i}`, value: text(size === 'large' ? 120 : 10) })),
      reportedBy: 'Rapporterad av Anna Andersson (Polisen)',
      actions: many(size, 2, 5, action),
    }),
  }),
  // The school register (issue 11).
  sample({
    template: schoolListCard, surface: 'message',
    data: (size) => ({
      title: 'Skolor i registret', empty: 'Inga skolor.',
      // A municipality has tens of schools; a large one a hundred.
      schools: many(size, 2, 100, (i) => ({
        name: text(size === 'large' ? LIMITS.placeNameMax : 12, `${i}`), line: text(size === 'large' ? 120 : 20),
        actions: [{ title: 'Visa', verb: 'schoolShow', data: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } },
          { title: 'Skolans bild', verb: 'schoolPicture', data: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } }],
      })),
      actions: [{ title: 'Lägg till skola', verb: 'schoolNew', data: {} }, { title: 'Importera CSV', verb: 'schoolImportForm', data: {} }],
    }),
  }),
  sample({
    template: schoolCard, surface: 'message',
    data: (size) => {
      // Every known person once per role, and as many places as the card offers.
      const people = choices(size, 3, KNOWN_PEOPLE_MAX, 40);
      return {
        title: 'Exempelskolan', note: size === 'large' ? 'Skolan är sparad.' : '', banner: size === 'large' ? text(200, '!') : '',
        requiredMessage: 'Fyll i det här fältet.',
        facts: many(size, 2, 6, (i) => ({ title: `Fakta ${i}`, value: text(size === 'large' ? 200 : 10) })),
        manage: true,
        labels: fill(['name', 'stages', 'placeId', 'contactsHint', 'save'] as const, (k) => `Etikett ${k}`),
        values: { name: size === 'large' ? text(LIMITS.placeNameMax) : 'x', stages: 'f-6,7-9', placeId: 'none' },
        errors: fill(['name', 'stages', 'placeId'] as const, () => (size === 'large' ? text(80, '!') : '')),
        choices: { stages: choices(size, 3, 3), places: choices(size, 3, SCHOOL_CARD_PLACES_MAX + 1, LIMITS.placeNameMax) },
        contacts: ['Skola', 'Socialtjänst', 'Polis', 'Fritid'].map((role, i) => ({
          id: `contacts_${i}`, label: `SSPF-kontakter: ${role}`, value: size === 'large' ? people.slice(0, 5).map((p) => p.value).join(',') : '', people,
        })),
        save: { verb: 'schoolSave', data: { id: '00000000-0000-4000-8000-000000000001', version: 3 } },
        actions: many(size, 1, 2, action),
      };
    },
  }),
  // Medborgarlöften: the largest year the register takes (PROMISE_LIMITS), texts as long as the card shows them.
  sample({
    template: promisesCard, surface: 'message',
    data: (size) => {
      const promises = size === 'large' ? PROMISE_LIMITS.promisesPerYear : 1;
      const perPromise = size === 'large' ? PROMISE_LIMITS.commitmentsPerYear / PROMISE_LIMITS.promisesPerYear : 2;
      return {
        title: 'Medborgarlöften 2026', intro: text(size === 'large' ? 160 : 40), empty: 'Inga medborgarlöften för 2026 än.',
        promises: many(size, promises, promises, () => ({
          title: text(size === 'large' ? PROMISE_LIMITS.titleShown : 40),
          commitments: many(size, perPromise, perPromise, (i) => ({
            text: text(size === 'large' ? PROMISE_LIMITS.commitmentShown : 60),
            responsible: `Ansvariga: Polisen, Skola, Socialtjänst, Kommunen/säkerhetssamordnare · 1 jan. 2026 – 31 dec. 2026`,
            progress: size === 'large' ? '12 aktiviteter: Polisen 5, Skola 3, Socialtjänst 2, Kommunen/säkerhetssamordnare 2 · Senast: 24 nov. 2026 Trygghetsvandring (A-2026-0042)' : 'Inga aktiviteter än.',
            status: 'Status: pågår',
            actions: ['Ej påbörjad', 'Genomförd'].map((title) => ({ title, verb: 'promiseSetStatus', data: { commitmentId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, status: 'genomford', year: 2026 } })),
          })),
        })),
        meeting: size === 'large' ? `Strategiskt möte 20 maj 2026 (Polisen, Kommunen). Beslut: ${text(600)}` : 'Inget strategiskt möte registrerat för 2026.',
        actions: [{ title: 'Nytt löfte', verb: 'promiseOpenForm', data: {} }, { title: 'Strategiskt möte', verb: 'meetingOpenForm', data: {} }],
      };
    },
  }),
  sample({
    template: schoolImportCard, surface: 'message',
    data: (size) => ({
      title: 'Importera skolor från CSV', text: text(size === 'large' ? 300 : 40), example: 'Exempel:\n\nnamn;stadier;plats',
      banner: size === 'large' ? text(200, '!') : '', labels: { csv: 'CSV', run: 'Importera' },
      csv: size === 'large' ? text(SCHOOL_CSV_MAX) : '', run: { verb: 'schoolImport', data: {} },
    }),
  }),
  // Mobilisation (issue 11): the largest a call-out gets is a full call list, each with an answer and a
  // note, and its timeline (called, answers, escalations, closed).
  sample({
    template: calloutCard, surface: 'message',
    data: (size) => {
      const people = size === 'small' ? 3 : CALL_LIST_MAX;
      const id = '00000000-0000-4000-8000-000000000001';
      return {
        title: 'Mobilisering – Ängsskolan', what: `Vad har hänt: ${size === 'large' ? text(MOBILISATION_LIMITS.whatMax) : 'Bråk vid busshållplatsen'}`,
        called: 'Larmad av Anna Andersson kl. 14:02 (för 12 min sedan).',
        escalation: 'Har ingen svarat "kommer" kl. 14:12 larmas nästa på ringlistan.',
        answers: many(size, 2, people, (i) => ({
          text: `Person Personsson ${i} (Nattvandrarsamordnare): Kan inte – ${size === 'large' ? text(MOBILISATION_LIMITS.noteMax) : 'sjuk'} kl. 14:0${i % 10}`,
          color: i % 2 === 0 ? 'good' as const : 'attention' as const,
        })),
        waiting: 'Har inte svarat: Carl Rektorsson, Erik Kurator',
        sending: size === 'large' ? `Skickas till: ${many(size, 1, 10, (i) => `Person ${i}`).join(', ')}` : '',
        pending: size === 'large' ? `Larmet har inte nått fram än, boten försöker igen: ${many(size, 1, 10, (i) => `Person ${i}`).join(', ')}` : '',
        unreachable: size === 'large' ? `Kunde inte nås i Teams: ${many(size, 1, 10, (i) => `Person ${i}`).join(', ')}. Ring dem.` : '',
        external: 'Texten till föräldrar och andra är skickad (kl. 14:20).', outcome: size === 'large' ? `Utfall: ${text(MOBILISATION_LIMITS.outcomeMax)}` : '',
        warning: size === 'large' ? text(200, '!') : '', open: true, answerHint: 'Svara om du är larmad:',
        note: { label: 'Kort kommentar (valfritt, inga namn)', value: size === 'large' ? text(MOBILISATION_LIMITS.noteMax) : '', max: MOBILISATION_LIMITS.noteMax },
        answerActions: ['Kommer', 'Kan inte', 'Hanterat'].map((title, i) => ({ title, verb: 'mobiliseAnswer', data: { id, answer: ['kommer', 'kan_inte', 'hanterat'][i]! } })),
        timelineTitle: 'Tidslinje',
        timeline: many(size, 2, people * 2 + 4, (i) => ({ text: `kl. 14:${String(i % 60).padStart(2, '0')}: Person Personsson ${i} – Kommer` })),
        actions: [{ title: 'Text till föräldrar', verb: 'mobiliseExternal', data: { id } }, { title: 'Avsluta', verb: 'mobiliseOpenClose', data: { id } }],
      };
    },
  }),
  sample({
    template: mobilisationFormCard, surface: 'message',
    data: (size) => ({
      title: 'Mobilisera', intro: 'Larmar skolans ringlista i Teams. Skriv aldrig namn eller personnummer.', banner: size === 'large' ? text(200, '!') : '',
      requiredMessage: 'Fyll i det här fältet.', showSchool: true,
      labels: { school: 'Skola', text: 'Vad har hänt?', submit: 'Larma', cancel: 'Avbryt' },
      values: { schoolId: '', text: size === 'large' ? text(MOBILISATION_LIMITS.whatMax) : '' }, errors: { schoolId: '', text: '' },
      schools: choices(size, 2, 60, 40), textId: 'what', max: MOBILISATION_LIMITS.whatMax,
      submit: { verb: 'mobiliseCall', data: {} }, cancel: { verb: 'cancel', data: {} },
    }),
  }),
  sample({
    template: callListCard, surface: 'message',
    data: (size) => ({
      title: 'Ringlista – Ängsskolan', intro: text(size === 'large' ? 160 : 40), note: 'Carl Rektorsson är med på ringlistan.', warning: size === 'large' ? text(120, '!') : '',
      empty: 'Ingen på listan än.',
      rows: many(size, 2, CALL_LIST_MAX, (i) => ({
        text: `${text(size === 'large' ? 60 : 12, `${i}`)} – Nattvandrarsamordnare, vid andra eskaleringen`, canRemove: true,
        remove: { title: 'Ta bort', verb: 'callListRemove', data: { schoolId: 's1', userId: `u${i}` } },
      })),
      canEdit: true, canAdd: true, addTitle: 'Lägg till från skolans kontakter',
      labels: { person: 'Person', role: 'Roll', step: 'Steg', add: 'Lägg till' },
      people: choices(size, 2, 12, 40), roles: choices(size, 6, 6, 25), steps: choices(size, 3, 3, 30),
      add: { verb: 'callListAdd', data: { schoolId: 's1' } },
      byMention: 'Någon annan: skriv "ringlista Ängsskolan @namn roll steg".', requiredMessage: 'Fyll i det här fältet.',
    }),
  }),
  sample({
    template: promiseFormCard, surface: 'message',
    data: (size) => ({
      ...formState(['title', 'text', 'commitment', 'organisations', 'periodFrom', 'periodTo'] as const, size, {
        title: PROMISE_LIMITS.titleMax, text: PROMISE_LIMITS.textMax, commitment: PROMISE_LIMITS.commitmentMax,
      }),
      title: 'Nytt medborgarlöfte 2026', intro: text(size === 'large' ? 120 : 40),
      labels: fill(['title', 'text', 'commitment', 'organisations', 'periodFrom', 'periodTo', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { organisations: choices(size, 3, 8, 35) },
      submit: { verb: 'promiseSave', data: { year: 2026 } },
    }),
  }),
  sample({
    template: meetingFormCard, surface: 'message',
    data: (size) => ({
      ...formState(['date', 'organisations', 'decisions'] as const, size, { decisions: PROMISE_LIMITS.decisionsMax }),
      title: 'Strategiskt möte', intro: text(size === 'large' ? 120 : 40),
      labels: fill(['date', 'organisations', 'decisions', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { organisations: choices(size, 3, 8, 35) },
      submit: { verb: 'meetingSave', data: {} },
    }),
  }),
  sample({
    template: lawAnalysisFormCard, surface: 'message',
    data: (size) => ({
      ...formState(['analysis'] as const, size, { analysis: ANALYSIS_MAX }),
      title: 'Analys för lägesbilden enligt lag 2026', intro: text(size === 'large' ? 160 : 40),
      labels: fill(['analysis', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      submit: { verb: 'lawAnalysisSave', data: { year: 2026 } },
    }),
  }),
];
