import { ActivityEventNames, ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { tenantOf } from './turn-context-reader';

/** The part of the posting budget a turn uses: its answers are counted, never held (PostingBudget). */
export interface AnswerCounter {
  countAnswer(tenantId: string, posts?: number): Promise<void>;
}

/** Activities that never reach the connector: the invoke's own HTTP answer, and the SDK's local ones. */
const NOT_POSTED = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace, 'delay']);

/**
 * Counts every post a turn makes through the connector (replies, card updates, deletions) in the
 * tenant's posting budget, so that digests and reminders fill only what answers leave of Teams' 30 a
 * second. The count runs beside the post, never before it: an answer is not held behind any digest.
 * Proactive work (continueConversation) counts its own posts in the budget and is left out here.
 */
export function answerBudget(answers: AnswerCounter, log: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (isProactive(context.activity)) return next();
      const tenantId = tenantOf(context.activity);
      // The post goes out at once; the turn ends once its count is in the store too.
      const alongside = async <T>(posts: number, post: () => Promise<T>): Promise<T> => {
        // One write for all of a send's posts (a reply may carry several activities).
        const counted = (posts > 0 ? answers.countAnswer(tenantId, posts) : Promise.resolve()).catch((error: unknown) => {
          log.warn({ err: error instanceof Error ? error.name : 'error' }, 'answer not counted in the posting budget');
        });
        try {
          return await post();
        } finally {
          await counted;
        }
      };
      context.onSendActivities((_ctx, activities, send) => alongside(activities.filter((a) => !NOT_POSTED.has(a.type ?? '')).length, send));
      context.onUpdateActivity((_ctx, _activity, update) => alongside(1, update));
      context.onDeleteActivity((_ctx, _reference, remove) => alongside(1, remove));
      await next();
    },
  };
}

/** botbuilder's continueConversation runs the middleware with an event named ContinueConversation. */
function isProactive(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Event && activity.name === ActivityEventNames.ContinueConversation;
}
