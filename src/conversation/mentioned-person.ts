import { foldText } from '../domain/place';
import type { UserProfileRepository } from '../domain/ports/store.port';
import { ORGANISATIONS, type Organisation } from '../domain/vocabulary';
import { messages, type Locale } from '../i18n/messages';
import type { ChatContext } from './chat-context';

const GUID = /\b[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}\b/i;

export interface MentionedPerson {
  userId: string;
  name: string;
  /** The Teams id, when the person was @mentioned or has written to the bot. */
  chatUserId: string | null;
}

/**
 * Whom a coordinator's command is about: an @mention of someone who has used the bot, or an Entra
 * object id. `unknown`: a mention of someone the bot has no profile of yet; null: nobody named.
 */
export async function mentionedPerson(users: Pick<UserProfileRepository, 'findByChatUserId' | 'get'>, ctx: ChatContext, args: string):
Promise<MentionedPerson | { unknown: string } | null> {
  const mention = ctx.mentions?.[0];
  if (mention) {
    const profile = await users.findByChatUserId(ctx.scope, mention.chatUserId);
    return profile ? { userId: profile.userId, name: profile.displayName ?? mention.name, chatUserId: mention.chatUserId } : { unknown: mention.name };
  }
  const id = GUID.exec(args)?.[0];
  if (!id) return null;
  const profile = await users.get(ctx.scope, id.toLowerCase());
  return { userId: id.toLowerCase(), name: profile?.displayName ?? id, chatUserId: profile?.chatUserId ?? null };
}

/** An organisation named by its code or its label in the user's language ("skola", "Socialtjänst"). */
export function organisationIn(args: string, locale: Locale): Organisation | null {
  const words = foldText(args.replace(/<at>.*?<\/at>/g, ' '));
  const labels = messages(locale).organisation;
  return ORGANISATIONS.find((o) => new RegExp(`(^|\\s)(${o}|${foldText(labels[o]).split(/[/\s]/)[0]})(\\s|$)`).test(words)) ?? null;
}
