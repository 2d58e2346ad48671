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
import { schoolListCard } from '../../src/cards/templates/school-list.card';
import { schoolCard } from '../../src/cards/templates/school.card';
import { schoolImportCard, SCHOOL_CSV_MAX } from '../../src/cards/templates/school-import.card';
import { SCHOOL_CARD_PLACES_MAX } from '../../src/cards/school-cards';
import { SCHOOL_CHOICES_MAX } from '../../src/cards/report-cards';
import { KNOWN_PEOPLE_MAX } from '../../src/domain/schools/school-register-service';
import { LIMITS } from '../../src/domain/limits';
import { HOTSPOT_LIMITS } from '../../src/domain/hotspots/hotspot-forms';

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
  type: 1, date: 1, placeId: 1, newPlace: 1, organisation: 1, organisations: 1, notes: 1, peopleMet: 1, followUpDate: 1, schoolId: 1, walkFindings: 1,
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
      labels: fill([...ACTIVITY_FIELDS, 'typeChoose', 'placeChoose', 'notesPlaceholder', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { types: choices(size, 3, 11, 30), places: choices(size, 3, LIMITS.placeChoices, LIMITS.placeNameMax), organisations: choices(size, 3, 8, 35),
        schools: choices(size, 3, SCHOOL_CHOICES_MAX + 1, 40), walkFindings: choices(size, 5, 5, 20) },
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
  sample({
    template: schoolImportCard, surface: 'message',
    data: (size) => ({
      title: 'Importera skolor från CSV', text: text(size === 'large' ? 300 : 40), example: 'Exempel:\n\nnamn;stadier;plats',
      banner: size === 'large' ? text(200, '!') : '', labels: { csv: 'CSV', run: 'Importera' },
      csv: size === 'large' ? text(SCHOOL_CSV_MAX) : '', run: { verb: 'schoolImport', data: {} },
    }),
  }),
];
