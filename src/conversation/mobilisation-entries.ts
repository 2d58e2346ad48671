import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import { callListView, calloutView, closeForm, externalView, mobiliseForm } from '../cards/mobilisation-cards';
import { MOBILISATION_VERBS } from '../cards/mobilisation-verbs';
import { safeText } from '../cards/render';
import { notice } from '../cards/report-cards';
import type { AccessPolicy, Target } from '../domain/access-policy';
import { CALL_LIST_MAX, CALL_ROLES, CALL_STEPS, type Callee, type CallRole } from '../domain/mobilisation/call-list';
import { ANSWERS, type Callout } from '../domain/mobilisation/callout';
import { MOBILISATION_LIMITS, type CallFailure, type MobilisationService } from '../domain/mobilisation/mobilisation-service';
import type { SchoolLookup, SchoolRef } from '../domain/mobilisation/school-ref';
import { foldText } from '../domain/place';
import type { CalloutRepository, CallListRepository } from '../domain/ports/mobilisation.port';
import type { UserProfileRepository } from '../domain/ports/store.port';
import { format, messages } from '../i18n/messages';
import { cardReply, messageSubmitKey, textReply, type ChatContext, type Reply } from './chat-context';
import { command, verb, type CommandEntry, type TargetSpec, type VerbEntry } from './registry/entries';
import { commandArgs, flag, id, submitKey, typed } from './registry/payloads';
import { noTarget, schoolTarget } from './registry/targets';

/** What the call-out verbs and commands work with, wired in the composition root. */
export interface MobilisationFeature {
  service: MobilisationService;
  schools: SchoolLookup;
  callLists: CallListRepository;
  callouts: Pick<CalloutRepository, 'get'>;
  users: Pick<UserProfileRepository, 'findByChatUserId'>;
  access: Pick<AccessPolicy, 'allows'>;
  now(): Date;
}

type CalloutTarget = Extract<Target, { kind: 'mobilisation' }>;

/**
 * A call-out is found in the conversation it was called in, and by its recipients anywhere in the
 * tenant (their personal copy is in their own chat with the bot); from anywhere else it is not there.
 */
const calloutTarget = (f: MobilisationFeature): TargetSpec<{ id: string }, CalloutTarget> => ({
  kind: 'mobilisation',
  load: async (ctx, p) => {
    const callout = await f.callouts.get({
      tenantId: ctx.scope.tenantId, conversationId: ctx.origin.conversationId, recipientId: ctx.actor.userId,
      ...(ctx.actor.chatUserId ? { recipientChatId: ctx.actor.chatUserId } : {}),
    }, p.id);
    return callout ? { kind: 'mobilisation', callout } : null;
  },
});

const calloutRef = z.object({ id });
const schoolRef = z.object({ schoolId: id });

/** Why a call was not made, on the card the caller sees (what they typed kept, and the card's key: it made nothing yet). */
function callRefused(f: MobilisationFeature, ctx: ChatContext, failure: CallFailure, schools: SchoolRef[], what: string, submitKey?: string): AdaptiveCard {
  const k = messages(ctx.locale).mobilisation.refusal;
  const key = submitKey ? { submitKey } : {};
  if (failure.reason === 'no_school') return mobiliseForm(ctx.locale, { schools, values: { schoolId: '', what }, banner: format(k.noSchool, { typed: safeText(failure.typed) }), ...key });
  const values = { schoolId: failure.school.id, what };
  if (failure.reason === 'personal_data') return mobiliseForm(ctx.locale, { schools, values, personalData: failure.findings, ...key });
  if (failure.reason === 'empty_list') return notice(format(k.emptyList, { school: safeText(failure.school.name) }), { tone: 'attention' });
  const banner = failure.reason === 'too_long' ? format(k.tooLong, { max: MOBILISATION_LIMITS.whatMax }) : k.noWhat;
  return mobiliseForm(ctx.locale, { schools, values, banner, ...key });
}

/** The answer to a call: the call-out's card, remembered as its shared card once posted. */
const calledReply = (ctx: ChatContext, f: MobilisationFeature, callout: Callout): Reply => ({
  ...cardReply(calloutView(ctx.locale, callout, f.now())),
  shows: { scope: { tenantId: callout.tenantId, conversationId: callout.conversationId }, item: { kind: 'mobilisation', id: callout.id } },
});

