import { DateTime } from 'luxon';
import type { FigureSource } from '../domain/annual/annual-report';
import type { LawHotspotFinding, LawLagesbild } from '../domain/annual/law-lagesbild';
import type { PlannedMeasure } from '../domain/annual/law-findings';
import { format, messages, type Locale } from '../i18n/messages';
import { levelLabel } from './est-cards';
import { culture, formatDay, formatWhen } from './formatting';
import { organisationNames } from './organisation-names';
import { yearDocument, yearTables, type AnnualCell, type AnnualReportView, type AnnualSection } from './document-view';

// The lägesbild enligt lag in the reader's language, as the same document view as the årsrapport: the
// printable page and the Word file render it with the årsrapport's renderers. Sections follow SFS
// 2023:196: kartläggning (omfattning, konsekvenser), analys, utkast till åtgärdsplan, källor.

export function lawLagesbildView(locale: Locale, r: LawLagesbild): AnnualReportView {
  const m = messages(locale);
  const t = m.law;
  const a = m.annual;
  const zone = r.period.zone;
  const previousYear = r.year - 1;
  const { change, yearHeader, rowsBy, yearRows, quarterRows: quarters, schoolRows: schools, total, none, table } = yearTables(r.year, a);
  const sources = { ...a.source, ...t.source };
  const source = (s: FigureSource) => sources[s];
  const category = (k: string) => m.category[k as keyof typeof m.category] ?? k;
  const section = (title: string, s: FigureSource, paragraphs: string[], tables: AnnualSection['tables'] = []): AnnualSection =>
    ({ title, source: source(s), paragraphs, tables });

  const e = r.extent;
  const categoryRows = yearRows(e.byCategory, category);
  const areaRows = yearRows(e.byArea, (k) => k || a.noArea);
  const quarterRows = quarters(e.quarters);
  const monthName = (month: number) => DateTime.fromObject({ year: r.year, month, day: 1 }).setLocale(culture(locale)).toFormat('LLLL');
  const monthRows = rowsBy(e.months, (x) => monthName(x.month));

  const c = r.consequences;
  const severityRows = yearRows(c.bySeverity, (k) => m.severity[k as keyof typeof m.severity] ?? k);
  const placeRows = yearRows(c.topPlaces, (k) => k);
  const youthRows = c.youth.byCategory.map((y) => [category(y.key), y.youth]);
  const schoolRows = schools(c.bySchool);

  const an = r.analysis;
  const findings = an.hotspots.findings.map((f) => findingText(locale, f));
  const worsened = an.areas.worsened.map((w) => format(t.worsened, {
    area: w.areaName, from: levelLabel(locale, w.from.level, an.areas.scale), fromWeek: DateTime.fromISO(w.from.weekStart).weekNumber,
    to: levelLabel(locale, w.to.level, an.areas.scale), toWeek: DateTime.fromISO(w.to.weekStart).weekNumber,
  }));
  const rose = an.categories.rising.map((x) => format(t.rose, { category: category(x.key), count: x.count, previous: x.previousYear, previousYear, change: change(x) }));
  const own = an.coordinator.analysis;

  const planRows = r.actionPlan.items.map((p) => planRow(locale, zone, p));
  const used: FigureSource[] = ['incident_reports', 'emerging_rule', 'est_assessments', 'coordinator_analysis', ...r.actionPlan.sources];

  return yearDocument(locale, r, format(t.title, { year: r.year }), t.subtitle, [
    section(t.sections.extent, e.source, [total(e.total), ...none(categoryRows)],
      table(yearHeader(a.columns.category), categoryRows)),
    section(t.sections.areas, e.source, none(areaRows), table(yearHeader(a.columns.area), areaRows)),
    section(t.sections.quarters, e.source, [], table(yearHeader(a.columns.quarter), quarterRows)),
    section(t.sections.months, e.source, [], table(yearHeader(t.columns.month), monthRows)),
    section(t.sections.severity, c.source, none(severityRows), table(yearHeader(t.columns.severity), severityRows)),
    section(t.sections.places, c.source, none(placeRows), table(yearHeader(a.columns.place), placeRows)),
    section(t.sections.groups, c.source,
      [c.youth.count === null ? t.youthUnknown : format(t.youthTotal, { count: c.youth.count, previous: c.youth.previousYear ?? 0, previousYear })],
      table([a.columns.category, a.columns.youth], youthRows)),
    section(t.sections.schools, c.source, none(schoolRows), table([...yearHeader(a.columns.school), a.columns.youth], schoolRows)),
    section(t.sections.hotspots, an.hotspots.source,
      [format(t.ruleAt, { day: formatWhen(an.hotspots.at, locale, zone, 'd MMMM yyyy') }), ...(findings.length === 0 ? [t.noFindings] : findings)]),
    section(t.sections.estAreas, an.areas.source, worsened.length === 0 ? [t.noWorsened] : worsened),
    section(t.sections.categories, an.categories.source, rose.length === 0 ? [t.noneRose] : rose),
    section(t.sections.coordinator, an.coordinator.source,
      own ? [...own.text.split(/\n{2,}/), format(t.analysisChanged, { at: formatWhen(own.updatedAt, locale, zone) })] : [t.noAnalysis]),
    {
      title: t.sections.plan, source: r.actionPlan.sources.map(source).join(' '), paragraphs: planRows.length === 0 ? [t.noPlan] : [],
      tables: table([t.columns.what, t.columns.responsible, t.columns.time, t.columns.status, t.columns.source], planRows),
    },
    { title: t.sections.sources, source: '', paragraphs: [t.sourcesIntro, ...[...new Set(used)].map(source)], tables: [] },
  ]);
}

function findingText(locale: Locale, f: LawHotspotFinding): string {
  const t = messages(locale).law;
  const number = (n: number) => n.toLocaleString(culture(locale), { maximumFractionDigits: 1 });
  const text = format(t.finding[f.label], { place: f.placeName, latest: f.latest, baseline: number(f.baselineMean), slope: number(f.slope ?? 0) });
  return f.hasHotspot ? text : format(t.proposal, { finding: text });
}

function planRow(locale: Locale, zone: string, p: PlannedMeasure): AnnualCell[] {
  const m = messages(locale);
  const t = m.law.plan;
  const day = (d: string) => formatDay(d, locale, zone);
  const responsible = organisationNames(m, p.responsible);
  if (p.source === 'hotspot_register') {
    const time = p.doneAt ? format(t.done, { day: formatWhen(p.doneAt, locale, zone, 'd LLL yyyy') }) : p.dueDate ? format(t.due, { day: day(p.dueDate) }) : t.noDue;
    return [p.what, responsible, time, p.doneAt ? t.finished : t.open, format(t.hotspot, { place: p.placeName })];
  }
  return [p.what, responsible, `${day(p.periodFrom)} – ${day(p.periodTo)}`, m.promises.status[p.status], format(t.promise, { title: p.promiseTitle })];
}
