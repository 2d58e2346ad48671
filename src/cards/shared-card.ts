import type { Right } from '../domain/access-policy';
import type { AdaptiveCard } from './card-schema';
import { HOTSPOT_VERBS } from './hotspot-verbs';
import { VERBS } from './verbs';

/** The refresh verbs of shared cards: each user named in the card's refresh gets their own buttons. */
export const SHARED_CARD_VERBS = {
  refreshReport: 'refreshReport',
  refreshHotspot: 'refreshHotspot',
} as const;

/** Teams refreshes a card automatically for at most 60 users. */
export const REFRESH_USER_LIMIT = 60;

/** The buttons of a report's and a hot spot's card that only some users may use, by the right they need. */
export const PERSONAL_ACTIONS: Record<'report' | 'hotspot', Partial<Record<Right, readonly string[]>>> = {
  report: {
    'report.edit': [VERBS.openEdit],
    'report.work': [VERBS.setStatus, VERBS.closeReport, VERBS.assignToMe, VERBS.markFollowUpDone],
    'report.undo': [HOTSPOT_VERBS.undo],
  },
  hotspot: {
    'hotspot.change': [HOTSPOT_VERBS.next, HOTSPOT_VERBS.openMeasure, HOTSPOT_VERBS.openAnalysis, HOTSPOT_VERBS.openFollowUp, HOTSPOT_VERBS.measureDone],
  },
};

/** Every personal verb of an item kind. */
export function personalVerbs(kind: 'report' | 'hotspot'): Set<string> {
  return new Set(Object.values(PERSONAL_ACTIONS[kind]).flat());
}

/**
 * The card without the Action.Execute buttons of `verbs`, wherever they are (the card's actions, action
 * sets, select actions); an action set left empty is removed.
 */
export function withoutActions(card: AdaptiveCard, verbs: ReadonlySet<string>): AdaptiveCard {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node
        .filter((n) => !(isExecute(n) && verbs.has(n.verb)))
        .map(strip)
        .filter((n) => !(isRecord(n) && n.type === 'ActionSet' && Array.isArray(n.actions) && n.actions.length === 0));
    }
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'selectAction' && isExecute(value) && verbs.has(value.verb)) continue;
      // Action data is the bot's own payload: left as it is.
      out[key] = key === 'data' ? value : strip(value);
    }
    return out;
  };
  const stripped = strip(card) as AdaptiveCard;
  if (stripped.actions && stripped.actions.length === 0) delete stripped.actions;
  return stripped;
}

/** The card with Universal Actions' refresh for `userIds` (at most 60), or as it is when there is nobody. */
export function withRefresh(card: AdaptiveCard, verb: string, data: Record<string, unknown>, userIds: readonly string[]): AdaptiveCard {
  const ids = [...new Set(userIds.filter((id) => id !== ''))].slice(0, REFRESH_USER_LIMIT);
  if (ids.length === 0) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data: data as never }, userIds: ids } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExecute = (v: unknown): v is { type: 'Action.Execute'; verb: string } => isRecord(v) && v.type === 'Action.Execute' && typeof v.verb === 'string';
