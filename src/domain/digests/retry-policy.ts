import type { AttemptOutcome } from '../ports/digest-deliveries.port';
import type { PostOutcome } from '../ports/digest-poster.port';

// Teams' guidance for proactive messages: retry 429 after its Retry-After (else exponential backoff
// with jitter), and 412, 502, 504 the same way; 403/404 mean the bot is gone from the conversation.

const RETRYABLE = new Set([0, 412, 429, 502, 504]);
const GONE = new Set([403, 404]);

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** The connector said the bot is no longer in the conversation: posting there again would not help. */
export function botGone(outcome: PostOutcome): boolean {
  return !outcome.ok && GONE.has(outcome.status);
}

export function classify(outcome: PostOutcome, attempt: number, policy: RetryPolicy): AttemptOutcome {
  if (outcome.ok) return 'posted';
  if (botGone(outcome)) return 'gone';
  return RETRYABLE.has(outcome.status) && attempt < policy.maxAttempts ? 'retry' : 'failed';
}

/** Retry-After when the service sent one (capped), otherwise "full jitter": random in [0, base·2^(n-1)]. */
export function retryDelay(outcome: PostOutcome, attempt: number, policy: RetryPolicy, random: () => number): number {
  if (!outcome.ok && outcome.retryAfterMs !== null) return Math.min(outcome.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
