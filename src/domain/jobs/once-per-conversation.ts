import { createHash } from 'node:crypto';
import type { JobLeases } from './job-leases';

/**
 * The lease key of one conversation's post in a period: the period and a hash of the conversation id
 * (ids run to 400 characters; the key column holds 100).
 */
export function conversationLeaseKey(periodKey: string, conversationId: string): string {
  return `${periodKey}/${createHash('sha256').update(conversationId).digest('base64url')}`;
}

/**
 * What one post came to: `posted`; `gone` (the bot is no longer in the conversation, or it is
 * unknown: trying again would not help, so it counts as done); `failed` (worth another try).
 */
export type PostResult = 'posted' | 'gone' | 'failed';

/** What a run posted, for the job's log line (counts only). */
export interface PostCounts extends Record<string, number> {
  posted: number;
  gone: number;
  failed: number;
}

export const noPosts = (): PostCounts => ({ posted: 0, gone: 0, failed: 0 });

/** Counts a post in the run's counts (one not made, because made before or elsewhere, is not counted). */
export function count(run: PostCounts, result: PostResult | NotMade): void {
  if (result !== 'done' && result !== 'held') run[result]++;
}

/**
 * Thrown at the end of a run that left posts to do (some failed): the job's lease is let go instead of
 * marked done, so that the next tick runs the period again and posts only to the conversations left.
 */
export class PostsLeft extends Error {
  constructor(readonly counts: PostCounts) {
    super(`${counts.failed} post(s) left for the next run`);
    this.name = 'PostsLeft';
  }
}

/** Ends a run: its counts, or PostsLeft when a post failed (the period is run again). */
export function finishedOrLeft(counts: PostCounts): PostCounts {
  if (counts.failed > 0) throw new PostsLeft(counts);
  return counts;
}

class NotPosted extends Error {}

/** Why a post was not made: `done` before (by this or another instance, or run), or `held` (being made elsewhere now). */
export type NotMade = 'done' | 'held';

/**
 * A scheduled job's post to a conversation, once per period whatever the number of instances, runs
 * or failures. Each post runs under a lease of its own (the job, and the period with the target: the
 * conversation, or the one thing in it the post is about):
 *
 * | the post's lease           | the post                                                        |
 * |----------------------------|-----------------------------------------------------------------|
 * | done                       | not made (`done`): made before, by this or another instance      |
 * | held by another instance   | not made (`held`): being made there right now                    |
 * | free, or lapsed            | made; done when it went out or the bot is gone, let go when it failed or threw |
 *
 * A run that throws midway (or dies) thus leaves the conversations it reached done, and the next run of
 * the period posts only to the others. An instance that dies between the post and its record leaves the
 * lease to lapse: that one conversation is posted again (a reminder twice is better than none).
 */
export class OncePerConversation {
  constructor(private readonly leases: JobLeases) {}

  async post(job: string, periodKey: string, target: string, now: Date, post: () => Promise<PostResult>): Promise<PostResult | NotMade> {
    let result: PostResult = 'posted';
    try {
      const leased = await this.leases.run(job, conversationLeaseKey(periodKey, target), now, async () => {
        result = await post();
        if (result === 'failed') throw new NotPosted();
      }, { whole: true });
      if (leased.ran) return result;
      return leased.outcome === 'done' ? 'done' : 'held';
    } catch (error) {
      if (error instanceof NotPosted) return 'failed';
      throw error;
    }
  }
}
