import assert from 'node:assert/strict';
import type JSZipType from 'jszip';
import { annualReportView } from '../../../src/cards/annual-report-view';
import { AnnualReportBuilder, parseReportYear } from '../../../src/domain/annual/annual-report';
import type { Store } from '../../../src/domain/ports/store.port';
import { INCIDENT_CATEGORIES, ORGANISATIONS } from '../../../src/domain/vocabulary';
import { annualReportDocx } from '../../../src/http/annual-report-docx';
import { annualReportHtml } from '../../../src/http/annual-report-html';
import { messages } from '../../../src/i18n/messages';
import { createStore } from '../../../src/store/create-store';
import { StepClock } from '../../lagesbild/digest-fixtures';
import { activityFields, curator, incidentFields, newReport, origin, tenant } from '../../store/store-fixtures';
import { countsOf, followUp, random, rows } from './yearly-fixtures';

// The årsrapport built from generated reports over two years, checked against counts this test makes
// itself from what it inserted (plain loops, local Stockholm days, no SQL); then the Word file is
// opened again and read.

const PLACES = ['Stora torget', 'Parken', 'Stationen', 'Hamnen'];
/** The register's parent areas: Hamnen lies in none. */
const AREA_OF: Record<string, string | null> = { 'Stora torget': 'Centrum', Parken: 'Söder', Stationen: 'Centrum', Hamnen: null };
const SCHOOLS = [null, null, 'Angsskolan', 'Bjorkskolan'];

interface Made { occurredAt: Date; category: string; placeName: string; school: string | null }
/** An activity made: its day and the register school (by name) it served, if any. */
interface MadeActivity { date: string; school: string | null }

