import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bind } from '../../src/cards/bind';
import type { Choice } from '../../src/cards/card-schema';
import type { ActivityFormField, IncidentFormField } from '../../src/cards/forms/report-forms';
import { definedTemplates, render, type CardTemplate } from '../../src/cards/render';
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
import { LIMITS } from '../../src/domain/limits';
import { HOTSPOT_LIMITS } from '../../src/domain/hotspots/hotspot-forms';
import { cardBytes } from '../support/adaptive-card-check';
import { assertValidCardWithCharts } from '../support/chart-card-check';

// Every card template, rendered with sample data: nothing left unresolved, no required element empty,
// and within Teams' size limits with the largest data the bot ever puts in (issue 10, typed cards).

/** Teams' limits for a card: in a dialog (task module) and in a message. */
const LIMIT = { dialog: 28 * 1024, message: 80 * 1024 } as const;

type Size = 'small' | 'large';

interface Sample<D> {
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
const action = (i: number) => ({ title: `Knapp ${i + 1}`, verb: 'showReport', data: { kind: 'incident', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 3 } });

const INCIDENT_FIELDS = Object.keys({
  date: 1, time: 1, placeId: 1, newPlace: 1, category: 1, description: 1, severity: 1, organisation: 1, school: 1, youthInvolved: 1, policeReportNumber: 1,
} satisfies Record<IncidentFormField, 1>) as IncidentFormField[];
const ACTIVITY_FIELDS = Object.keys({
  type: 1, date: 1, placeId: 1, newPlace: 1, organisation: 1, organisations: 1, notes: 1, peopleMet: 1, followUpDate: 1,
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

const SAMPLES: Sample<unknown>[] = [
  sample({
    template: incidentFormCard, surface: 'dialog',
    data: (size): IncidentFormCardData => ({
      ...formState(INCIDENT_FIELDS, size, { description: LIMITS.descriptionMax, newPlace: LIMITS.placeNameMax, school: LIMITS.schoolMax, policeReportNumber: LIMITS.policeReportNumberMax }),
      title: 'Rapportera en händelse', intro: text(size === 'large' ? 300 : 40),
      labels: fill([...INCIDENT_FIELDS, 'placeChoose', 'categoryChoose', 'descriptionPlaceholder', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { places: choices(size, 3, LIMITS.placeChoices, LIMITS.placeNameMax), categories: choices(size, 3, 16, 45), severities: choices(size, 3, 3), organisations: choices(size, 3, 8, 35) },
      submit: { verb: 'submitIncident', data: { submitKey: 'k-0123456789abcdef0123456789abcdef' } },
    }),
  }),
  sample({
    template: activityFormCard, surface: 'dialog',
    data: (size) => ({
      ...formState(ACTIVITY_FIELDS, size, { notes: LIMITS.notesMax, newPlace: LIMITS.placeNameMax }),
      title: 'Logga en aktivitet',
      labels: fill([...ACTIVITY_FIELDS, 'typeChoose', 'placeChoose', 'notesPlaceholder', 'submit', 'cancel'] as const, (k) => `Etikett ${k}`),
      choices: { types: choices(size, 3, 11, 30), places: choices(size, 3, LIMITS.placeChoices, LIMITS.placeNameMax), organisations: choices(size, 3, 8, 35) },
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
      actions: many(size, 1, 4, (i) => ({ title: `Knapp ${i + 1}`, verb: 'showHelp' })),
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
      timelineTitle: 'Tidslinje', timelineEmpty: 'Inget än.', timeline: many(size, 2, 40, () => ({ text: text(size === 'large' ? 160 : 30) })),
      measureActions: many(size, 1, 5, action), actions: many(size, 2, 5, action),
    }),
  }),
  sample({
    template: lagesbildCard, surface: 'message',
    data: (size) => ({
      title: 'Lägesbild', periodLabel: 'Vecka 47', generated: 'Skapad 25 nov 07:30', empty: '', headline: text(size === 'large' ? 200 : 30),
      headlineChange: text(size === 'large' ? 200 : 30),
      chart: { title: 'Händelser per vecka', visible: true, bars: many(size, 8, 8, (i) => ({ x: `v.${40 + i}`, y: i })), fallback: text(200) },
      sections: many(size, 2, 9, (i) => ({
        title: `Avsnitt ${i}`, summary: text(size === 'large' ? 200 : 20), more: 'och 3 till',
        rows: many(size, 2, 10, () => ({ label: text(size === 'large' ? LIMITS.placeNameMax : 12), value: '12 (+3 mot snittet 9)' })),
      })),
    }),
  }),
  sample({
    template: latestReportsCard, surface: 'message',
    data: (size) => ({
      title: 'Senaste rapporterna', empty: 'Inga rapporter än.',
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
      title: 'Plats: Stora torget', note: 'Sparad.', warning: size === 'large' ? text(200, '!') : '',
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
      labels: { place: 'Plats', category: 'Kategori', categoryChoose: 'Välj kategori', organisation: 'Organisation', description: 'Beskrivning', save: 'Spara', cancel: 'Avbryt' },
      values: { placeId: 'new', category: 'brand', organisation: 'polisen', description: size === 'large' ? text(LIMITS.descriptionMax) : 'x' },
      choices: { places: choices(size, 2, 6, LIMITS.placeNameMax), categories: choices(size, 3, 16, 45), organisations: choices(size, 3, 8, 35) },
      data: { typedPlace: size === 'large' ? text(LIMITS.placeNameMax) : 'torget', submitKey: 'k-0123456789abcdef0123456789abcdef' },
      verbs: { save: 'hotspotQuickSave', cancel: 'cancel' },
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
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a required part is empty: a TextBlock without text, an action without title, an input without id. */
function emptyRequired(node: Json, path = 'card', inSelectAction = false): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => emptyRequired(n, `${path}[${i}]`, inSelectAction));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  const type = typeof node.type === 'string' ? node.type : '';
  const blank = (v: Json | undefined) => typeof v !== 'string' || v.trim() === '';
  if (type === 'TextBlock' && blank(node.text)) found.push(`${path}: TextBlock without text`);
  // A container's select action and an automatic refresh have no title to show; every button does.
  if (type.startsWith('Action.') && !inSelectAction && blank(node.title)) found.push(`${path}: ${type} without title`);
  if (type === 'Action.Execute' && blank(node.verb)) found.push(`${path}: Action.Execute without verb`);
  if (type === 'Action.OpenUrl' && blank(node.url)) found.push(`${path}: Action.OpenUrl without url`);
  if (type.startsWith('Input.') && blank(node.id)) found.push(`${path}: ${type} without id`);
  if (type === 'Input.ChoiceSet' && Array.isArray(node.choices)) {
    node.choices.forEach((c, i) => { if (c && typeof c === 'object' && !Array.isArray(c) && blank(c.title)) found.push(`${path}.choices[${i}]: choice without title`); });
  }
  if ('facts' in node && Array.isArray(node.facts)) {
    node.facts.forEach((f, i) => { if (f && typeof f === 'object' && !Array.isArray(f) && blank(f.title)) found.push(`${path}.facts[${i}]: fact without title`); });
  }
  for (const [key, value] of Object.entries(node)) {
    found.push(...emptyRequired(value, `${path}.${key}`, inSelectAction || key === 'selectAction' || key === 'refresh'));
  }
  return found;
}

/** Every string of the rendered card that still holds a template expression. */
function unresolved(node: Json, path = 'card'): string[] {
  if (typeof node === 'string') return /\$\{|\$when|\$data/.test(node) ? [`${path}: ${node.slice(0, 80)}`] : [];
  if (Array.isArray(node)) return node.flatMap((n, i) => unresolved(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key.startsWith('$') && key !== '$schema' ? [`${path}.${key}: left in the card`] : []),
    ...unresolved(value, `${path}.${key}`),
  ]);
}

describe('every card template', () => {
  // Load every template module, so that a template added later is found without being listed here.
  const dir = join(__dirname, '../../src/cards/templates');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.card.ts'))) require(join(dir, file));
  const byName = new Map(SAMPLES.map((s) => [s.template.name, s]));

  it('When the templates are listed, then each has sample data here and each sample is of a defined template', () => {
    const defined = definedTemplates().map((t) => t.name).sort();
    assert.deepEqual(defined.filter((name) => !byName.has(name)), [], 'templates without sample data: add them to SAMPLES');
    assert.deepEqual([...byName.keys()].filter((name) => !defined.includes(name)), []);
    assert.equal(new Set(defined).size, defined.length);
  });

  for (const s of SAMPLES) {
    for (const size of ['small', 'large'] as const) {
      it(`When "${s.template.name}" is rendered with ${size} sample data, then nothing is unresolved or empty and it is valid`, () => {
        const card = render(s.template as CardTemplate<object>, s.data(size) as object) as unknown as Json;
        assert.deepEqual(unresolved(card), [], 'unresolved template expressions');
        assert.deepEqual(emptyRequired(card), [], 'empty required elements');
        assertValidCardWithCharts(card as Record<string, any>);
      });
    }

    it(`When "${s.template.name}" holds the largest data, then it stays within Teams' limit for a ${s.surface} (${LIMIT[s.surface] / 1024} KB)`, () => {
      const bytes = cardBytes(render(s.template as CardTemplate<object>, s.data('large') as object));
      assert.ok(bytes <= LIMIT[s.surface], `${s.template.name}: ${bytes} bytes`);
    });
  }

  it('When the template sources are read, then every binding goes through the typed binder', () => {
    // A quoted '${…}' would compile whatever it names; only the binder (bind.ts) checks names. form-parts
    // builds its error lines' `errors.<id>` itself, after its signature has checked the id.
    const raw = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'form-parts.ts')
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line, i) => ({ where: `${f}:${i + 1}`, line })))
      .filter(({ line }) => /['"]\$\{|\\\$\{/.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line));
    assert.deepEqual(raw.map((r) => `${r.where}: ${r.line.trim()}`), []);
  });

  it('When a template binds a name its data does not have, then it does not compile', () => {
    // Compile-time checks: `npm test` type-checks this file; each line below must stay an error.
    const b = bind<{ title: string; rows: { when: string; line: string }[]; labels: { save: string } }>();
    // @ts-expect-error misspelt name
    b('titel');
    // @ts-expect-error a field of the items is not a field of the data
    b('when');
    // @ts-expect-error a nested name that does not exist
    b('labels.sav');
    // @ts-expect-error an expression over a misspelt name
    b.expr`${'titel'} != ''`;
    // @ts-expect-error $data over something that is not a list
    b.each('title', () => ({}));
    // @ts-expect-error inside the items' scope only their fields are known
    b.each('rows', (row) => ({ text: row('title') }));
    assert.equal(b('labels.save'), '${labels.save}');
    assert.equal(b.expr`count(${'rows'}) > 0`, '${count(rows) > 0}');
    assert.deepEqual(b.each('rows', (row) => ({ title: row('when') })), { $data: '${rows}', title: '${when}' });
  });
});
