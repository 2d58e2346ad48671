import type { AdaptiveCard } from '../cards/card-schema';
import type { ChatContext, Reply } from './chat-context';
import type { CommandName } from './command-parser';

/** What a typed command does. `args` are the words after the command, as typed. */
export type CommandRunner = (ctx: ChatContext, args: string) => Promise<Reply[]>;
export type CommandRunners = Partial<Record<CommandName, CommandRunner>>;

/** What a card button (Action.Execute verb) does: the card that replaces the pressed one. */
export type CardActionRunner = (ctx: ChatContext, data: Record<string, unknown>) => Promise<AdaptiveCard>;
export type CardActionRunners = Record<string, CardActionRunner>;
