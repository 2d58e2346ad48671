import type { Report, ReportKind, ReportSummary } from '../domain/report';
import type { ReportStatus } from '../domain/vocabulary';
import { format, messages, type Locale } from '../i18n/messages';
import type { AdaptiveCard, CardElement } from './card-schema';
import { formatDay, formatOccurred, formatWhen } from './formatting';
import { render, safeText } from './render';
import { searchResultCard, unfoldedReportCard, type ReportBriefCardData } from './templates/report-brief.card';
import { VERBS } from './verbs';

// The message extension's cards: a report in brief (a search result, a report link unfolded) and the
// saved card linked to the message it came from. A brief report holds no free text and no person:
// number, category or type, place, status and day only.

/** What a report in brief shows. */
export interface ReportBrief {
  kind: ReportKind;
  id: string;
  ref: string;
  /** Incident category or activity type code. */
  topic: string;
  placeName: string | null;
  status: ReportStatus;
  /** The day it happened (incident), was done (activity) or, for a summary, was reported; already formatted. */
  day: string;
}

/** Adaptive Cards 1.3: the version Teams renders for link unfurling on every client. */
export interface CompactCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.3';
  body: CardElement[];
}

export function briefOfReport(report: Report, locale: Locale): ReportBrief {
  const incident = report.kind === 'incident';
  return {
    kind: report.kind, id: report.id, ref: report.ref, status: report.status, placeName: report.placeName,
    topic: incident ? report.category : report.type,
    day: incident ? formatWhen(report.occurredAt, locale, undefined, 'd LLL yyyy') : formatDay(report.date, locale),
  };
}

/** Dated like briefOfReport: by when it happened, not when it was registered. */
export function briefOfSummary(summary: ReportSummary, locale: Locale): ReportBrief {
  return { ...summary, day: formatOccurred(summary.occurred, locale, true) };
}

/** The label of a category or activity type code ('' for a code the catalogue does not know). */
export function topicLabel(locale: Locale, kind: ReportKind, topic: string): string {
  const m = messages(locale);
  const labels: Record<string, string> = kind === 'incident' ? m.category : m.activityType;
  return labels[topic] ?? '';
}

/** Every label a category or type code has, in both languages: what a search matches against. */
export function topicLabels(topic: string): string[] {
  return (['sv', 'en'] as const).flatMap((locale) => {
    const m = messages(locale);
    return [(m.category as Record<string, string>)[topic], (m.activityType as Record<string, string>)[topic]].filter((l): l is string => !!l);
  });
}

/** The brief as a template's data: number as the title, then category or type, place (when there is one), status, day. */
function briefData(locale: Locale, brief: ReportBrief): ReportBriefCardData {
  const m = messages(locale);
  const s = m.saved;
  const incident = brief.kind === 'incident';
  return {
    title: format(incident ? s.incidentTitle : s.activityTitle, { ref: brief.ref }),
    facts: [
      { title: incident ? s.category : s.type, value: topicLabel(locale, brief.kind, brief.topic) },
      ...(brief.placeName ? [{ title: s.place, value: safeText(brief.placeName) }] : []),
      // Only incidents have a status.
      ...(incident ? [{ title: s.status, value: m.status[brief.status] }] : []),
      { title: s.date, value: brief.day },
    ],
  };
}

/** A report link unfolded: Adaptive Cards 1.3, no actions, nothing personal. */
export function reportLinkCard(locale: Locale, brief: ReportBrief): CompactCard {
  const { body } = render(unfoldedReportCard, briefData(locale, brief));
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', body };
}

/** A search result inserted into a message: the brief, and a button that shows the report to whoever may see it. */
export function reportResultCard(locale: Locale, brief: ReportBrief): AdaptiveCard {
  const show = { title: messages(locale).extension.show, verb: VERBS.showReport, data: { kind: brief.kind, id: brief.id } };
  return render(searchResultCard, { ...briefData(locale, brief), show });
}

/** The preview line of a search result: number and category, place. */
export function resultPreview(locale: Locale, brief: ReportBrief): { title: string; text: string } {
  const place = brief.placeName ? `, ${brief.placeName}` : '';
  const status = brief.kind === 'incident' ? ` · ${messages(locale).status[brief.status]}` : '';
  return { title: brief.ref, text: `${topicLabel(locale, brief.kind, brief.topic)}${place}${status}` };
}

/** Teams' own addresses of a message ("Copy link"); anything else is not linked to. */
export function isTeamsMessageLink(url: string): boolean {
  return /^https:\/\/teams\.(microsoft\.com|cloud\.microsoft)\//.test(url) && url.length <= 2000;
}

/** The saved report's card with a line saying it came from a message, and a button that opens that message. */
export function withSourceMessage(locale: Locale, saved: AdaptiveCard, link: string | null): AdaptiveCard {
  const m = messages(locale).extension;
  if (!link || !isTeamsMessageLink(link)) return saved;
  return { ...saved, body: [...saved.body, { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: m.openMessage, url: link }] }] };
}
