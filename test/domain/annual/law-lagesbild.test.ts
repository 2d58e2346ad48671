import type { EstScale } from '../../../src/domain/est/est-week';
import assert from 'node:assert/strict';
import type JSZipType from 'jszip';
import { lawLagesbildView } from '../../../src/cards/law-lagesbild-view';
import { LawLagesbildBuilder } from '../../../src/domain/annual/law-lagesbild';
import { areasOf } from '../../../src/domain/est/est-service';
import { emergingHotspots } from '../../../src/domain/hotspots/emerging-hotspots';
import type { HotspotView } from '../../../src/domain/hotspots/hotspot-service';
import type { Store } from '../../../src/domain/ports/store.port';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../../src/domain/vocabulary';
import { annualReportDocx } from '../../../src/http/annual-report-docx';
import { annualReportHtml } from '../../../src/http/annual-report-html';
import { messages } from '../../../src/i18n/messages';
import { createStore } from '../../../src/store/create-store';
import { StepClock } from '../../lagesbild/digest-fixtures';
import { incidentFields, newReport, origin, tenant } from '../../store/store-fixtures';
import { countsOf, followUp, random, rows } from './yearly-fixtures';

// The lägesbild enligt lag built from generated data over two years (areas, places, categories,
// severities, young people, schools, EST assessments, hot spots with measures, commitments), every
// figure recomputed here from what the test inserted (plain loops over local Stockholm days, no SQL).

const PLACES = ['Stora torget', 'Parken', 'Stationen', 'Hamnen'];
const AREA_OF: Record<string, string | null> = { 'Stora torget': 'Centrum', Parken: 'Söder', Stationen: 'Centrum', Hamnen: null, Kvarnen: 'Söder' };
const SCHOOLS = [null, null, 'Angsskolan', 'Bjorkskolan'];

interface Made { occurredAt: Date; category: string; severity: string; placeName: string; school: string | null; youth: number | null }

/** A hot spot with three measures: one open, one done in the year, one done the year before (not in the plan). */
const hotspotView = (placeName: string): HotspotView => ({
  hotspot: { placeName } as HotspotView['hotspot'],
  measures: [
    { id: 'm1', hotspotId: 'h1', what: 'Bättre belysning vid busskuren', organisation: 'kommunen', dueDate: '2027-02-01', doneAt: null, reminded: false, createdBy: { userId: 'u', name: 'U' }, createdAt: new Date('2026-05-01T10:00:00Z') },
    { id: 'm2', hotspotId: 'h1', what: 'Klottersanering', organisation: 'fastighetsbolag', dueDate: '2026-06-01', doneAt: new Date('2026-05-20T10:00:00Z'), reminded: false, createdBy: { userId: 'u', name: 'U' }, createdAt: new Date('2026-05-01T10:00:00Z') },
    { id: 'm3', hotspotId: 'h1', what: 'Gammal åtgärd', organisation: 'polisen', dueDate: null, doneAt: new Date('2025-05-20T10:00:00Z'), reminded: false, createdBy: { userId: 'u', name: 'U' }, createdAt: new Date('2025-05-01T10:00:00Z') },
  ],
  incidents: [], timelineWeeks: 8, activities: [], area: null, effect: null,
});

