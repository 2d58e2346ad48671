import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import * as hotspotCards from '../cards/hotspot-cards';
import { HOTSPOT_VERBS } from '../cards/hotspot-verbs';
import { readFollowUp, readMeasureForm, readPlaceForm } from '../cards/forms/hotspot-forms';
import { readQuickConfirm } from '../cards/forms/quick-confirm-form';
import { placeFirst } from '../cards/place-first';
import { safeText } from '../cards/render';
import * as cards from '../cards/report-cards';
import type { Hotspot } from '../domain/hotspots/hotspot';
import type { HotspotOutcome } from '../domain/hotspots/hotspot-service';
import { UNDO_MINUTES, type QuickDraft } from '../domain/hotspots/quick-report-service';
import { LIMITS } from '../domain/limits';
import { matchPlace } from '../domain/places/place-matcher';
import type { TenantScope } from '../domain/scope';
import { format, messages, type Locale } from '../i18n/messages';
import { cardReply, messageSubmitKey, textReply, type ChatContext, type Reply } from './chat-context';
import { newActivityValues } from './form-values';
import type { HotspotFeature } from './hotspot-feature';
import { afterQuickReport, quickReportCard } from './quick-report-replies';
import { walkFindingMeasureVerb } from './walk-finding-measure';
import { command, verb, type CommandEntry, type VerbEntry } from './registry/entries';
import { commandArgs, flag, formOf, hotspotRef, hotspotVersion, id, placeRef, submitKey, typed, version } from './registry/payloads';
import { noTarget, type Targets } from './registry/targets';

const str = (v: string | undefined) => v ?? '';

const quickSaveForm = formOf(['placeId', 'typedPlace', 'category', 'organisation', 'description', 'occurredAt'] as const).extend({ submitKey });

/** The store could not save a confirmed quick report: the same card, everything chosen kept, the same key. */
function quickConfirmKept(ctx: ChatContext, raw: Record<string, unknown>, now: Date): AdaptiveCard {
  const parsed = quickSaveForm.safeParse(raw);
  const form = parsed.success ? parsed.data : {};
  const choice = readQuickConfirm(form);
  const draft: QuickDraft = {
    typedPlace: form.typedPlace ?? '', placeId: choice.place && 'placeId' in choice.place ? choice.place.placeId : null, candidates: [],
    category: choice.category, organisation: choice.organisation, description: form.description ?? '', occurredAt: choice.occurredAt ?? now,
  };
  return hotspotCards.quickConfirm(ctx.locale, draft, messages(ctx.locale).form.storeDown, parsed.success ? parsed.data.submitKey : undefined);
}