/** The card buttons of call-outs and call lists. */
export function mobilisationVerbs(f: MobilisationFeature): VerbEntry[] {
  const view = (ctx: ChatContext, c: Callout) => calloutView(ctx.locale, c, f.now());
  const schoolsOf = (ctx: ChatContext) => f.schools.list(ctx.scope, 1000);
  const listView = async (ctx: ChatContext, school: SchoolRef, note = '', warning = '') => callListView(ctx.locale, school, await f.callLists.list(ctx.scope, school.id), {
    canEdit: await f.access.allows('school.manage', ctx.scope, ctx.actor, { kind: 'school', school }), note, warning,
  });
  return [
    verb({
      verb: MOBILISATION_VERBS.call, payload: z.object({ schoolId: typed, what: typed, maskingConfirmed: flag, submitKey }), target: noTarget, right: 'member', writes: true, shares: 'mobilisation',
      handle: async ({ ctx, payload }) => {
        const schools = await schoolsOf(ctx);
        const what = payload.what ?? '';
        const key = payload.submitKey;
        const school = payload.schoolId ? await f.schools.get(ctx.scope, payload.schoolId) : null;
        if (!school) return callRefused(f, ctx, { ok: false, reason: 'no_school', typed: '' }, schools, what, key);
        // The card's key: a second press of it (or Teams' retry of the press) answers with the first press's call-out.
        const outcome = await f.service.call(ctx.actor, ctx.origin, school, what, { maskingConfirmed: payload.maskingConfirmed === true }, key);
        return outcome.ok ? view(ctx, outcome.callout) : callRefused(f, ctx, outcome, schools, what, key);
      },
    }),

    verb({
      verb: MOBILISATION_VERBS.answer, payload: calloutRef.extend({ answer: z.enum(ANSWERS), note: typed, maskingConfirmed: flag }),
      target: calloutTarget(f), right: 'mobilisation.answer', writes: true, shares: 'mobilisation',
      handle: async ({ ctx, payload, target: { callout } }) => {
        const note = payload.note ?? '';
        const outcome = await f.service.answer(ctx.actor, callout, payload.answer, note, { maskingConfirmed: payload.maskingConfirmed === true });
        if (outcome.ok) return view(ctx, outcome.callout);
        if (outcome.reason === 'personal_data') return calloutView(ctx.locale, callout, f.now(), { note, findings: outcome.findings });
        const k = messages(ctx.locale).mobilisation.refusal;
        return notice(outcome.reason === 'too_long' ? format(k.tooLong, { max: MOBILISATION_LIMITS.noteMax }) : k.closed, {
          tone: 'attention', actions: [{ title: messages(ctx.locale).mobilisation.card.show, verb: MOBILISATION_VERBS.show, data: { id: callout.id } }],
        });
      },
    }),

    verb({
      verb: MOBILISATION_VERBS.show, payload: calloutRef, target: calloutTarget(f), right: 'member', writes: false,
      handle: async ({ ctx, target }) => view(ctx, target.callout),
    }),

    verb({
      verb: MOBILISATION_VERBS.external, payload: calloutRef, target: calloutTarget(f), right: 'member', writes: false,
      handle: async ({ ctx, target }) => externalView(ctx.locale, target.callout),
    }),

    verb({
      verb: MOBILISATION_VERBS.externalSent, payload: calloutRef, target: calloutTarget(f), right: 'mobilisation.lead', writes: true, shares: 'mobilisation',
      handle: async ({ ctx, target }) => view(ctx, await f.service.markExternalSent(ctx.actor, target.callout)),
    }),

    verb({
      verb: MOBILISATION_VERBS.openClose, payload: calloutRef, target: calloutTarget(f), right: 'mobilisation.lead', writes: false,
      handle: async ({ ctx, target }) => (target.callout.state === 'closed' ? view(ctx, target.callout) : closeForm(ctx.locale, target.callout)),
    }),

    verb({
      verb: MOBILISATION_VERBS.close, payload: calloutRef.extend({ outcome: typed, maskingConfirmed: flag }),
      target: calloutTarget(f), right: 'mobilisation.lead', writes: true, shares: 'mobilisation',
      handle: async ({ ctx, payload, target: { callout } }) => {
        const outcome = payload.outcome ?? '';
        const school = await f.schools.get(ctx.scope, callout.schoolId);
        const closed = await f.service.close(ctx.actor, callout, school, outcome, { maskingConfirmed: payload.maskingConfirmed === true });
        if (closed.ok) return view(ctx, closed.callout);
        const k = messages(ctx.locale).mobilisation.refusal;
        if (closed.reason === 'personal_data') return closeForm(ctx.locale, callout, outcome, '', closed.findings);
        if (closed.reason === 'closed' || closed.reason === 'not_recipient') return view(ctx, closed.callout);
        return closeForm(ctx.locale, callout, outcome, closed.reason === 'too_long' ? format(k.tooLong, { max: MOBILISATION_LIMITS.outcomeMax }) : k.required);
      },
    }),

    verb({
      verb: MOBILISATION_VERBS.showCallList, payload: schoolRef, target: schoolTarget(f.schools, 'schoolId'), right: 'member', writes: false,
      handle: async ({ ctx, target }) => listView(ctx, target.school),
    }),

    verb({
      verb: MOBILISATION_VERBS.addToCallList, payload: schoolRef.extend({ userId: id, role: z.enum(CALL_ROLES), step: z.coerce.number().int().min(1).max(3) }),
      target: schoolTarget(f.schools, 'schoolId'), right: 'school.manage', writes: true,
      handle: async ({ ctx, payload, target: { school } }) => {
        // From the card: one of the school's contacts (others are added by @mention).
        const contact = school.contacts.find((c) => c.userId === payload.userId);
        if (!contact) return notice(messages(ctx.locale).trust.unavailable, { tone: 'attention' });
        const callee: Callee = { userId: contact.userId, chatUserId: null, name: contact.name, role: payload.role, step: CALL_STEPS.find((s) => s === payload.step) ?? 1 };
        return addCallee(f, ctx, school, callee).then((note) => listView(ctx, school, note.ok ? note.text : '', note.ok ? '' : note.text));
      },
    }),

    verb({
      verb: MOBILISATION_VERBS.removeFromCallList, payload: schoolRef.extend({ userId: id }), target: schoolTarget(f.schools, 'schoolId'), right: 'school.manage', writes: true,
      handle: async ({ ctx, payload, target: { school } }) => {
        const entry = (await f.callLists.list(ctx.scope, school.id)).find((e) => e.userId === payload.userId);
        if (!entry || !(await f.callLists.remove(ctx.scope, school.id, entry.userId))) return listView(ctx, school);
        return listView(ctx, school, format(messages(ctx.locale).mobilisation.callList.removed, { name: safeText(entry.name) }));
      },
    }),
  ];
}

