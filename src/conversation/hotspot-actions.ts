import type { AdaptiveCard } from '../cards/card-schema';
import * as hotspotCards from '../cards/hotspot-cards';
import { HOTSPOT_VERBS } from '../cards/hotspot-verbs';
import * as cards from '../cards/report-cards';
import type { Hotspot } from '../domain/hotspots/hotspot';
import type { HotspotOutcome } from '../domain/hotspots/hotspot-service';
import { UNDO_MINUTES } from '../domain/hotspots/quick-report-service';
import { isOneOf, ORGANISATIONS } from '../domain/vocabulary';
import { format, messages, type Locale } from '../i18n/messages';
import type { ChatContext } from './chat-context';
import type { CardActionRunners } from './chat-command';
import { newActivityValues } from './form-values';
import type { HotspotFeature } from './hotspot-feature';
import { quickReportCard } from './quick-report-replies';

type Data = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const target = (data: Data) => ({ id: str(data.id), version: Number(data.version ?? -1) });
const pick = <K extends string>(data: Data, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, str(data[k])])) as Record<K, string>;

/** The card buttons of hot spots, quick reports and the place register. */
export function hotspotActions(f: HotspotFeature): CardActionRunners {
  const show = async (locale: Locale, hotspot: Hotspot, note: 'updated' | 'none' = 'none', warning = '') =>
    hotspotCards.hotspotView(locale, await f.hotspots.view(hotspot), note, warning);

  /** A change's answer: the hot spot as it now is, or as it is with the reason it was not changed. */
  const after = async (locale: Locale, outcome: HotspotOutcome<string>): Promise<AdaptiveCard> => {
    if (outcome.ok) return show(locale, outcome.hotspot, 'updated');
    const r = messages(locale).hotspots.refusal;
    const text = outcome.reason === 'invalid' ? messages(locale).form.fixErrors : r[outcome.reason];
    return outcome.current ? show(locale, outcome.current, 'none', text) : cards.notice(text, { tone: 'attention' });
  };

  const withHotspot = (run: (ctx: ChatContext, hotspot: Hotspot, data: Data) => Promise<AdaptiveCard>) =>
    async (ctx: ChatContext, data: Data): Promise<AdaptiveCard> => {
      const hotspot = await f.hotspots.get(str(data.id));
      return hotspot ? run(ctx, hotspot, data) : cards.notice(messages(ctx.locale).hotspots.refusal.missing, { tone: 'attention' });
    };

  const form = (kind: hotspotCards.HotspotFormKind, submitVerb: string, values: (h: Hotspot) => hotspotCards.HotspotFormOptions['values']) =>
    withHotspot(async (ctx, h, data) => hotspotCards.hotspotForm(ctx.locale, {
      kind, placeName: h.placeName, values: values(h),
      // The version the user saw when pressing, not the latest: a change made meanwhile is then noticed.
      submit: { verb: submitVerb, data: { id: h.id, version: Number(data.version ?? h.version) } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id: h.id } },
    }));

  return {
    [HOTSPOT_VERBS.quickSave]: async (ctx, data) => quickReportCard(f, ctx.locale, await f.quick.save(ctx.actor, ctx.origin,
      pick(data, ['placeId', 'typedPlace', 'category', 'organisation', 'description'] as const), (c) => messages(ctx.locale).category[c])),

    [HOTSPOT_VERBS.undo]: async (ctx, data) => {
      const q = messages(ctx.locale).hotspots.quick;
      const { id, version } = target(data);
      const incident = await f.reporting.get('incident', id);
      const result = await f.quick.undo(ctx.actor, incident?.kind === 'incident' ? incident : null, version);
      if (result === 'ok') return cards.notice(format(q.undone, { ref: incident?.ref ?? '' }));
      const text = { missing: q.undoMissing, forbidden: q.undoForbidden, too_late: format(q.undoTooLate, { minutes: UNDO_MINUTES }), conflict: q.undoConflict }[result];
      return incident ? cards.savedReport(ctx.locale, incident, 'none', text) : cards.notice(text, { tone: 'attention' });
    },

    [HOTSPOT_VERBS.start]: async (ctx, data) => {
      const placeId = str(data.placeId);
      const organisation = isOneOf(ORGANISATIONS, data.organisation) ? data.organisation : undefined;
      const outcome = await f.hotspots.start(ctx.actor, ctx.origin, placeId, organisation);
      const r = messages(ctx.locale).hotspots.refusal;
      if (outcome.ok) return show(ctx.locale, outcome.hotspot, 'updated');
      if (outcome.reason === 'need_organisation') {
        const place = await f.places.get(placeId);
        return hotspotCards.hotspotForm(ctx.locale, {
          kind: 'organisation', placeName: place?.name ?? '', submit: { verb: HOTSPOT_VERBS.start, data: { placeId } }, cancel: { verb: 'cancel', data: {} },
        });
      }
      if (outcome.reason === 'already_active') return show(ctx.locale, outcome.current, 'none', r.already_active);
      if (outcome.reason === 'missing' && !outcome.current) return cards.notice(r.placeMissing, { tone: 'attention' });
      return after(ctx.locale, outcome);
    },

    [HOTSPOT_VERBS.show]: withHotspot((ctx, h) => show(ctx.locale, h)),

    [HOTSPOT_VERBS.next]: async (ctx, data) => after(ctx.locale, await f.hotspots.moveNext(ctx.actor, target(data).id, target(data).version)),

    [HOTSPOT_VERBS.openMeasure]: form('measure', HOTSPOT_VERBS.addMeasure, () => ({})),
    [HOTSPOT_VERBS.addMeasure]: async (ctx, data) => {
      const { id, version } = target(data);
      const values = pick(data, ['what', 'organisation', 'dueDate'] as const);
      const outcome = await f.hotspots.addMeasure(ctx.actor, id, version, values);
      if (outcome.ok || outcome.reason !== 'invalid' || !outcome.current) return after(ctx.locale, outcome);
      return hotspotCards.hotspotForm(ctx.locale, {
        kind: 'measure', placeName: outcome.current.placeName, values, errors: outcome.errors,
        submit: { verb: HOTSPOT_VERBS.addMeasure, data: { id, version } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id } },
      });
    },

    [HOTSPOT_VERBS.measureDone]: async (ctx, data) =>
      after(ctx.locale, await f.hotspots.markMeasureDone(ctx.actor, target(data).id, target(data).version, str(data.measureId))),

    [HOTSPOT_VERBS.openFollowUp]: form('followUp', HOTSPOT_VERBS.setFollowUp, (h) => ({ followUpDate: h.followUpDate ?? '' })),
    [HOTSPOT_VERBS.setFollowUp]: async (ctx, data) => {
      const { id, version } = target(data);
      const outcome = await f.hotspots.setFollowUp(ctx.actor, id, version, data.followUpDate);
      if (outcome.ok || outcome.reason !== 'invalid' || !outcome.current) return after(ctx.locale, outcome);
      return hotspotCards.hotspotForm(ctx.locale, {
        kind: 'followUp', placeName: outcome.current.placeName, values: { followUpDate: str(data.followUpDate) }, errors: outcome.errors,
        submit: { verb: HOTSPOT_VERBS.setFollowUp, data: { id, version } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id } },
      });
    },

    [HOTSPOT_VERBS.openAnalysis]: form('analysis', HOTSPOT_VERBS.saveAnalysis, (h) => ({
      who: h.analysis.who ?? '', whatHappens: h.analysis.what ?? '', when: h.analysis.when ?? '', why: h.analysis.why ?? '',
    })),
    [HOTSPOT_VERBS.saveAnalysis]: async (ctx, data) => {
      const { id, version } = target(data);
      const values = pick(data, ['who', 'what', 'when', 'why'] as const);
      const outcome = await f.hotspots.setAnalysis(ctx.actor, id, version, values);
      if (outcome.ok || outcome.reason !== 'invalid' || !outcome.current) return after(ctx.locale, outcome);
      return hotspotCards.hotspotForm(ctx.locale, {
        kind: 'analysis', placeName: outcome.current.placeName, values: { ...values, whatHappens: values.what }, errors: outcome.errors,
        submit: { verb: HOTSPOT_VERBS.saveAnalysis, data: { id, version } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id } },
      });
    },

    /** A visit is an activity at the place: the activity card, prefilled; it attaches by place once saved. */
    [HOTSPOT_VERBS.logVisit]: async (ctx, data) => {
      const defaults = await f.reporting.defaultsFor(ctx.actor.userId);
      const values = { ...newActivityValues(f.now(), f.reporting.timeZone, defaults), type: 'hotspot_besok', placeId: str(data.placeId) };
      return f.views.activityForm(ctx.locale, { values });
    },

    ...placeActions(f),
  };
}