/** The card buttons of hot spots, quick reports and the place register. */
export function hotspotVerbs(f: HotspotFeature, targets: Targets): VerbEntry[] {
  const show = async (ctx: ChatContext, hotspot: Hotspot, note: 'updated' | 'none' = 'none', warning = '') =>
    hotspotCards.hotspotView(ctx.locale, await f.hotspots.view(ctx.scope, hotspot), note, warning);

  /** A change's answer: the hot spot as it now is, or as it is with the reason it was not changed. */
  const after = async (ctx: ChatContext, outcome: HotspotOutcome<string>): Promise<AdaptiveCard> => {
    if (outcome.ok) return show(ctx, outcome.hotspot, 'updated');
    const m = messages(ctx.locale);
    const text = outcome.reason === 'invalid' || outcome.reason === 'personal_data' ? m.form.fixErrors : outcome.reason === 'missing' ? m.trust.unavailable : m.hotspots.refusal[outcome.reason];
    return outcome.current && outcome.reason !== 'missing' ? show(ctx, outcome.current, 'none', text) : cards.notice(text, { tone: 'attention' });
  };

  /** The small forms of a hot spot; the version is the one the user saw when pressing. */
  const form = (kind: hotspotCards.HotspotFormKind, submitVerb: string, values: (h: Hotspot) => hotspotCards.HotspotFormOptions['values']) =>
    verb({
      verb: openVerbOf[kind], payload: hotspotRef.extend({ version: version.optional() }), target: targets.hotspot(), right: 'hotspot.change', writes: false,
      handle: async ({ ctx, payload, target: { hotspot: h } }) => hotspotCards.hotspotForm(ctx.locale, {
        kind, placeName: h.placeName, values: values(h),
        submit: { verb: submitVerb, data: { id: h.id, version: payload.version ?? h.version } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id: h.id } },
      }),
    });

  /**
   * A form submitted with errors comes back with what was typed and each error at its field; with
   * personal data in its text, with the warning, and saving again saves it masked.
   */
  const again = (
    ctx: ChatContext, kind: hotspotCards.HotspotFormKind, h: Hotspot, submitVerb: string, values: Record<string, string>, errors: object, v: number,
    personalData?: hotspotCards.HotspotFormOptions['personalData'],
  ) =>
    hotspotCards.hotspotForm(ctx.locale, {
      kind, placeName: h.placeName, values, errors, ...(personalData ? { personalData } : {}),
      submit: { verb: submitVerb, data: { id: h.id, version: v } }, cancel: { verb: HOTSPOT_VERBS.show, data: { id: h.id } },
    });

  const measure = formOf(['what', 'organisation', 'dueDate'] as const).extend({ maskingConfirmed: flag });
  const analysis = formOf(['who', 'what', 'when', 'why'] as const).extend({ maskingConfirmed: flag });

  return [
    verb({
      verb: HOTSPOT_VERBS.quickSave, payload: quickSaveForm, target: noTarget, right: 'member', writes: true, shares: 'report',
      // The card's submit key: pressed twice (or replayed), the card saves one report and answers with it.
      handle: async ({ ctx, payload }) => quickReportCard(f, ctx, await f.quick.save(ctx.actor, ctx.origin, readQuickConfirm(payload), (c) => messages(ctx.locale).category[c], payload.submitKey)),
      storeDown: async (ctx, raw) => quickConfirmKept(ctx, raw, f.now()),
    }),

    verb({
      verb: HOTSPOT_VERBS.undo, payload: z.object({ id, version }).transform((p) => ({ ...p, kind: 'incident' as const })),
      target: targets.report(), right: 'report.undo', writes: true, shares: 'report',
      handle: async ({ ctx, payload, target: { report } }) => {
        const q = messages(ctx.locale).hotspots.quick;
        if (report.kind !== 'incident') return cards.notice(messages(ctx.locale).trust.unavailable, { tone: 'attention' });
        const result = await f.quick.undo(ctx.actor, ctx.scope, report, payload.version);
        if (result === 'ok') return cards.notice(format(q.undone, { ref: report.ref }));
        if (result === 'missing' || result === 'forbidden') return cards.notice(messages(ctx.locale).trust.unavailable, { tone: 'attention' });
        const text = { too_late: format(q.undoTooLate, { minutes: UNDO_MINUTES }), conflict: q.undoConflict }[result];
        return cards.savedReport(ctx.locale, report, 'none', text);
      },
    }),

    verb({
      verb: HOTSPOT_VERBS.start, payload: placeRef, target: targets.place(), right: 'hotspot.start', writes: true, shares: 'hotspot',
      handle: async ({ ctx, target: { place } }) => {
        const outcome = await f.hotspots.start(ctx.actor, ctx.origin, place);
        const r = messages(ctx.locale).hotspots.refusal;
        if (outcome.ok) return show(ctx, outcome.hotspot, 'updated');
        if (outcome.reason === 'need_organisation') return cards.notice(messages(ctx.locale).trust.needsConfirmedOrganisation, { tone: 'attention' });
        if (outcome.reason === 'already_active') return show(ctx, outcome.current, 'none', r.already_active);
        return after(ctx, outcome);
      },
    }),

    verb({
      verb: HOTSPOT_VERBS.show, payload: hotspotRef, target: targets.hotspot(), right: 'member', writes: false,
      handle: ({ ctx, target }) => show(ctx, target.hotspot),
    }),

    verb({
      verb: HOTSPOT_VERBS.next, payload: hotspotVersion, target: targets.hotspot(), right: 'hotspot.change', writes: true, shares: 'hotspot',
      handle: async ({ ctx, payload, target }) => after(ctx, await f.hotspots.moveNext(ctx.actor, ctx.scope, target.hotspot, payload.version)),
    }),

    form('measure', HOTSPOT_VERBS.addMeasure, () => ({})),
    walkFindingMeasureVerb(f, targets),
    verb({
      verb: HOTSPOT_VERBS.addMeasure, payload: hotspotVersion.extend(measure.shape), target: targets.hotspot(), right: 'hotspot.change', writes: true, shares: 'hotspot',
      handle: async ({ ctx, payload, target: { hotspot } }) => {
        const values = { what: str(payload.what), organisation: str(payload.organisation), dueDate: str(payload.dueDate) };
        const read = readMeasureForm(values);
        if (!read.ok) return again(ctx, 'measure', hotspot, HOTSPOT_VERBS.addMeasure, values, read.errors, payload.version);
        const outcome = await f.hotspots.addMeasure(ctx.actor, ctx.scope, hotspot, payload.version, read.draft, { maskingConfirmed: payload.maskingConfirmed === true });
        if (!outcome.ok && outcome.reason === 'personal_data') return again(ctx, 'measure', hotspot, HOTSPOT_VERBS.addMeasure, values, {}, payload.version, outcome.findings);
        if (outcome.ok || outcome.reason !== 'invalid') return after(ctx, outcome);
        return again(ctx, 'measure', hotspot, HOTSPOT_VERBS.addMeasure, values, outcome.errors, payload.version);
      },
    }),

    verb({
      verb: HOTSPOT_VERBS.measureDone, payload: hotspotVersion.extend({ measureId: id }), target: targets.hotspot(), right: 'hotspot.change', writes: true, shares: 'hotspot',
      handle: async ({ ctx, payload, target }) => after(ctx, await f.hotspots.markMeasureDone(ctx.actor, ctx.scope, target.hotspot, payload.version, payload.measureId)),
    }),

    form('followUp', HOTSPOT_VERBS.setFollowUp, (h) => ({ followUpDate: h.followUpDate ?? '' })),
    verb({
      verb: HOTSPOT_VERBS.setFollowUp, payload: hotspotVersion.extend({ followUpDate: typed }), target: targets.hotspot(), right: 'hotspot.change', writes: true, shares: 'hotspot',
      handle: async ({ ctx, payload, target: { hotspot } }) => {
        const values = { followUpDate: str(payload.followUpDate) };
        const read = readFollowUp(payload.followUpDate);
        if (!read.ok) return again(ctx, 'followUp', hotspot, HOTSPOT_VERBS.setFollowUp, values, read.errors, payload.version);
        const outcome = await f.hotspots.setFollowUp(ctx.actor, ctx.scope, hotspot, payload.version, read.draft);
        if (outcome.ok || outcome.reason !== 'invalid') return after(ctx, outcome);
        return again(ctx, 'followUp', hotspot, HOTSPOT_VERBS.setFollowUp, values, outcome.errors, payload.version);
      },
    }),

    form('analysis', HOTSPOT_VERBS.saveAnalysis, (h) => ({
      who: h.analysis.who ?? '', whatHappens: h.analysis.what ?? '', when: h.analysis.when ?? '', why: h.analysis.why ?? '',
    })),
    verb({
      verb: HOTSPOT_VERBS.saveAnalysis, payload: hotspotVersion.extend(analysis.shape), target: targets.hotspot(), right: 'hotspot.change', writes: true, shares: 'hotspot',
      handle: async ({ ctx, payload, target: { hotspot } }) => {
        const values = { who: str(payload.who), what: str(payload.what), when: str(payload.when), why: str(payload.why) };
        const outcome = await f.hotspots.setAnalysis(ctx.actor, ctx.scope, hotspot, payload.version, values, { maskingConfirmed: payload.maskingConfirmed === true });
        if (!outcome.ok && outcome.reason === 'personal_data') {
          return again(ctx, 'analysis', hotspot, HOTSPOT_VERBS.saveAnalysis, { ...values, whatHappens: values.what }, {}, payload.version, outcome.findings);
        }
        if (outcome.ok || outcome.reason !== 'invalid') return after(ctx, outcome);
        return again(ctx, 'analysis', hotspot, HOTSPOT_VERBS.saveAnalysis, { ...values, whatHappens: values.what }, outcome.errors, payload.version);
      },
    }),

    /** A visit is an activity at the place: the activity card, prefilled; it attaches by place once saved. */
    verb({
      verb: HOTSPOT_VERBS.logVisit, payload: placeRef, target: targets.place(), right: 'member', writes: false,
      handle: async ({ ctx, target: { place } }) => {
        const defaults = await f.reporting.defaultsFor(ctx.scope, ctx.actor);
        const values = { ...newActivityValues(f.now(), f.reporting.timeZone, defaults), type: 'hotspot_besok', placeId: place.id };
        return f.views.activityForm(ctx, { values });
      },
    }),

    ...placeVerbs(f, targets),
  ];
}