/** Puts the callee on the list (or changes their role and step), unless the list is full. */
async function addCallee(f: MobilisationFeature, ctx: ChatContext, school: SchoolRef, callee: Callee): Promise<{ ok: boolean; text: string }> {
  const k = messages(ctx.locale).mobilisation.callList;
  const list = await f.callLists.list(ctx.scope, school.id);
  if (list.length >= CALL_LIST_MAX && !list.some((e) => e.userId === callee.userId)) return { ok: false, text: format(k.full, { max: CALL_LIST_MAX }) };
  await f.callLists.put(ctx.scope, school.id, callee, { actorId: ctx.actor.userId, now: f.now() });
  return { ok: true, text: format(k.saved, { name: safeText(callee.name) }) };
}

/** `mobilisera <skola> <vad har hänt>` and `ringlista <skola> [@person roll steg]`. */
export function mobilisationCommands(f: MobilisationFeature): CommandEntry[] {
  return [
    command({
      command: 'mobilise', payload: commandArgs, target: noTarget, right: 'member', writes: true,
      handle: async ({ ctx, payload }) => {
        const schools = await f.schools.list(ctx.scope, 1000);
        if (payload.args.trim() === '') return [cardReply(mobiliseForm(ctx.locale, { schools }))];
        const found = await f.service.schoolAndWhat(ctx.scope, payload.args);
        if (!found) return [textReply(format(messages(ctx.locale).mobilisation.refusal.noSchool, { typed: payload.args.trim().split(/\s+/)[0]!.slice(0, 80) }))];
        // The message's key: Teams delivering the same message again calls nobody twice.
        const outcome = await f.service.call(ctx.actor, ctx.origin, found.school, found.what, {}, messageSubmitKey(ctx));
        if (outcome.ok) return [calledReply(ctx, f, outcome.callout)];
        if (outcome.reason === 'empty_list') return [textReply(format(messages(ctx.locale).mobilisation.refusal.emptyList, { school: found.school.name }))];
        return [cardReply(callRefused(f, ctx, outcome, schools, found.what))];
      },
    }),
    command({
      command: 'callList', payload: commandArgs, target: noTarget, right: 'member', writes: true,
      handle: async ({ ctx, payload }) => {
        const k = messages(ctx.locale).mobilisation.callList;
        if (payload.args.trim() === '') return [textReply(k.which)];
        const found = await f.service.schoolAndWhat(ctx.scope, payload.args);
        if (!found) return [textReply(format(k.noSchool, { typed: payload.args.trim().slice(0, 80) }))];
        const { school } = found;
        const mention = ctx.mentions?.[0];
        const canEdit = await f.access.allows('school.manage', ctx.scope, ctx.actor, { kind: 'school', school });
        const show = async (note = '', warning = '') => [cardReply(callListView(ctx.locale, school, await f.callLists.list(ctx.scope, school.id), { canEdit, note, warning }))];
        if (!mention) return show();
        if (!canEdit) return [cardReply(notice(messages(ctx.locale).trust.forbidden, { tone: 'attention' }))];
        const words = found.what.split(/\s+/).map((w) => foldText(w));
        const role = CALL_ROLES.find((r) => words.includes(foldText(r)));
        if (!role) return show('', format(k.badRole, { roles: CALL_ROLES.map((r) => messages(ctx.locale).mobilisation.role[r as CallRole]).join(', ') }));
        const step = CALL_STEPS.find((s) => words.includes(String(s))) ?? 1;
        const profile = await f.users.findByChatUserId(ctx.scope, mention.chatUserId);
        const callee: Callee = { userId: profile?.userId ?? mention.chatUserId, chatUserId: mention.chatUserId, name: profile?.displayName ?? mention.name, role, step };
        const added = await addCallee(f, ctx, school, callee);
        return show(added.ok ? added.text : '', added.ok ? '' : added.text);
      },
    }),
  ];
}
