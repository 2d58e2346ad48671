import * as hotspotCards from '../cards/hotspot-cards';
import { placeFirst } from '../cards/place-first';
import { LIMITS } from '../domain/limits';
import { matchPlace } from '../domain/places/place-matcher';
import { format, messages } from '../i18n/messages';
import { cardReply, textReply, type ChatContext, type Reply } from './chat-context';
import type { CommandRunners } from './chat-command';
import type { HotspotFeature } from './hotspot-feature';
import { afterQuickReport } from './quick-report-replies';

/** `hotspot …`, `hotspot visa …`, `hotspots`, `hotspots förslag` and `platser …`. */
export function hotspotCommands(f: HotspotFeature): CommandRunners {
  return {
    hotspot: async (ctx, args) => {
      const outcome = await f.quick.report(ctx.actor, ctx.origin, args, (category) => messages(ctx.locale).category[category]);
      if (outcome.kind === 'open_form') return [cardReply(placeFirst(await f.views.newForm('incident', ctx.locale, ctx.actor.userId)))];
      return [await afterQuickReport(f, ctx.locale, outcome)];
    },

    hotspotShow: async (ctx, args) => [await showByName(f, ctx, args)],

    hotspots: async (ctx) => [cardReply(hotspotCards.hotspotList(ctx.locale, await f.hotspots.listActive(), f.hotspots.today()))],

    hotspotProposals: async (ctx) => [cardReply(hotspotCards.proposals(ctx.locale, await f.emerging()))],

    places: async (ctx, args) => {
      const query = args.trim().slice(0, LIMITS.placeNameMax);
      const [found, register] = await Promise.all([f.places.search(query), f.places.all()]);
      return [cardReply(hotspotCards.placeList(ctx.locale, found, register, query))];
    },
  };
}

/** `hotspot visa <plats>`: the hot spot at the place the name matches; never a guess between two. */
async function showByName(f: HotspotFeature, ctx: ChatContext, args: string): Promise<Reply> {
  const r = messages(ctx.locale).hotspots.refusal;
  if (args.trim() === '') return textReply(r.showWhich);
  if (args.length > LIMITS.placeNameMax) return textReply(format(messages(ctx.locale).hotspots.quick.placeTooLong, { max: LIMITS.placeNameMax }));
  const match = matchPlace(args, await f.places.all());
  const hotspot = match.kind === 'sure' ? await f.hotspots.byPlace(match.place.id) : null;
  if (hotspot) return cardReply(hotspotCards.hotspotView(ctx.locale, await f.hotspots.view(hotspot)));
  return textReply(format(r.notFound, { typed: args.slice(0, 80) }));
}
