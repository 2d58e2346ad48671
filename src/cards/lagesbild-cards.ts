import type { SubscriptionView } from '../domain/digests/subscription-service';
import type { Lagesbild } from '../domain/lagesbild/lagesbild';
import type { Period } from '../domain/periods';
import { format, messages, type Locale, type Room } from '../i18n/messages';
import type { AdaptiveCard } from './card-schema';
import { formatWhen } from './formatting';
import { lagesbildView, periodLabel, type ViewSection } from './lagesbild-view';
import { LAGESBILD_VERBS } from './lagesbild-verbs';
import { render, safeText } from './render';
import { notice } from './report-cards';
import { exportLinkCard, exportReadyCard, type ExportRefreshData } from './templates/export-link.card';
import { LAW_VERBS } from './law-verbs';
import { helpCard } from './templates/help.card';
import { lagesbildCard, type LagesbildEstPart } from './templates/lagesbild.card';
import { areaLines, legend, priorityLines, tertialLabel } from './est-cards';
import { EST_VERBS } from './est-verbs';
import type { EstPicture } from '../domain/est/est-service';

/** Place and school names and measures came from users: shown literally, like every typed text. */
const safeSection = (s: ViewSection): ViewSection => ({
  ...s, rows: s.rows.map((r) => ({ label: safeText(r.label), value: safeText(r.value) })),
});

/** The lägesbild card; with the EST week's picture (on demand, in a conversation) its priority areas and areas' weeks. */
export function lagesbild(locale: Locale, l: Lagesbild, est?: EstPicture): AdaptiveCard {
  const view = lagesbildView(locale, l);
  return render(lagesbildCard, {
    ...view,
    est: estPart(locale, est),
    summary: { ...view.summary, groups: view.summary.groups.map((g) => ({ ...g, lines: g.lines.map(safeText) })) },
    sections: view.sections.map(safeSection),
  });
}

/** The schedule in words: "varje måndag kl. 07:30". */
export function scheduleText(locale: Locale, s: SubscriptionView['subscription']): string {
  const t = messages(locale).lagesbild;
  return s.cadence === 'daily'
    ? format(t.subscription.daily, { time: s.time })
    : format(t.subscription.weekly, { weekday: t.weekdays[s.weekday! - 1] ?? '', time: s.time });
}

/**
 * The confirmation and status card of a subscription; `null` says there is none. "Avsluta prenumeration"
 * is shown only when `mayChange` (a coordinator's view); the server checks the right whatever is shown.
 */
export function subscription(
  locale: Locale, view: SubscriptionView | null, zone: string, justSubscribed = false, room?: Room, mayChange = false,
): AdaptiveCard {
  const t = messages(locale, room).lagesbild.subscription;
  if (!view) return notice(t.none, { title: t.title });
  const { subscription: s, next, lastDelivery } = view;
  const text = s.status === 'paused'
    ? format(t.paused, { reason: s.pausedReason ?? '' })
    : justSubscribed ? format(t.subscribed, { when: scheduleText(locale, s) }) : scheduleText(locale, s);
  return render(helpCard, {
    title: t.title,
    text,
    commands: [
      ...(s.status === 'active' ? [{ title: t.next, value: formatWhen(next, locale, zone, 'cccc d LLL HH:mm') }] : []),
      ...(lastDelivery ? [{
        title: t.last, value: `${formatWhen(lastDelivery.scheduledFor, locale, zone, 'd LLL HH:mm')} (${t.status[lastDelivery.status]})`,
      }] : []),
    ],
    footnote: '',
    actions: [{ title: t.showNow, verb: LAGESBILD_VERBS.showNow }, ...(mayChange ? [{ title: t.unsubscribe, verb: LAGESBILD_VERBS.unsubscribe }] : [])],
  });
}

export function unsubscribed(locale: Locale, removed: boolean, room?: Room): AdaptiveCard {
  const t = messages(locale, room).lagesbild.subscription;
  return notice(removed ? t.stopped : t.notSubscribed, { title: t.title, tone: removed ? 'good' : 'default' });
}

/** Who an export's links are for: the requester's Teams user id, and the export. */
export interface ExportAudience {
  exportId: string;
  /** Set when the export answers `lägesbild enligt lag`: its card shows that document's links. */
  document?: 'law';
  /** The Teams user id (29:…) of the coordinator who asked: only their clients fetch the links. */
  requesterChatId: string;
  requesterName: string;
}