const openVerbOf: Record<hotspotCards.HotspotFormKind, string> = {
  measure: HOTSPOT_VERBS.openMeasure, followUp: HOTSPOT_VERBS.openFollowUp, analysis: HOTSPOT_VERBS.openAnalysis, organisation: HOTSPOT_VERBS.start,
};

/** The place register's card: show to everyone in the tenant; edit and merge for coordinators. */
function placeVerbs(f: HotspotFeature, targets: Targets): VerbEntry[] {
  const view = async (locale: Locale, scope: TenantScope, placeId: string, note = '', warning = '', typed?: hotspotCards.PlaceTyped, curate = true) => {
    const [place, register, hotspot] = await Promise.all([f.places.get(scope, placeId), f.places.all(scope), f.hotspots.byPlace(scope, placeId)]);
    return place
      ? hotspotCards.placeView(locale, place, register, hotspot, note, warning, typed, curate)
      : cards.notice(messages(locale).trust.unavailable, { tone: 'attention' });
  };
  const placeId = z.object({ id }).transform((p) => ({ ...p, placeId: p.id }));
  return [
    verb({
      verb: HOTSPOT_VERBS.showPlace, payload: placeId, target: targets.place(), right: 'member', writes: false,
      // The card answers the one who pressed: the form is theirs only when they may curate.
      handle: async ({ ctx, target }) => view(ctx.locale, ctx.scope, target.place.id, '', '', undefined,
        await f.reporting.access.allows('coordinator', ctx.scope, ctx.actor, { kind: 'none' })),
    }),

    verb({
      verb: HOTSPOT_VERBS.savePlace,
      payload: z.object({ id, maskingConfirmed: flag }).extend(formOf(['name', 'kind', 'lat', 'lon', 'parentId', 'alias'] as const).shape).transform((p) => ({ ...p, placeId: p.id })),
      target: targets.place(), right: 'coordinator', writes: true,
      handle: async ({ ctx, payload, target: { place } }) => {
        const p = messages(ctx.locale).hotspots.places;
        const { id: _id, placeId: _placeId, maskingConfirmed, ...form } = payload;
        const read = readPlaceForm(form);
        const outcome = read.ok
          ? await f.places.edit({ actorId: ctx.actor.userId, now: f.now() }, ctx.scope, place.id, read.draft, { maskingConfirmed: maskingConfirmed === true })
          : { ok: false as const, reason: 'invalid' as const, errors: read.errors };
        if (outcome.ok) return view(ctx.locale, ctx.scope, place.id, p.saved);
        // What was typed stays on the card whatever the refusal.
        const typedValues = { values: form };
        if (outcome.reason === 'personal_data') return view(ctx.locale, ctx.scope, place.id, '', '', { ...typedValues, personalData: outcome.findings });
        const reason = outcome.reason;
        const text = reason === 'invalid'
          ? (outcome.errors.lat || outcome.errors.lon ? p.badCoordinate : messages(ctx.locale).form.fixErrors)
          : reason === 'name_taken' ? p.nameTaken : reason === 'alias_taken' ? p.aliasTaken : messages(ctx.locale).trust.unavailable;
        return view(ctx.locale, ctx.scope, place.id, '', text, typedValues);
      },
    }),

    verb({
      verb: HOTSPOT_VERBS.mergePlace, payload: z.object({ id, mergeId: id }).transform((p) => ({ ...p, placeId: p.id })),
      target: targets.place(), right: 'coordinator', writes: true,
      handle: async ({ ctx, payload, target: { place } }) => {
        const p = messages(ctx.locale).hotspots.places;
        const merged = await f.places.merge({ actorId: ctx.actor.userId, now: f.now() }, ctx.scope, place.id, payload.mergeId);
        if (typeof merged === 'object') return view(ctx.locale, ctx.scope, place.id, p.merged);
        return view(ctx.locale, ctx.scope, place.id, '', merged === 'both_hotspots' ? p.bothHotspots : messages(ctx.locale).trust.unavailable);
      },
    }),
  ];
}