describe('the lägesbild enligt lag on generated data', function () {
  this.timeout(60_000);
  let store: Store;
  const made: Made[] = [];
  const clock = new StepClock(new Date('2027-01-15T09:00:00Z'));
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };
  const ANALYSIS = 'Ökningen i <Centrum> & "Söder" hänger ihop med kvällarna.\n\nVi föreslår fler vandringar.';
  const builder = (scale: EstScale | null = null) => new LawLagesbildBuilder({
    aggregates: store.lagesbild,
    promises: { followUp: async (_s, y) => followUp(y) },
    hotspots: { views: async () => [hotspotView('Stora torget')] },
    emerging: { emerging: (s, at) => emergingHotspots(store, s, at) },
    est: { areas: async (s) => areasOf(await store.placeRegister.all(s, 5000)), assessments: (s, weeks) => store.est.assessments(s, weeks), scale },
    analyses: store.lawAnalyses,
  }, clock);

  before(async () => {
    store = await createStore('sqlite::memory:');
    const r = random(20260101);
    const at = new Date('2024-06-01T00:00:00Z');
    const byName = new Map<string, string>();
    for (const name of [...PLACES, 'Kvarnen', 'Centrum', 'Söder']) byName.set(name, (await store.places.findOrCreate(tenant, name, at)).id);
    for (const [name, area] of Object.entries(AREA_OF)) {
      if (area) await store.placeRegister.update(tenant, { id: byName.get(name)!, parentId: byName.get(area)! }, { actorId: 'u', now: at });
    }
    const add = async (m: Made) => {
      made.push(m);
      await store.incidents.create(newReport(incidentFields(byName.get(m.placeName)!, {
        occurredAt: m.occurredAt, category: m.category as never, severity: m.severity as never, placeName: m.placeName, school: m.school, youthInvolved: m.youth,
      })));
    };
    const start = Date.parse('2024-12-20T00:00:00Z');
    const end = Date.parse('2026-12-20T00:00:00Z');
    for (let i = 0; i < 300; i += 1) {
      await add({
        occurredAt: new Date(start + Math.floor(r.next() * (end - start))), category: r.pick(INCIDENT_CATEGORIES.slice(0, 6)), severity: r.pick(SEVERITIES),
        placeName: r.pick(PLACES), school: r.pick(SCHOOLS), youth: r.pick([null, null, 0, 1, 2, 4]),
      });
    }
    // A new hot spot at the year's end: a quiet place with six incidents in its last week.
    for (let i = 0; i < 6; i += 1) {
      await add({ occurredAt: new Date(Date.parse('2026-12-29T18:00:00Z') + i * 3_600_000), category: 'brand', severity: 'hog', placeName: 'Kvarnen', school: null, youth: 1 });
    }
    // Another conversation's incident is in no figure of this one.
    await store.incidents.create(newReport(incidentFields(byName.get('Parken')!, { occurredAt: new Date('2026-06-01T10:00:00Z') }), { origin: { ...origin, conversationId: 'elsewhere' } }));
    // EST: Centrum goes from grön to röd over the year, Söder gets better, and Centrum's red of the year before does not count.
    const assess = (area: string, weekStart: string, level: 1 | 2 | 3) =>
      store.est.saveAssessment(scope, { areaId: byName.get(area)!, weekStart, level, reason: 'x', setBy: 'u', setAt: at });
    await assess('Centrum', '2025-12-29', 3);
    await assess('Centrum', '2026-02-02', 1);
    await assess('Centrum', '2026-06-01', 2);
    await assess('Centrum', '2026-11-30', 3);
    await assess('Söder', '2026-02-02', 3);
    await assess('Söder', '2026-11-30', 1);
    await store.lawAnalyses.save(scope, { year: 2026, text: ANALYSIS, updatedBy: 'u', updatedAt: clock.now() });
  });
  after(async () => { await store.close(); });

  const { local, of, compare } = countsOf(made, 2026);

  it('maps the extent: by category, area (the register\'s parents), quarter and month, each against the year before', async () => {
    const doc = await builder().build(scope, 2026);
    const e = doc.extent;
    assert.deepEqual(e.total, { count: of(2026).length, previousYear: of(2025).length });
    assert.deepEqual(rows(e.byCategory), compare((m) => m.category));
    assert.deepEqual(rows(e.byArea), compare((m) => AREA_OF[m.placeName] ?? ''));
    assert.deepEqual(e.months, Array.from({ length: 12 }, (_, i) => ({
      month: i + 1, count: of(2026).filter((m) => local(m).month === i + 1).length, previousYear: of(2025).filter((m) => local(m).month === i + 1).length,
    })));
    const quarter = (m: Made) => Math.ceil(local(m).month / 3);
    assert.deepEqual(e.quarters, [1, 2, 3, 4].map((q) => ({
      quarter: q, count: of(2026).filter((m) => quarter(m) === q).length, previousYear: of(2025).filter((m) => quarter(m) === q).length,
    })));
    assert.ok(e.total.count > 100 && e.total.previousYear > 100, 'the generated data fills both years');
  });

  it('maps the consequences as recorded: severity, the places most affected, young people (counts only) and schools', async () => {
    const c = (await builder().build(scope, 2026)).consequences;
    assert.deepEqual(rows(c.bySeverity), compare((m) => m.severity));
    const places = [...compare((m) => m.placeName)].filter(([, [n]]) => n! > 0).sort((a, b) => b[1][0]! - a[1][0]! || b[1][1]! - a[1][1]! || a[0].localeCompare(b[0]));
    assert.deepEqual(c.topPlaces.map((p) => [p.key, p.count, p.previousYear]), places.map(([k, [n, p]]) => [k, n, p]));
    const youth = (items: Made[]) => items.reduce((n, m) => n + (m.youth ?? 0), 0);
    assert.deepEqual([c.youth.count, c.youth.previousYear], [youth(of(2026)), youth(of(2025))]);
    const youthByCategory = new Map<string, number>();
    for (const m of of(2026)) if ((m.youth ?? 0) > 0) youthByCategory.set(m.category, (youthByCategory.get(m.category) ?? 0) + m.youth!);
    assert.deepEqual(new Map(c.youth.byCategory.map((y) => [y.key, y.youth])), youthByCategory);
    assert.deepEqual(rows(c.bySchool), compare((m) => m.school));
    for (const s of c.bySchool) {
      assert.equal(s.youth, of(2026).some((m) => m.school === s.key && m.youth !== null) ? youth(of(2026).filter((m) => m.school === s.key)) : null, s.key);
    }
  });

  it('writes out the analysis: the new hot spot, the area that worsened, the categories that rose most, and the coordinator\'s text', async () => {
    const a = (await builder().build(scope, 2026)).analysis;
    const kvarnen = a.hotspots.findings.find((f) => f.placeName === 'Kvarnen');
    assert.deepEqual(kvarnen && [kvarnen.label, kvarnen.latest, kvarnen.hasHotspot], ['ny', 6, false], 'a spike after quiet weeks is a new hot spot');
    assert.deepEqual(a.areas.worsened.map((w) => [w.areaName, w.from.level, w.from.weekStart, w.to.level, w.to.weekStart]), [['Centrum', 1, '2026-02-02', 3, '2026-11-30']]);
    const rising = [...compare((m) => m.category)].filter(([, [n, p]]) => n! > p!).sort((x, y) => (y[1][0]! - y[1][1]!) - (x[1][0]! - x[1][1]!) || x[0].localeCompare(y[0])).slice(0, 3);
    assert.deepEqual(a.categories.rising.map((x) => x.key), rising.map(([k]) => k));
    assert.equal(a.coordinator.analysis?.text, ANALYSIS);
  });

  it('drafts the åtgärdsplan: open and this year\'s measures of the hot spots, and the commitments, each with who and when', async () => {
    const plan = (await builder().build(scope, 2026)).actionPlan.items;
    assert.deepEqual(plan.map((p) => [p.what, p.responsible.join(','), p.source]), [
      ['Bättre belysning vid busskuren', 'kommunen', 'hotspot_register'],
      ['Klottersanering', 'fastighetsbolag', 'hotspot_register'],
      ['Trygghetsvandringar varje kvartal', 'polisen,kommunen', 'promise_register'],
    ]);
    const view = lawLagesbildView('sv', await builder().build(scope, 2026));
    const planSection = view.sections.find((s) => s.title === messages('sv').law.sections.plan)!;
    assert.deepEqual(planSection.tables[0]!.header, ['Åtgärd', 'Ansvarig', 'Tid', 'Status', 'Källa']);
    assert.deepEqual(planSection.tables[0]!.rows.map((r) => [r[3], r[4]]), [
      ['pågår', 'Hot spot: Stora torget'], ['klar', 'Hot spot: Stora torget'], [messages('sv').promises.status.pagar, 'Medborgarlöfte: Tryggare centrum'],
    ]);
  });

  it('renders a Word file that opens again with every section and the analysis, and a page that escapes the text; every section names its source', async () => {
    const view = lawLagesbildView('sv', await builder().build(scope, 2026));
    const t = messages('sv').law;
    assert.ok(view.sections.filter((s) => s.title !== t.sections.sources).every((s) => s.source.startsWith('Källa:')), 'every section says where its figures come from');
    const JSZip = require('jszip') as typeof JSZipType;
    const xml = await (await JSZip.loadAsync(await annualReportDocx(view))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const title of Object.values(t.sections)) assert.ok(text.includes(title), `the Word file has "${title}"`);
    assert.ok(text.includes('Ökningen i <Centrum> & "Söder" hänger ihop med kvällarna.') && text.includes('Vi föreslår fler vandringar.'));
    assert.ok(text.includes('Kvarnen: ny'), 'the finding is written out');
    assert.ok(text.includes('Centrum: läget försämrades från grön (vecka 6) till röd (vecka 49)'));
    const html = annualReportHtml(view, 'Skriv ut');
    assert.ok(html.includes('Ökningen i &lt;Centrum&gt; &amp; &quot;Söder&quot;') && !html.includes('<Centrum>'));
    for (const s of view.sections) assert.ok(html.includes(`<h2>${s.title.replace(/&/g, '&amp;')}</h2>`), s.title);
  });

  it('names the EST levels as the lägesbild does: with the configured scale (EST_SCALE) when there is one', async () => {
    const view = lawLagesbildView('sv', await builder(['lugnt', 'oroande', 'allvarligt']).build(scope, 2026));
    const text = view.sections.flatMap((s) => s.paragraphs).join('\n');
    assert.ok(text.includes('Centrum: läget försämrades från lugnt (vecka 6) till allvarligt (vecka 49)'), text);
  });
});