const refreshFor = (a: ExportAudience): ExportRefreshData => ({
  userIds: [a.requesterChatId], data: { exportId: a.exportId, ...(a.document ? { document: a.document } : {}) },
});

/**
 * The export card posted in the channel: no links. Whose they are, until when, and a refresh that
 * shows the links to the requester alone.
 */
export function exportReady(locale: Locale, period: Period, expiresAt: Date, audience: ExportAudience, title?: string): AdaptiveCard {
  const t = messages(locale).lagesbild.export;
  const name = safeText(audience.requesterName);
  return render(exportReadyCard, {
    title: title ?? t.title,
    periodLabel: periodLabel(period, locale),
    text: format(t.ready, { name, until: formatWhen(expiresAt, locale, period.zone, 'HH:mm') }),
    showLinks: format(t.showLinks, { name }),
    refresh: refreshFor(audience),
  });
}

/** The addresses of an export's files; the årsrapport's serve a year's export only. */
export interface ExportUrls {
  csv: string;
  html: string;
  annualHtml: string;
  annualDocx: string;
  lawHtml: string;
  lawDocx: string;
}

/** The lägesbild enligt lag's analysis on its links card: whether it is written, and its button. */
export interface ExportAnalysis {
  text: string;
  button: { title: string; verb: string; data: { year: number } };
}

/** The requester's own view of the export card: the links (answered to their client only, never posted). */
export function exportLinks(
  locale: Locale, period: Period, links: ExportUrls, expiresAt: Date, audience: ExportAudience, room?: Room, analysis: ExportAnalysis | null = null,
): AdaptiveCard {
  const t = messages(locale, room).lagesbild.export;
  const a = messages(locale).annual.command;
  const law = messages(locale).law.command;
  const lawLinks = audience.document === 'law' && period.kind === 'year';
  return render(exportLinkCard, {
    title: lawLinks ? format(law.title, { year: period.firstDay.slice(0, 4) }) : t.title,
    periodLabel: periodLabel(period, locale),
    text: format(t.text, { until: formatWhen(expiresAt, locale, period.zone, 'HH:mm') }),
    links: lawLinks
      // The lägesbild enligt lag: its page and Word file.
      ? [{ title: law.html, url: links.lawHtml }, { title: law.docx, url: links.lawDocx }]
      : period.kind === 'year'
        // A year's export carries the årsrapport: its two links first.
        ? [{ title: a.html, url: links.annualHtml }, { title: a.docx, url: links.annualDocx }, { title: t.csv, url: links.csv }, { title: t.html, url: links.html }]
        : [{ title: t.csv, url: links.csv }, { title: t.html, url: links.html }],
    newLinks: t.newLinks,
    refresh: refreshFor(audience),
    analysis: lawLinks && analysis ? { show: true, ...analysis } : { show: false, text: '', button: { title: '', verb: LAW_VERBS.openAnalysis, data: { year: 0 } } },
  });
}

/** The requester's view once the export has expired: no links, no refresh. */
export function exportExpired(locale: Locale, period: Period, room?: Room): AdaptiveCard {
  const t = messages(locale, room).lagesbild.export;
  return notice(`${periodLabel(period, locale)}: ${t.linksExpired}`, { title: t.title });
}

/** A problem with what was typed, said plainly. */
export function problem(locale: Locale, text: string, title = messages(locale).lagesbild.title): AdaptiveCard {
  return notice(text, { title, tone: 'attention' });
}

/** The EST part of the lägesbild card: priority areas at the top, the areas' weeks and "Bedöm områden" below. */
function estPart(locale: Locale, est: EstPicture | undefined): LagesbildEstPart {
  const t = messages(locale).est;
  const priorities = est ? priorityLines(locale, est) : [];
  return {
    visible: est !== undefined,
    prioritiesTitle: est ? format(priorities.length > 0 ? t.prioritiesTitle : t.prioritiesNone, { tertial: tertialLabel(locale, est.tertial) }) : '',
    priorities,
    areasTitle: t.areasTitle,
    areas: est ? areaLines(locale, est) : [],
    legend: legend(locale, est?.scale ?? null),
    assess: { title: t.buttons.areas, verb: EST_VERBS.areas },
  };
}
