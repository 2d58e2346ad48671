import type { ConversationRecord } from '../conversation';
import type { DigestLocale } from '../digests/subscription';
import type { EstPicture } from '../est/est-service';
import type { Lagesbild } from '../lagesbild/lagesbild';

/** What one post attempt came to. `status` 0: no HTTP answer (network error, timeout). */
export type PostOutcome = { ok: true } | { ok: false; status: number; retryAfterMs: number | null };

/**
 * Posts a lägesbild into a conversation without being asked (proactively). One call, one attempt.
 * `est`: the EST week's part, as the `lägesbild` command's card shows it; left out when the
 * conversation has no EST data.
 */
export interface DigestPoster {
  post(conversation: ConversationRecord, digest: Lagesbild, locale: DigestLocale, est?: EstPicture): Promise<PostOutcome>;
}

/** Waits; tests pass one that returns at once and records the waits. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
