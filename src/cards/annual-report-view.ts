import type { AnnualReport } from '../domain/annual/annual-report';
import type { EffectCount } from '../domain/hotspots/effect';
import { format, messages, type Locale } from '../i18n/messages';
import { formatDay } from './formatting';
import { organisationCounts, organisationNames } from './organisation-names';
import { yearDocument, yearTables, type AnnualReportView, type AnnualSection } from './document-view';

// The årsrapport in the reader's language, as a yearly document (document-view.ts).

export type { AnnualCell, AnnualReportView, AnnualSection, AnnualTable } from './document-view';

export function annualReportView(locale: Locale, r: AnnualReport): AnnualReportView {
  const m = messages(locale);
  const t = m.annual;
  const c = t.columns;
  const zone = r.period.zone;
  const source = (s: keyof typeof t.source) => t.source[s];
  const previousYear = r.year - 1;
  const { yearHeader, rowsBy, yearRows, quarterRows: quarters, schoolRows: schools, total, none, table } = yearTables(r.year, t);
  const day = (d: string) => formatDay(d, locale, zone);

  const promises: AnnualSection[] = r.promises.promises.length === 0
    ? [{ title: t.sections.promises, source: source('promise_register'), paragraphs: [format(t.noPromises, { year: r.year })], tables: [] }]
    : r.promises.promises.map((p) => ({
      title: `${t.sections.promises}: ${p.promise.title}`,
      source: source('promise_register'),
      paragraphs: [p.promise.text],
      tables: table([c.commitment, c.responsible, c.period, c.status, c.activities, c.byOrganisation, c.last], p.commitments.map((x) => [
        x.commitment.text, organisationNames(m, x.commitment.organisations), `${day(x.commitment.periodFrom)} – ${day(x.commitment.periodTo)}`,
        m.promises.status[x.status], x.total, organisationCounts(m, x.byOrganisation),
        x.last ? `${day(x.last.date)} ${m.activityType[x.last.type]} (${x.last.ref})` : '',
      ])),
    }));

  const i = r.incidents;
  const quarterRows = quarters(i.quarters);
  const categoryRows = yearRows(i.byCategory, (k) => m.category[k as keyof typeof m.category] ?? k);
  const placeRows = yearRows(i.byPlace, (k) => k);
  const areaRows = yearRows(i.byArea, (k) => k || t.noArea);
  const activityRows = yearRows(r.activities.byType, (k) => m.activityType[k as keyof typeof m.activityType] ?? k);
  const hotspotRows = r.hotspots.worked.map((h) => [
    h.placeName, m.hotspots.state[h.state], m.organisation[h.ownerOrganisation], `${h.measuresDone}/${h.measures}`,
    h.effect ? beforeAfter(h.effect.place) : '', h.effect?.area ? beforeAfter(h.effect.area) : '',
  ]);
  const schoolRows = schools(r.schools.bySchool);
  const schoolActivityRows = rowsBy(r.schools.activities.bySchool, (s) => s.school ?? t.unknownSchool);
  const meetingRows = r.promises.meetings.map((x) => [day(x.date), organisationNames(m, x.organisations), x.decisions]);

  return yearDocument(locale, r, format(t.title, { year: r.year }), t.subtitle, [
      ...promises,
      {
        title: t.sections.incidents, source: source('incident_reports'),
        paragraphs: [total(i.total)], tables: [],
      },
      { title: t.sections.quarters, source: source('incident_reports'), paragraphs: [], tables: table(yearHeader(c.quarter), quarterRows) },
      { title: t.sections.categories, source: source('incident_reports'), paragraphs: none(categoryRows), tables: table(yearHeader(c.category), categoryRows) },
      { title: t.sections.areas, source: source('incident_reports'), paragraphs: none(areaRows), tables: table(yearHeader(c.area), areaRows) },
      { title: t.sections.places, source: source('incident_reports'), paragraphs: none(placeRows), tables: table(yearHeader(c.place), placeRows) },
      {
        title: t.sections.activities, source: source('activity_reports'),
        paragraphs: [format(t.activitiesTotal, { count: r.activities.total.count, previous: r.activities.total.previousYear, previousYear })],
        tables: table(yearHeader(c.type), activityRows),
      },
      {
        title: t.sections.hotspots, source: source('hotspot_register'), paragraphs: none(hotspotRows),
        tables: table([c.place, c.state, c.owner, c.measures, c.effectPlace, c.effectArea], hotspotRows),
      },
      {
        title: t.sections.schools, source: source('incident_reports'), paragraphs: none(schoolRows),
        tables: table([...yearHeader(c.school), c.youth], schoolRows),
      },
      {
        title: t.sections.schoolActivities, source: source('activity_reports'), paragraphs: none(schoolActivityRows),
        tables: table(yearHeader(c.school), schoolActivityRows),
      },
      {
        title: t.sections.meetings, source: source('promise_register'),
        paragraphs: meetingRows.length === 0 ? [format(t.noMeeting, { year: r.year })] : [],
        tables: table([c.date, c.organisations, c.decisions], meetingRows),
      },
  ]);
}

const beforeAfter = (x: EffectCount) => `${x.before} → ${x.after}`;
