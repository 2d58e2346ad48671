import type { AdaptiveCard } from '../cards/card-schema';
import { incidentErrorsOnCard, incidentFormOf } from '../cards/forms/report-forms';
import * as hotspotCards from '../cards/hotspot-cards';
import * as cards from '../cards/report-cards';
import type { QuickOutcome } from '../domain/hotspots/quick-report-service';
import { LIMITS } from '../domain/limits';
import { format, messages } from '../i18n/messages';
import { cardReply, textReply, type Reply } from './chat-context';
import type { HotspotFeature } from './hotspot-feature';
import type { Viewer } from './report-views';

type Answer = Exclude<QuickOutcome, { kind: 'open_form' }>;

/** The answer to a quick report, as a chat reply (typed command). */
export async function afterQuickReport(f: HotspotFeature, viewer: Viewer, outcome: Answer): Promise<Reply> {
  const answer = await quickAnswer(f, viewer, outcome);
  const reply = typeof answer === 'string' ? textReply(answer) : cardReply(answer);
  // Saved: should the card not reach the channel, the number still should.
  const saved = outcome.kind === 'submitted' && outcome.outcome.ok ? outcome.outcome.report : null;
  return saved
    ? { ...reply, ifUndelivered: format(messages(viewer.locale).notice.savedAs, { ref: saved.ref }), shows: { scope: saved.origin, item: { kind: 'incident', id: saved.id } } }
    : reply;
}

/** The answer to a quick report, as the card replacing the confirmation card (button press). */
export async function quickReportCard(f: HotspotFeature, viewer: Viewer, outcome: Answer): Promise<AdaptiveCard> {
  const answer = await quickAnswer(f, viewer, outcome);
  return typeof answer === 'string' ? cards.notice(answer, { tone: 'attention' }) : answer;
}

/**
 * Saved: the compact card. Something to complete: the confirmation card. Refused by the reporting
 * rules (a bad value, personal data in the text): the full incident card with everything kept, where
 * those rules explain themselves.
 */
async function quickAnswer(f: HotspotFeature, viewer: Viewer, outcome: Answer): Promise<AdaptiveCard | string> {
  const { locale } = viewer;
  const q = messages(locale).hotspots.quick;
  switch (outcome.kind) {
    case 'problem': return outcome.problem === 'no_place' ? q.noPlace : format(q.placeTooLong, { max: LIMITS.placeNameMax });
    case 'confirm': return hotspotCards.quickConfirm(locale, outcome.draft);
    case 'submitted': {
      const result = outcome.outcome;
      if (result.ok) return hotspotCards.quickSaved(locale, result.report);
      const values = incidentFormOf(outcome.draft, f.reporting.timeZone);
      return f.views.incidentForm(viewer, {
        values,
        ...(result.reason === 'invalid' ? { errors: incidentErrorsOnCard(result.errors, values) } : {}),
        ...(result.reason === 'personal_data' ? { personalData: result.findings } : {}),
      });
    }
  }
}
