import { auditLine } from '../cards/audit-lines';
import * as cards from '../cards/report-cards';
import { formatWhen } from '../cards/formatting';
import { auditLogCard } from '../cards/templates/audit-log.card';
import { render, safeText } from '../cards/render';
import type { Clock } from '../domain/ports/clock.port';
import type { Store } from '../domain/ports/store.port';
import { format, messages } from '../i18n/messages';
import { cardReply, type ChatContext, type Reply } from './chat-context';
import { command, type CommandEntry } from './registry/entries';
import { commandArgs } from './registry/payloads';
import { noTarget } from './registry/targets';
import { mentionedPerson, organisationIn } from './mentioned-person';

const AUDIT_ROWS = 25;

type Deps = { store: Pick<Store, 'users' | 'coordinators' | 'audit' | 'memberships'>; clock: Clock };

/**
 * Coordinator commands, all within the coordinator's tenant: name another coordinator, confirm a
 * user's organisation, read the log.
 */
export function trustCommands(deps: Deps): CommandEntry[] {
  const { store, clock } = deps;
  const say = (text: string, tone: 'default' | 'attention' | 'good' = 'default'): Reply[] => [cardReply(cards.notice(text, { tone }))];

  /** Whom the command is about: an @mention of someone who has used the bot, or an Entra object id. */
  const target = (ctx: ChatContext, args: string) => mentionedPerson(store.users, ctx, args);

  const coordinatorOnly = (name: 'coordinator' | 'organisation' | 'log', writes: boolean, run: (ctx: ChatContext, args: string) => Promise<Reply[]>) =>
    command({ command: name, payload: commandArgs, target: noTarget, right: 'coordinator', writes, handle: ({ ctx, payload }) => run(ctx, payload.args) });

  return [
    coordinatorOnly('coordinator', true, async (ctx, args) => {
      const t = messages(ctx.locale).trust;
      const who = await target(ctx, args);
      if (!who) return say(t.whoQuestion, 'attention');
      if ('unknown' in who) return say(format(t.unknownPerson, { name: safeText(who.unknown) }), 'attention');
      const now = clock.now();
      await store.coordinators.add(ctx.scope, who.userId, ctx.actor.userId, now);
      await store.audit.record({ at: now, tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, action: 'coordinator.added', entityKind: 'user', entityId: who.userId, entityRef: null, detail: null });
      return say(format(t.coordinatorAdded, { name: safeText(who.name) }), 'good');
    }),

    /** Confirms the membership: from now on the user has their organisation's rights in this tenant. */
    coordinatorOnly('organisation', true, async (ctx, args) => {
      const m = messages(ctx.locale);
      const who = await target(ctx, args);
      if (!who) return say(m.trust.whoQuestion, 'attention');
      if ('unknown' in who) return say(format(m.trust.unknownPerson, { name: safeText(who.unknown) }), 'attention');
      const organisation = organisationIn(args, ctx.locale);
      if (!organisation) return say(m.trust.organisationQuestion, 'attention');
      const now = clock.now();
      const profile = await store.users.get(ctx.scope, who.userId);
      await store.memberships.confirm(ctx.scope, { userId: who.userId, organisation, source: 'coordinator', confirmedBy: ctx.actor.userId, confirmedAt: now });
      if (profile) await store.users.save({ ...profile, organisation, updatedAt: now });
      await store.audit.record({ at: now, tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, action: 'organisation.changed', entityKind: 'user', entityId: who.userId, entityRef: null, detail: organisation });
      return say(format(m.trust.organisationChanged, { name: safeText(who.name), organisation: m.organisation[organisation] }), 'good');
    }),

    coordinatorOnly('log', false, async (ctx) => {
      const m = messages(ctx.locale);
      const entries = await store.audit.latest(ctx.scope, AUDIT_ROWS);
      const names = new Map<string, string>();
      for (const id of new Set(entries.map((e) => e.actorId))) names.set(id, (await store.users.get(ctx.scope, id))?.displayName ?? id.slice(0, 8));
      return [cardReply(render(auditLogCard, {
        title: m.trust.logTitle,
        empty: m.trust.logEmpty,
        rows: entries.map((e) => ({
          when: formatWhen(e.at, ctx.locale),
          line: auditLine(e, names.get(e.actorId) ?? '', ctx.locale),
        })),
      }))];
    }),
  ];
}
