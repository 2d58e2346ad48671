import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import * as hotspotCards from '../cards/hotspot-cards';
import { HOTSPOT_VERBS } from '../cards/hotspot-verbs';
import { safeText } from '../cards/render';
import * as cards from '../cards/report-cards';
import { walkFindingText } from '../cards/school-cards';
import { SCHOOL_VERBS } from '../cards/school-verbs';
import { isActive } from '../domain/hotspots/hotspot';
import { WALK_FINDINGS } from '../domain/schools/walk-checklist';
import { format, messages } from '../i18n/messages';
import type { HotspotFeature } from './hotspot-feature';
import { verb, type VerbEntry } from './registry/entries';
import { placeRef } from './registry/payloads';
import type { Targets } from './registry/targets';

/**
 * A trygghetsvandring's finding as a measure at the walk's place (issue 11). A measure belongs to a
 * hot spot, so this opens the hot spot's own measure form, pre-filled, and its save is the ordinary
 * `addMeasure` (same rights, same checks). A place without an active hot spot gets no measure behind the
 * user's back: they are asked to start one there, with the ordinary start button, and then add it.
 */
export function walkFindingMeasureVerb(f: HotspotFeature, targets: Targets): VerbEntry {
  return verb({
    // `hotspot.start`: a confirmed member, the least anyone needs to work on a place's hot spot.
    verb: SCHOOL_VERBS.walkFindingMeasure, payload: placeRef.extend({ finding: z.enum(WALK_FINDINGS) }),
    target: targets.place(), right: 'hotspot.start', writes: false,
    handle: async ({ ctx, payload, target: { place, hotspot } }): Promise<AdaptiveCard> => {
      const m = messages(ctx.locale);
      const what = walkFindingText(m, payload.finding);
      if (!hotspot || !isActive(hotspot)) {
        return cards.notice(format(m.schools.form.findingNoHotspot, { place: safeText(place.name), what }), {
          tone: 'attention', actions: [{ title: m.hotspots.forms.start, verb: HOTSPOT_VERBS.start, data: { placeId: place.id } }],
        });
      }
      const access = f.reporting.access;
      if (!(await access.allows('hotspot.change', ctx.scope, ctx.actor, { kind: 'hotspot', hotspot }))) {
        return cards.notice(format(m.schools.form.findingOtherOwner, { place: safeText(place.name), organisation: m.organisation[hotspot.ownerOrganisation] }), { tone: 'attention' });
      }
      return hotspotCards.hotspotForm(ctx.locale, {
        kind: 'measure', placeName: hotspot.placeName,
        values: { what, organisation: (await access.organisationOf(ctx.scope, ctx.actor)) ?? '' },
        submit: { verb: HOTSPOT_VERBS.addMeasure, data: { id: hotspot.id, version: hotspot.version } },
        cancel: { verb: HOTSPOT_VERBS.show, data: { id: hotspot.id } },
      });
    },
  });
}
