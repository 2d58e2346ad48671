import * as cards from '../cards/report-cards';
import { formatWhen } from '../cards/formatting';
import { auditLogCard } from '../cards/templates/audit-log.card';
import { render, safeText } from '../cards/render';
import type { AccessPolicy } from '../domain/access-policy';
import { foldText } from '../domain/place';
import type { Clock } from '../domain/ports/clock.port';
import type { Store } from '../domain/ports/store.port';
import { ORGANISATIONS, type Organisation } from '../domain/vocabulary';
import { format, messages, type Locale } from '../i18n/messages';
import { cardReply, type ChatContext, type Reply } from './chat-context';
import type { CommandRunners } from './chat-command';

const AUDIT_ROWS = 25;
const GUID = /\b[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}\b/i;

type Deps = { store: Pick<Store, 'users' | 'coordinators' | 'audit'>; access: AccessPolicy; clock: Clock };

/** Coordinator commands: name another coordinator, move a user to another organisation, read the log. */
export function trustCommands(deps: Deps): CommandRunners {
  const { store, access, clock } = deps;
  const say = (text: string, tone: 'default' | 'attention' | 'good' = 'default'): Reply[] => [cardReply(cards.notice(text, { tone }))];

  /** Whom the command is about: an @mention of someone who has used the bot, or an Entra object id. */
  async function target(ctx: ChatContext, args: string): Promise<{ userId: string; name: string } | { unknown: string } | null> {
    const mention = ctx.mentions?.[0];
    if (mention) {
      const profile = await store.users.findByChatUserId(mention.chatUserId);
      return profile ? { userId: profile.userId, name: profile.displayName ?? mention.name } : { unknown: mention.name };
    }
    const id = GUID.exec(args)?.[0];
    if (!id) return null;
    const profile = await store.users.get(id.toLowerCase());
    return { userId: id.toLowerCase(), name: profile?.displayName ?? id };
  }

  async function coordinatorOnly(ctx: ChatContext, run: () => Promise<Reply[]>): Promise<Reply[]> {
    if (await access.isCoordinator(ctx.actor.userId)) return run();
    return say(messages(ctx.locale).trust.onlyCoordinators, 'attention');
  }

  return {
    coordinator: (ctx, args) => coordinatorOnly(ctx, async () => {
      const t = messages(ctx.locale).trust;
      const who = await target(ctx, args);
      if (!who) return say(t.whoQuestion, 'attention');
      if ('unknown' in who) return say(format(t.unknownPerson, { name: safeText(who.unknown) }), 'attention');
      const now = clock.now();
      await store.coordinators.add(who.userId, ctx.actor.userId, now);
      await store.audit.record({ at: now, tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, action: 'coordinator.added', entityKind: 'user', entityId: who.userId, entityRef: null, detail: null });
      return say(format(t.coordinatorAdded, { name: safeText(who.name) }), 'good');
    }),

    organisation: (ctx, args) => coordinatorOnly(ctx, async () => {
      const m = messages(ctx.locale);
      const who = await target(ctx, args);
      if (!who) return say(m.trust.whoQuestion, 'attention');
      if ('unknown' in who) return say(format(m.trust.unknownPerson, { name: safeText(who.unknown) }), 'attention');
      const organisation = organisationIn(args, ctx.locale);
      const profile = await store.users.get(who.userId);
      if (!organisation || !profile) return say(m.trust.organisationQuestion, 'attention');
      const now = clock.now();
      await store.users.save({ ...profile, organisation, updatedAt: now });
      await store.audit.record({ at: now, tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, action: 'organisation.changed', entityKind: 'user', entityId: who.userId, entityRef: null, detail: organisation });
      return say(format(m.trust.organisationChanged, { name: safeText(who.name), organisation: m.organisation[organisation] }), 'good');
    }),

    log: (ctx) => coordinatorOnly(ctx, async () => {
      const m = messages(ctx.locale);
      const entries = await store.audit.latest(ctx.actor.tenantId, AUDIT_ROWS);
      const names = new Map<string, string>();
      for (const id of new Set(entries.map((e) => e.actorId))) names.set(id, (await store.users.get(id))?.displayName ?? id.slice(0, 8));
      return [cardReply(render(auditLogCard, {
        title: m.trust.logTitle,
        empty: m.trust.logEmpty,
        rows: entries.map((e) => ({
          when: formatWhen(e.at, ctx.locale),
          line: [safeText(names.get(e.actorId) ?? ''), m.trust.action[e.action], e.entityRef ?? e.entityKind, e.detail ? `(${e.detail})` : ''].filter(Boolean).join(' '),
        })),
      }))];
    }),
  };
}

/** An organisation named by its code or its label in the user's language ("skola", "Socialtjänst"). */
function organisationIn(args: string, locale: Locale): Organisation | null {
  const words = foldText(args.replace(/<at>.*?<\/at>/g, ' '));
  const labels = messages(locale).organisation;
  return ORGANISATIONS.find((o) => new RegExp(`(^|\\s)(${o}|${foldText(labels[o]).split(/[/\s]/)[0]})(\\s|$)`).test(words)) ?? null;
}
