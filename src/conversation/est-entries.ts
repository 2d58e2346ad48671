import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import * as estCards from '../cards/est-cards';
import { EST_VERBS } from '../cards/est-verbs';
import { notice } from '../cards/report-cards';
import { safeText } from '../cards/render';
import type { Target } from '../domain/access-policy';
import { REASON_MAX, type EstService } from '../domain/est/est-service';
import { tertialOf, weekStart } from '../domain/est/est-week';
import type { ConversationRepository, UserProfileRepository } from '../domain/ports/store.port';
import type { RegisteredPlace } from '../domain/places/place-register';
import { ORGANISATIONS } from '../domain/vocabulary';
import { format, messages, type Locale } from '../i18n/messages';
import { cardReply, type ChatContext, type Reply } from './chat-context';
import { mentionedPerson, organisationIn } from './mentioned-person';
import { command, verb, type CommandEntry, type TargetSpec, type VerbEntry } from './registry/entries';
import { commandArgs, flag, formOf, id, nothing, placeRef } from './registry/payloads';
import { noTarget, type Targets } from './registry/targets';

export interface EstFeature {
  est: EstService;
  users: Pick<UserProfileRepository, 'findByChatUserId' | 'get'>;
  /** Finds the conversation a nudge names, within the caller's tenant. */
  conversations: Pick<ConversationRepository, 'get'>;
  now(): Date;
}

type EstWeekTarget = Extract<Target, { kind: 'estWeek' }>;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const estWeekRef = z.object({ conversationId: z.string().trim().min(1).max(400), meetingDay: DAY, organisation: z.enum(ORGANISATIONS) });

/** The week a nudge names: a conversation of the caller's tenant only, so an id from elsewhere finds nothing. */
const estWeekTarget = (f: EstFeature): TargetSpec<z.output<typeof estWeekRef>, EstWeekTarget> => ({
  kind: 'estWeek',
  load: async (ctx, p) => {
    const scope = { tenantId: ctx.scope.tenantId, conversationId: p.conversationId };
    return (await f.conversations.get(scope)) ? { kind: 'estWeek', scope, meetingDay: p.meetingDay, organisation: p.organisation } : null;
  },
});

const assessmentForm = formOf(['level', 'reason'] as const).extend({ maskingConfirmed: flag });
const meetingForm = formOf(['weekday', 'time', 'nudgeTime'] as const);
const prioritiesForm = formOf(['area1', 'area2', 'area3'] as const);

/** The EST cards' answers; the commands and buttons share them. */
function answers(f: EstFeature) {
  const overview = async (ctx: ChatContext, note = ''): Promise<AdaptiveCard> => estCards.overview(ctx.locale, {
    meeting: await f.est.meeting(ctx.origin), reporters: (await f.est.reporters(ctx.origin)).length, picture: await f.est.picture(ctx.origin), note,
  });
  const areas = async (ctx: ChatContext, note = ''): Promise<AdaptiveCard> =>
    estCards.areas(ctx.locale, await f.est.picture(ctx.origin), await f.est.areas(ctx.origin), note);
  /** The place as an area, or null when it is no area of the register (then there is nothing to assess). */
  const asArea = async (ctx: ChatContext, place: RegisteredPlace) => (await f.est.areas(ctx.origin)).find((a) => a.id === place.id) ?? null;
  const notAnArea = (locale: Locale) => notice(messages(locale).trust.unavailable, { tone: 'attention' });
  return { overview, areas, asArea, notAnArea };
}

/** The EST week's commands: the overview for anyone, the rapportör list for coordinators. */
export function estCommands(f: EstFeature): CommandEntry[] {
  const a = answers(f);
  const say = (ctx: ChatContext, text: string, list?: Awaited<ReturnType<EstService['reporters']>>): Reply[] =>
    [cardReply(list ? estCards.reporters(ctx.locale, list, text) : notice(text, { tone: 'attention' }))];
  return [
    command({ command: 'est', payload: commandArgs, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => [cardReply(await a.overview(ctx))] }),
    command({
      command: 'reporters', payload: commandArgs, target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        const t = messages(ctx.locale).est;
        const words = payload.args.toLowerCase();
        const adding = /^(lägg till|lagg till|add)\b/.test(words);
        const removing = /^(ta bort|remove)\b/.test(words);
        if (!adding && !removing) return [cardReply(estCards.reporters(ctx.locale, await f.est.reporters(ctx.origin)))];
        const who = await mentionedPerson(f.users, ctx, payload.args);
        if (!who) return say(ctx, t.reporterWho);
        if ('unknown' in who) return say(ctx, format(messages(ctx.locale).trust.unknownPerson, { name: safeText(who.unknown) }));
        if (removing) {
          const removed = await f.est.removeReporter(ctx.origin, ctx.actor, who.userId);
          return say(ctx, format(removed ? t.reporterRemoved : t.reporterUnknown, { name: safeText(who.name) }), await f.est.reporters(ctx.origin));
        }
        const organisation = organisationIn(payload.args, ctx.locale);
        if (!organisation) return say(ctx, t.reporterOrganisation);
        await f.est.addReporter(ctx.origin, ctx.actor, { userId: who.userId, organisation, displayName: who.name, chatUserId: who.chatUserId });
        return say(ctx, format(t.reporterAdded, { name: safeText(who.name), organisation: messages(ctx.locale).organisation[organisation] }), await f.est.reporters(ctx.origin));
      },
    }),
  ];
}

