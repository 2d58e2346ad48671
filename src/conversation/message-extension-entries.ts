import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import {
  briefOfReport, briefOfSummary, reportLinkCard, reportResultCard, resultPreview, topicLabels, type CompactCard,
} from '../cards/extension-cards';
import type { Target } from '../domain/access-policy';
import { categoryNamedIn, placeNamedIn } from '../domain/hotspots/message-guess';
import { LIMITS } from '../domain/limits';
import type { PlaceRegisterRepository } from '../domain/ports/place-register.port';
import { PLACE_REGISTER_MAX } from '../domain/places/place-register';
import { findPersonalData } from '../domain/privacy/personal-data-guard';
import type { ReportFinder } from '../domain/report-finder';
import type { ReportingService } from '../domain/reporting-service';
import type { ChatContext } from './chat-context';
import { newActivityValues, newIncidentValues } from './form-values';
import { verb, type TargetSpec, type VerbEntry } from './registry/entries';
import { extension, type ExtensionEntry } from './registry/extension-entry';
import { noTarget } from './registry/targets';
import type { ReportViews } from './report-views';

// The message extension: a report started from a message someone wrote, the search for a report of
// the conversation, and a report link unfolded. Saving goes through the ordinary submit verbs.

export const EXTENSION_VERBS = { reportForm: 'extensionReportForm' } as const;

/** The longest message text taken over; the form's own limit then applies to what is kept. */
const MESSAGE_TEXT_MAX = 20_000;

export interface ExtensionDeps {
  reporting: ReportingService;
  views: ReportViews;
  register: Pick<PlaceRegisterRepository, 'all'>;
  finder: ReportFinder;
}

export interface SearchResult {
  card: AdaptiveCard;
  preview: { title: string; text: string };
}

export interface ExtensionEntries {
  search: ExtensionEntry<SearchResult[]>;
  /** The brief card of a report link, for a report within the caller's scope; the loader finds nothing elsewhere. */
  unfurl: ExtensionEntry<CompactCard>;
}

const formPayload = z.object({
  kind: z.enum(['incident', 'activity']),
  /** The message as plain text (the Teams edge removed its HTML). */
  text: z.string().max(MESSAGE_TEXT_MAX),
  /** When the message was written (ISO 8601): the report's time. */
  createdAt: z.string().max(40).optional(),
});

/** The verb that draws the form of a report started from a message. */
export function extensionVerbs(d: ExtensionDeps): VerbEntry[] {
  return [
    verb({
      verb: EXTENSION_VERBS.reportForm, payload: formPayload, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx, payload }) => formFromMessage(d, ctx, payload),
    }),
  ];
}

/**
 * The form filled from the message: its text as description (or notes), its time, and the place and
 * category its words name in the tenant's register. Personal data in the text is warned about on the
 * card before anything is saved (saving then masks it).
 */
async function formFromMessage(d: ExtensionDeps, ctx: ChatContext, p: z.output<typeof formPayload>): Promise<AdaptiveCard> {
  const text = p.text.trim().slice(0, p.kind === 'incident' ? LIMITS.descriptionMax : LIMITS.notesMax);
  const written = p.createdAt ? new Date(p.createdAt) : null;
  const now = d.views.now();
  const at = written && !Number.isNaN(written.getTime()) && written.getTime() <= now.getTime() ? written : now;
  const [register, choices, defaults] = await Promise.all([
    d.register.all(ctx.scope, PLACE_REGISTER_MAX), d.reporting.placeChoices(ctx.scope), d.reporting.defaultsFor(ctx.scope, ctx.actor),
  ]);
  const place = placeNamedIn(text, register);
  // A place the form's list does not offer is named instead; saving finds the same place by its name.
  const placeValues = !place ? {} : choices.some((c) => c.id === place.id) ? { placeId: place.id } : { newPlace: place.name };
  const findings = findPersonalData(text);
  const warn = findings.length > 0 ? { personalData: findings } : {};
  const zone = d.reporting.timeZone;
  if (p.kind === 'incident') {
    const category = categoryNamedIn(text);
    const values = { ...newIncidentValues(at, zone, defaults), ...placeValues, ...(category ? { category } : {}), description: text };
    return d.views.form('incident', ctx, { values, ...warn });
  }
  return d.views.form('activity', ctx, { values: { ...newActivityValues(at, zone, defaults), ...placeValues, notes: text }, ...warn });
}

/** Search and link unfolding: read-only, within the caller's scope, with the member right. */
export function extensionEntries(d: ExtensionDeps): ExtensionEntries {
  const byRef: TargetSpec<{ ref: string }, Extract<Target, { kind: 'report' }>> = {
    kind: 'report',
    load: async (ctx, p) => {
      const report = await d.finder.byRef(ctx.scope, p.ref);
      return report ? { kind: 'report', report } : null;
    },
  };
  return {
    search: extension({
      name: 'extensionSearch', payload: z.object({ query: z.string().max(200).default('') }), target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx, payload }) => {
        const found = await d.finder.search(ctx.scope, payload.query, topicLabels);
        return found.map((summary) => {
          const brief = briefOfSummary(summary, ctx.locale);
          return { card: reportResultCard(ctx.locale, brief), preview: resultPreview(ctx.locale, brief) };
        });
      },
    }),
    unfurl: extension({
      name: 'extensionUnfurl', payload: z.object({ ref: z.string().min(1).max(40) }), target: byRef, right: 'member', writes: false,
      handle: async ({ ctx, target }) => reportLinkCard(ctx.locale, briefOfReport(target.report, ctx.locale)),
    }),
  };
}