/** `hotspot …`, `hotspot visa …`, `hotspots`, `hotspots förslag` and `platser …`. */
export function hotspotCommands(f: HotspotFeature): CommandEntry[] {
  return [
    command({
      command: 'hotspot', payload: commandArgs, target: noTarget, right: 'member', writes: true,
      handle: async ({ ctx, payload }) => {
        // Keyed by the message: delivered again (or retried after a failed reply), it saves nothing new.
        const outcome = await f.quick.report(ctx.actor, ctx.origin, payload.args, (category) => messages(ctx.locale).category[category], messageSubmitKey(ctx));
        if (outcome.kind === 'open_form') return [cardReply(placeFirst(await f.views.newForm('incident', ctx)))];
        return [await afterQuickReport(f, ctx, outcome)];
      },
    }),
    command({ command: 'hotspotShow', payload: commandArgs, target: noTarget, right: 'member', writes: false, handle: async ({ ctx, payload }) => [await showByName(f, ctx, payload.args)] }),
    command({
      command: 'hotspots', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx }) => [cardReply(hotspotCards.hotspotList(ctx.locale, await f.hotspots.listActive(ctx.scope), f.hotspots.today()))],
    }),
    command({
      command: 'hotspotProposals', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx }) => {
        const found = await f.emerging(ctx.scope);
        // The card answers the one who asked: "Skapa hot spot" only where they may start one.
        const mayStart = await Promise.all(found.map(({ place, hotspot }) =>
          f.reporting.access.allows('hotspot.start', ctx.scope, ctx.actor, { kind: 'place', place, hotspot })));
        return [cardReply(hotspotCards.proposals(ctx.locale, found, new Set(found.filter((_, i) => mayStart[i]).map((e) => e.place.id))))];
      },
    }),
    command({
      command: 'places', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx, payload }) => {
        const query = payload.args.trim().slice(0, LIMITS.placeNameMax);
        const [found, register] = await Promise.all([f.places.search(ctx.scope, query), f.places.all(ctx.scope)]);
        return [cardReply(hotspotCards.placeList(ctx.locale, found, register, query))];
      },
    }),
  ];
}

