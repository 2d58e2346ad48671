import type { z } from 'zod';
import type { Target } from '../../domain/access-policy';
import type { EntryDeclaration } from './entries';

/**
 * An entry whose answer is not one card or a list of replies (the message extension's search results,
 * an unfolded link, which may be nothing). It declares the same things as a verb or command, and the
 * dispatcher runs it with the same rules (Dispatcher.run): rate limit, payload schema, target loaded
 * within the caller's scope, right.
 */
export interface ExtensionEntry<R, S extends z.ZodType = z.ZodType, T extends Target = Target> extends EntryDeclaration<R, S, T> {
  readonly name: string;
}

export const extension = <R, S extends z.ZodType, T extends Target>(entry: ExtensionEntry<R, S, T>): ExtensionEntry<R> => entry as unknown as ExtensionEntry<R>;
