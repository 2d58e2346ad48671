import type { z } from 'zod';
import type { Right, Target } from '../../domain/access-policy';
import type { Call, TargetSpec } from './entries';

/**
 * An entry whose answer is not one card or a list of replies (the message extension's search results,
 * an unfolded link, which may be nothing). It declares the same things as a verb or command, and the
 * dispatcher runs it with the same rules (Dispatcher.run): rate limit, payload schema, target loaded
 * within the caller's scope, right.
 */
export interface ExtensionEntry<R, S extends z.ZodType = z.ZodType, T extends Target = Target> {
  readonly name: string;
  readonly payload: S;
  readonly target: TargetSpec<z.output<S>, T>;
  readonly right: Right;
  readonly writes: boolean;
  handle(call: Call<z.output<S>, T>): Promise<R>;
}

export const extension = <R, S extends z.ZodType, T extends Target>(entry: ExtensionEntry<R, S, T>): ExtensionEntry<R> => entry as unknown as ExtensionEntry<R>;
