import type { Recipient } from './callout';

// The personal copies of a call-out: each recipient ends with exactly one, or marked unreachable, or
// the call-out closed first. The instance that calls (or escalates) sends them at once; a copy it did
// not get to (it died, or was stopped) or that failed for a passing reason is the scheduled job's, on
// whichever instance runs it. Each send is claimed in the store before it is posted, so that two
// instances never post the same copy; an instance that dies while sending leaves its claim to lapse.

/**
 * How long after a step was called its copies are left to the instance that called it, before the
 * scheduled job sends those still unsent: that instance posts them within seconds unless it died.
 */
export const DELIVERY_GRACE_MS = 2 * 60_000;

/** How long a claimed send is held: longer than a send can take (two Connector calls of at most 15 s). */
export const SEND_CLAIM_MS = 2 * 60_000;

/** Tries of one copy before it is given up and the recipient marked unreachable (the caller sees it). */
export const MAX_SEND_TRIES = 5;

/** The longest wait between two tries. */
const MAX_BACK_OFF_MS = 8 * 60_000;

/**
 * Whether Teams refused the recipient for good: 403 (the bot removed, or not allowed to chat with them)
 * or 404 (the user unknown). Anything else (5xx, 429, a timeout or a broken connection, status 0) passes
 * and is tried again.
 */
export function refusedForGood(status: number): boolean {
  return status === 403 || status === 404;
}

/**
 * When a copy whose `failedTries`-th try (counting this one) just failed for a passing reason is tried
 * again: 1, 2, 4, 8 minutes after it; null when it is given up.
 */
export function nextTry(failedTries: number, now: Date): Date | null {
  if (failedTries >= MAX_SEND_TRIES) return null;
  return new Date(now.getTime() + Math.min(60_000 * 2 ** Math.max(0, failedTries - 1), MAX_BACK_OFF_MS));
}

/** Whether the scheduled job sends the recipient's copy at `now`: not sent, and its time come. */
export function sendDue(r: Pick<Recipient, 'delivery' | 'nextSendAt'>, now: Date): boolean {
  return r.delivery === 'pending' && (r.nextSendAt === null || r.nextSendAt.getTime() <= now.getTime());
}