/** `hotspot visa <plats>`: the hot spot at the tenant's place the name matches; never a guess between two. */
async function showByName(f: HotspotFeature, ctx: ChatContext, args: string): Promise<Reply> {
  const r = messages(ctx.locale).hotspots.refusal;
  if (args.trim() === '') return textReply(r.showWhich);
  if (args.length > LIMITS.placeNameMax) return textReply(format(messages(ctx.locale).hotspots.quick.placeTooLong, { max: LIMITS.placeNameMax }));
  const match = matchPlace(args, await f.places.all(ctx.scope));
  const hotspot = match.kind === 'sure' ? await f.hotspots.byPlace(ctx.scope, match.place.id) : null;
  if (hotspot) return cardReply(hotspotCards.hotspotView(ctx.locale, await f.hotspots.view(ctx.scope, hotspot)));
  // No hot spot yet, but things happen there: offer to start one (the button's right is checked when pressed).
  const count = match.kind === 'sure' ? await f.hotspots.incidentCount(ctx.scope, match.place.id) : 0;
  if (match.kind === 'sure' && count > 0) {
    return cardReply(cards.notice(format(r.notYetHotspot, { place: safeText(match.place.name), count }), {
      actions: [{ title: r.create, verb: HOTSPOT_VERBS.start, data: { placeId: match.place.id } }],
    }));
  }
  return textReply(format(r.notFound, { typed: args.slice(0, 80) }));
}