function placeActions(f: HotspotFeature): CardActionRunners {
  const view = async (locale: Locale, id: string, note = '', warning = '') => {
    const [place, register, hotspot] = await Promise.all([f.places.get(id), f.places.all(), f.hotspots.byPlace(id)]);
    return place
      ? hotspotCards.placeView(locale, place, register, hotspot, note, warning)
      : cards.notice(messages(locale).hotspots.refusal.placeMissing, { tone: 'attention' });
  };
  return {
    [HOTSPOT_VERBS.showPlace]: async (ctx, data) => view(ctx.locale, str(data.id)),

    [HOTSPOT_VERBS.savePlace]: async (ctx, data) => {
      const p = messages(ctx.locale).hotspots.places;
      const id = str(data.id);
      if (!(await f.reporting.access.isCoordinator(ctx.actor.userId))) return view(ctx.locale, id, '', messages(ctx.locale).trust.onlyCoordinators);
      const outcome = await f.places.edit(id, pick(data, ['name', 'kind', 'lat', 'lon', 'parentId', 'alias'] as const));
      if (outcome.ok) return view(ctx.locale, id, p.saved);
      const reason = outcome.reason;
      const text = reason === 'invalid'
        ? (outcome.errors.lat || outcome.errors.lon ? p.badCoordinate : messages(ctx.locale).form.fixErrors)
        : reason === 'name_taken' ? p.nameTaken : reason === 'alias_taken' ? p.aliasTaken : messages(ctx.locale).hotspots.refusal.placeMissing;
      return view(ctx.locale, id, '', text);
    },

    [HOTSPOT_VERBS.mergePlace]: async (ctx, data) => {
      const p = messages(ctx.locale).hotspots.places;
      const id = str(data.id);
      if (!(await f.reporting.access.isCoordinator(ctx.actor.userId))) return view(ctx.locale, id, '', messages(ctx.locale).trust.onlyCoordinators);
      const merged = await f.places.merge(id, str(data.mergeId));
      if (typeof merged === 'object') return view(ctx.locale, id, p.merged);
      return view(ctx.locale, id, '', merged === 'both_hotspots' ? p.bothHotspots : messages(ctx.locale).hotspots.refusal.placeMissing);
    },
  };
}
