import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-schema';
import type { Right, Target } from '../../domain/access-policy';
import type { Shares } from '../../domain/ports/card-messages.port';
import type { ChatContext, Reply } from '../chat-context';
import type { CommandName } from '../command-parser';

/**
 * One registry for every card verb and command. Each entry declares, next to its handler:
 * - `payload`: a zod schema; what Teams sends is untrusted and is parsed before anything else;
 * - `target`: what the entry acts on and how it is loaded *within the caller's scope* (never a bare id);
 * - `right`: the right the caller needs on that target (decided by the AccessPolicy, in one place);
 * - `writes`: whether it changes data (a refused write is recorded in the audit trail).
 * The dispatcher parses, loads, checks, and only then calls `handle`.
 */

/** How an entry finds its target: `none`, or a loader that searches only the caller's scope. */
export interface TargetSpec<P, T extends Target> {
  readonly kind: T['kind'];
  load(ctx: ChatContext, payload: P): Promise<T | null>;
}

export interface Call<P, T extends Target> {
  ctx: ChatContext;
  payload: P;
  target: T;
}

/** What every entry declares, whatever starts it: its payload's schema, its target, its right, whether it writes, and its handler's answer R. */
export interface EntryDeclaration<R, S extends z.ZodType = z.ZodType, T extends Target = Target> {
  readonly payload: S;
  readonly target: TargetSpec<z.output<S>, T>;
  readonly right: Right;
  readonly writes: boolean;
  handle(call: Call<z.output<S>, T>): Promise<R>;
}

export interface VerbEntry<S extends z.ZodType = z.ZodType, T extends Target = Target> extends EntryDeclaration<AdaptiveCard, S, T> {
  readonly verb: string;
  /**
   * The kind of item the answer shows when the press changed one: the pressed message then shows that
   * item's card to everyone in the conversation (the shared card), and is remembered as its card.
   */
  readonly shares?: Shares;
  /** The card to answer with when the store is down: a form comes back with what was typed. */
  storeDown?(ctx: ChatContext, raw: Record<string, unknown>): Promise<AdaptiveCard>;
}

export interface CommandEntry<S extends z.ZodType = z.ZodType, T extends Target = Target> extends EntryDeclaration<Reply[], S, T> {
  readonly command: CommandName;
}

/** Builders that keep each entry's payload, target and handler types tied together. */
export const verb = <S extends z.ZodType, T extends Target>(entry: VerbEntry<S, T>): VerbEntry => entry as unknown as VerbEntry;
export const command = <S extends z.ZodType, T extends Target>(entry: CommandEntry<S, T>): CommandEntry => entry as unknown as CommandEntry;

export interface Registry {
  verbs: ReadonlyMap<string, VerbEntry>;
  commands: ReadonlyMap<CommandName, CommandEntry>;
}

/** Builds the registry; a verb or command declared twice is a programming error caught at start. */
export function createRegistry(verbs: readonly VerbEntry[], commands: readonly CommandEntry[]): Registry {
  const verbMap = new Map<string, VerbEntry>();
  for (const entry of verbs) {
    if (verbMap.has(entry.verb)) throw new Error(`verb ${entry.verb} is registered twice`);
    verbMap.set(entry.verb, entry);
  }
  const commandMap = new Map<CommandName, CommandEntry>();
  for (const entry of commands) {
    if (commandMap.has(entry.command)) throw new Error(`command ${entry.command} is registered twice`);
    commandMap.set(entry.command, entry);
  }
  return { verbs: verbMap, commands: commandMap };
}
