import type { AdaptiveCard } from '../cards/card-schema';
import { hotspotView } from '../cards/hotspot-cards';
import { savedReport } from '../cards/report-cards';
import { PERSONAL_ACTIONS, SHARED_CARD_VERBS, withoutActions } from '../cards/shared-card';
import type { AccessPolicy, Right, Target } from '../domain/access-policy';
import type { ChatContext } from './chat-context';
import type { HotspotFeature } from './hotspot-feature';
import { verb, type VerbEntry } from './registry/entries';
import { hotspotRef, reportRef } from './registry/payloads';
import type { Targets } from './registry/targets';

/**
 * The refresh verbs of shared cards (Universal Actions `refresh`): the user's own view of a report or hot
 * spot, with the buttons of the rights they have. Read-only: answering an automatic refresh never
 * changes anything, and never updates the shared message (src/bot/shared-card-updater.ts).
 */
export function sharedCardVerbs(d: { access: Pick<AccessPolicy, 'allows'>; hotspots: HotspotFeature['hotspots']; targets: Targets }): VerbEntry[] {
  return [
    verb({
      verb: SHARED_CARD_VERBS.refreshReport, payload: reportRef, target: d.targets.report(), right: 'member', writes: false,
      handle: async ({ ctx, target }) => personalised(d.access, ctx, 'report', target, savedReport(ctx.locale, target.report, 'none')),
    }),
    verb({
      verb: SHARED_CARD_VERBS.refreshHotspot, payload: hotspotRef, target: d.targets.hotspot(), right: 'member', writes: false,
      handle: async ({ ctx, target }) => personalised(d.access, ctx, 'hotspot', target, hotspotView(ctx.locale, await d.hotspots.view(ctx.scope, target.hotspot))),
    }),
  ];
}

/** The card without the buttons of the rights the user does not have on the target. */
async function personalised(access: Pick<AccessPolicy, 'allows'>, ctx: ChatContext, kind: 'report' | 'hotspot', target: Target, card: AdaptiveCard): Promise<AdaptiveCard> {
  const lacking = new Set<string>();
  for (const [right, verbs] of Object.entries(PERSONAL_ACTIONS[kind]) as [Right, readonly string[]][]) {
    if (!(await access.allows(right, ctx.scope, ctx.actor, target))) for (const v of verbs) lacking.add(v);
  }
  return lacking.size === 0 ? card : withoutActions(card, lacking);
}
