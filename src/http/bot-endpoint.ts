import type { Activity, ActivityHandler } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, RequestHandler, Response } from 'express';
import type { AfterAnswerTasks } from '../bot/after-answer-tasks';
import type { BotAdapter } from '../bot/adapter';
import { ServiceUrlNotAllowed } from '../bot/service-url-guard';
import type { Logger } from '../logging/logger';

/**
 * POST /api/messages. What CloudAdapter.process does, with our own answers around it: an untrusted
 * caller gets a JSON 401 and a structured log line (the SDK writes the stack to stderr and echoes
 * the error message in the body), an activity whose service URL the bot does not talk to a JSON 403
 * (see assertServiceUrlAllowed), a failure of ours a JSON 500 without internals.
 */
export function botEndpoint(adapter: BotAdapter, bot: ActivityHandler, log: Logger, afterAnswer?: Pick<AfterAnswerTasks, 'around'>): RequestHandler {
  // The work a turn leaves for after its answer (a call-out's personal copies) starts once the answer is written.
  return (req, res) => (afterAnswer ? afterAnswer.around(() => handle(req, res)) : handle(req, res));

  async function handle(req: Request, res: Response): Promise<void> {
    const activity = withDates(req.body as Activity & Record<string, unknown>);
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      const invokeResponse = await adapter.handleActivity(authorization, activity, (context) => bot.run(context));
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      if (error instanceof ServiceUrlNotAllowed) {
        log.warn({ hasToken: authorization !== '' }, 'request refused: the service URL is not one this bot talks to');
        res.status(403).json({ error: 'service_url_not_allowed' });
        return;
      }
      if (error instanceof AuthenticationError) {
        log.warn({ reason: error.message.slice(0, 80), hasToken: authorization !== '' }, 'request refused: not authenticated');
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      log.error({ err: error instanceof Error ? error.name : 'error' }, 'activity processing failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
    }
  }
}

/** The wire carries times as strings; the SDK expects Date objects (as its own validator makes them). */
function withDates<T extends Record<string, unknown>>(activity: T): T {
  for (const key of ['timestamp', 'localTimestamp', 'expiration']) {
    const value = activity[key];
    if (typeof value === 'string') Object.assign(activity, { [key]: new Date(value), [`raw${key[0]!.toUpperCase()}${key.slice(1)}`]: value });
  }
  return activity;
}