/** The EST cards' buttons. */
export function estVerbs(f: EstFeature, targets: Targets): VerbEntry[] {
  const a = answers(f);
  const blankAssessment = { values: { level: '', reason: '' }, errors: { level: '', reason: '' }, banner: '' };
  return [
    verb({ verb: EST_VERBS.overview, payload: nothing, target: noTarget, right: 'member', writes: false, handle: ({ ctx }) => a.overview(ctx) }),
    verb({ verb: EST_VERBS.areas, payload: nothing, target: noTarget, right: 'member', writes: false, handle: ({ ctx }) => a.areas(ctx) }),
    verb({
      verb: EST_VERBS.openAssessment, payload: placeRef, target: targets.place(), right: 'est.assess', writes: false,
      handle: async ({ ctx, target }) => {
        const area = await a.asArea(ctx, target.place);
        return area ? estCards.assessmentForm(ctx.locale, area, weekStart(f.now(), f.est.zone), blankAssessment, f.est.scale) : a.notAnArea(ctx.locale);
      },
    }),
    verb({
      verb: EST_VERBS.saveAssessment, payload: placeRef.extend(assessmentForm.shape), target: targets.place(), right: 'est.assess', writes: true,
      handle: async ({ ctx, payload, target }) => {
        const area = await a.asArea(ctx, target.place);
        if (!area) return a.notAnArea(ctx.locale);
        const m = messages(ctx.locale);
        const values = { level: payload.level ?? '', reason: payload.reason ?? '' };
        const result = await f.est.assess(ctx.origin, ctx.actor, { areaId: area.id, ...values }, { maskingConfirmed: payload.maskingConfirmed === true });
        if (result.ok) {
          const week = DateTime.fromISO(result.assessment.weekStart).weekNumber;
          return a.areas(ctx, format(m.est.assessed, { area: safeText(area.name), level: estCards.levelLabel(ctx.locale, result.assessment.level, f.est.scale), week }));
        }
        const week = weekStart(f.now(), f.est.zone);
        if ('personalData' in result) {
          return estCards.assessmentForm(ctx.locale, area, week, { values, errors: { level: '', reason: '' }, banner: '', personalData: result.personalData }, f.est.scale);
        }
        const e = m.est.errors;
        const text = { required: e.required, too_long: format(e.tooLong, { max: REASON_MAX }), invalid: e.invalidLevel } as const;
        return estCards.assessmentForm(ctx.locale, area, week, {
          values, banner: e.form,
          errors: { level: result.errors.level ? text[result.errors.level] : '', reason: result.errors.reason ? text[result.errors.reason] : '' },
        }, f.est.scale);
      },
    }),
    verb({
      verb: EST_VERBS.openMeeting, payload: nothing, target: noTarget, right: 'coordinator', writes: false,
      handle: async ({ ctx }) => {
        const meeting = await f.est.meeting(ctx.origin);
        return estCards.meetingForm(ctx.locale, { weekday: String(meeting.weekday), time: meeting.time, nudgeTime: meeting.nudgeTime }, { weekday: '', time: '' });
      },
    }),
    verb({
      verb: EST_VERBS.saveMeeting, payload: meetingForm, target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        const typed = { weekday: payload.weekday ?? '', time: payload.time ?? '', nudgeTime: payload.nudgeTime ?? '' };
        const result = await f.est.setMeeting(ctx.origin, ctx.actor, typed);
        if (result.ok) return a.overview(ctx, messages(ctx.locale).est.saved);
        const e = messages(ctx.locale).est.errors;
        return estCards.meetingForm(ctx.locale, typed, { weekday: result.error === 'invalid_weekday' ? e.badWeekday : '', time: result.error === 'invalid_time' ? e.badTime : '' });
      },
    }),
    verb({
      verb: EST_VERBS.openPriorities, payload: nothing, target: noTarget, right: 'coordinator', writes: false,
      handle: async ({ ctx }) => {
        // The tertial alone: the whole picture (assessments, hot spots, measures) is not needed for the form.
        const [areas, chosen] = await Promise.all([f.est.areas(ctx.origin), f.est.priorityIds(ctx.origin)]);
        return estCards.prioritiesForm(ctx.locale, tertialOf(f.now(), f.est.zone), areas, chosen);
      },
    }),
    verb({
      verb: EST_VERBS.savePriorities, payload: prioritiesForm, target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        await f.est.choosePriorities(ctx.origin, ctx.actor, [payload.area1, payload.area2, payload.area3].filter((x): x is string => Boolean(x)));
        return a.overview(ctx, messages(ctx.locale).est.saved);
      },
    }),
    verb({
      verb: EST_VERBS.removeReporter, payload: z.object({ userId: id }), target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        const t = messages(ctx.locale).est;
        const before = (await f.est.reporters(ctx.origin)).find((r) => r.userId === payload.userId);
        const removed = await f.est.removeReporter(ctx.origin, ctx.actor, payload.userId);
        const name = safeText(before?.displayName ?? payload.userId.slice(0, 8));
        return estCards.reporters(ctx.locale, await f.est.reporters(ctx.origin), format(removed ? t.reporterRemoved : t.reporterUnknown, { name }));
      },
    }),
    verb({
      verb: EST_VERBS.nothingToReport, payload: estWeekRef, target: estWeekTarget(f), right: 'est.reporter', writes: true,
      handle: async ({ ctx, target }) => {
        await f.est.markNothingToReport(target.scope, ctx.actor, target.meetingDay, target.organisation);
        return estCards.nothingNoted(ctx.locale, target.meetingDay, target.organisation);
      },
    }),
  ];
}