describe('the årsrapport on generated data', function () {
  this.timeout(30_000);
  let store: Store;
  const made: Made[] = [];
  const madeActivities: MadeActivity[] = [];
  const clock = new StepClock(new Date('2027-01-15T09:00:00Z'));
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };
  const builder = () => new AnnualReportBuilder(store.lagesbild, { followUp: async (_s, y) => followUp(y) }, { views: async () => [] }, clock, undefined, store.schools);

  before(async () => {
    store = await createStore('sqlite::memory:');
    const r = random(20270115);
    const places = await Promise.all(PLACES.map((name) => store.places.findOrCreate(tenant, name, clock.now())));
    for (const place of places) {
      const area = AREA_OF[place.name];
      if (area) await store.placeRegister.update(tenant, { id: place.id, parentId: (await store.places.findOrCreate(tenant, area, clock.now())).id }, { actorId: 'u', now: clock.now() });
    }
    // Two years and a bit, so both ends of each year (local New Year's night) are crossed.
    const start = Date.parse('2024-12-20T00:00:00Z');
    const end = Date.parse('2027-01-10T00:00:00Z');
    for (let i = 0; i < 300; i += 1) {
      const place = r.pick(places);
      const m: Made = { occurredAt: new Date(start + Math.floor(r.next() * (end - start))), category: r.pick(INCIDENT_CATEGORIES.slice(0, 5)), placeName: place.name, school: r.pick(SCHOOLS) };
      made.push(m);
      await store.incidents.create(newReport(incidentFields(place.id, {
        occurredAt: m.occurredAt, category: m.category as never, organisation: r.pick(ORGANISATIONS) as never, placeName: place.name, school: m.school,
      })));
    }
    // Just after New Year in Stockholm, still 31 December in UTC: counted in 2026.
    made.push({ occurredAt: new Date('2025-12-31T23:30:00Z'), category: 'skadegorelse_klotter', placeName: 'Parken', school: null });
    await store.incidents.create(newReport(incidentFields(places[1]!.id, { occurredAt: new Date('2025-12-31T23:30:00Z'), category: 'skadegorelse_klotter', placeName: 'Parken', school: null })));
    // Activities at the register's schools (and some at none) over the same two years.
    const schools = new Map<string, string>();
    for (const name of ['Angsskolan', 'Bjorkskolan']) {
      const added = await store.schools.add(tenant, { name, stages: ['f-6'], placeId: null, contacts: [] }, curator);
      assert.ok(added.ok);
      schools.set(name, added.school.id);
    }
    for (let i = 0; i < 120; i += 1) {
      const a: MadeActivity = { date: new Date(start + Math.floor(r.next() * (end - start))).toISOString().slice(0, 10), school: r.pick(SCHOOLS) };
      madeActivities.push(a);
      await store.activities.create(newReport(activityFields({ date: a.date, schoolId: a.school === null ? null : schools.get(a.school)! })));
    }
    await store.activities.create(newReport(activityFields({ date: '2026-05-05', schoolId: schools.get('Angsskolan')! }), { origin: { ...origin, conversationId: 'elsewhere' } }));
    // Another conversation's incident is not in this conversation's report.
    await store.incidents.create(newReport(incidentFields(places[0]!.id, { occurredAt: new Date('2026-06-01T10:00:00Z') }), { origin: { ...origin, conversationId: 'elsewhere' } }));
  });
  after(async () => { await store.close(); });

  const { local, of, compare } = countsOf(made, 2026);

  it('counts incidents of the year, per quarter, category, place, area and school, each against the year before', async () => {
    const report = await builder().build(scope, 2026);
    const [year, before] = [of(2026), of(2025)];
    assert.deepEqual(report.incidents.total, { count: year.length, previousYear: before.length });
    const quarter = (m: Made) => Math.ceil(local(m).month / 3);
    assert.deepEqual(report.incidents.quarters, [1, 2, 3, 4].map((q) => ({
      quarter: q, count: year.filter((m) => quarter(m) === q).length, previousYear: before.filter((m) => quarter(m) === q).length,
    })));
    assert.deepEqual(rows(report.incidents.byCategory), compare((m) => m.category));
    assert.deepEqual(rows(report.incidents.byPlace), compare((m) => m.placeName));
    assert.deepEqual(rows(report.incidents.byArea), compare((m) => AREA_OF[m.placeName] ?? ''));
    assert.deepEqual(rows(report.schools.bySchool), compare((m) => m.school));
    assert.equal(report.period.partial, false, 'a past year is whole');
    assert.ok(report.incidents.total.count > 50 && report.incidents.total.previousYear > 50, 'the generated data fills both years');
  });

  it('counts the activities per register school, named from the register, against the year before', async () => {
    const report = await builder().build(scope, 2026);
    const year = (y: number) => madeActivities.filter((a) => a.date.startsWith(`${y}-`) && a.school !== null);
    const counted = (items: MadeActivity[], school: string) => items.filter((a) => a.school === school).length;
    const expected = ['Angsskolan', 'Bjorkskolan'].map((school) => ({ school, count: counted(year(2026), school), previousYear: counted(year(2025), school) }));
    assert.deepEqual([...report.schools.activities.bySchool].sort((a, b) => a.school!.localeCompare(b.school!)), expected);
    assert.ok(expected.every((e) => e.count > 5 && e.previousYear > 5), 'the generated activities fill both years');
    const view = annualReportView('sv', report);
    const section = view.sections.find((s) => s.title === 'Aktiviteter per skola')!;
    assert.deepEqual(section.tables[0]!.header, ['Skola', '2026', '2025', 'Förändring']);
    assert.deepEqual(section.tables[0]!.rows.map((row) => row[0]).sort(), ['Angsskolan', 'Bjorkskolan'], 'names from the register, never ids');
    assert.match(section.source, /aktiviteterna loggade/);
  });

  it('carries the promise register\'s year and names the source of every section', async () => {
    const report = await builder().build(scope, 2026);
    assert.equal(report.promises.promises[0]!.commitments[0]!.status, 'pagar');
    assert.equal(report.promises.meetings.length, 1);
    const view = annualReportView('sv', report);
    assert.ok(view.sections.every((s) => s.source.startsWith('Källa:')), 'every section says where its figures come from');
  });

  it('renders a Word file that opens again and holds every section, and a printable page with the same sections', async () => {
    const view = annualReportView('sv', await builder().build(scope, 2026));
    const JSZip = require('jszip') as typeof JSZipType;
    const zip = await JSZip.loadAsync(await annualReportDocx(view));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const t = messages('sv').annual;
    assert.ok(text.includes('Årsrapport 2026'));
    for (const title of ['Medborgarlöften: Tryggare centrum', ...Object.values(t.sections).filter((s) => s !== t.sections.promises)]) {
      assert.ok(text.includes(title), `the Word file has the section "${title}"`);
    }
    assert.ok(text.includes('Trygghetsvandringar varje kvartal') && text.includes('Fokus på centrum'));
    const html = annualReportHtml(view, 'Skriv ut');
    for (const s of view.sections) assert.ok(html.includes(`<h2>${s.title}</h2>`), s.title);
  });

  it('takes a year of four digits from 2000 to this year only', () => {
    const now = clock.now();
    assert.deepEqual(['2026', ' 2027 ', '2028', '1999', '26', 'i år', ''].map((a) => parseReportYear(a, now)), [2026, 2027, null, null, null, null, null]);
  });
});
