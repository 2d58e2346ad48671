import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { ActivityHandler } from 'botbuilder';
import type { BotAdapter } from '../bot/adapter';
import type { AfterAnswerTasks } from '../bot/after-answer-tasks';
import type { Store } from '../domain/ports/store.port';
import type { Logger } from '../logging/logger';
import { botEndpoint } from './bot-endpoint';
import { REQUEST_ID, runWith } from '../logging/request-context';
import { loggedPath, requestIdFrom } from '../logging/request-log';

export interface HttpDeps {
  adapter: BotAdapter;
  bot: ActivityHandler;
  store: Pick<Store, 'health'>;
  log: Logger;
  maxBodyBytes: number;
  /** True once the instance stops: /readyz answers 503 so that no new work is sent to it. */
  draining?: () => boolean;
  /** Starts the work a turn leaves for after its answer (a call-out's personal copies) once the answer is written. */
  afterAnswer?: Pick<AfterAnswerTasks, 'around'>;
  /** Feature routes (e.g. export links), mounted before the 404. */
  routes?: { path: string; router: express.Router }[];
}

/** The bot's HTTP surface: Bot Framework messages, liveness and readiness probes, and JSON errors without stack traces. */
export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(requestLogger(deps.log));

  app.post('/api/messages', express.json({ limit: deps.maxBodyBytes }), requireActivityShape, botEndpoint(deps.adapter, deps.bot, deps.log, deps.afterAnswer));

  // Liveness: the process is up and serves HTTP. Cheap, and never the database: restarting the process
  // would not mend a full disk, and a platform that restarts on a failed liveness probe would only add to it.
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });

  // Readiness: the store can be read and written (a probe row) and has every migration this version
  // knows; 503 while it cannot, and from the moment the instance stops (it drains, takes no new work).
  // Status and store kind only: why (a driver's text can name tables or quote data) goes to the log.
  app.get('/readyz', async (_req, res) => {
    if (deps.draining?.()) return void res.status(503).json({ status: 'stopping' });
    const { ok, kind, cause, detail } = await deps.store.health();
    if (!ok) deps.log.warn({ store: kind, cause, detail: detail?.slice(0, 200) }, 'health check: store unavailable');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', store: { ok, kind } });
  });

  for (const { path, router } of deps.routes ?? []) app.use(path, router);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use(errorHandler(deps.log));
  return app;
}

/**
 * JSON that is not a Bot Framework activity is the caller's mistake: a 400 in JSON here, rather than
 * a 500 or an HTML page from deep inside the adapter.
 */
const requireActivityShape: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  const activity = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  const conversation = activity?.conversation as Record<string, unknown> | undefined;
  const ok = activity !== null && typeof activity.type === 'string' && typeof activity.serviceUrl === 'string'
    && typeof conversation === 'object' && conversation !== null && typeof conversation.id === 'string';
  if (ok) return next();
  res.status(400).json({ error: 'invalid_activity' });
};

/**
 * One line per request. The client's request id only if it is a short safe token; the path as its
 * route's pattern, so that a capability in it (an export link's token) never reaches the log.
 */
function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = loggedPath(req.originalUrl.split('?')[0]!, (req.route as { path?: unknown } | undefined)?.path);
      log.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    runWith(REQUEST_ID, requestId, next);
  };
}

/** Body-parser marks its errors with a type and status: a client mistake is a 4xx, never a 500. */
function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; name?: string }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') return void res.status(400).json({ error: 'invalid_json' });
    if (error.type === 'entity.too.large') return void res.status(413).json({ error: 'payload_too_large' });
    if (error.status && error.status >= 400 && error.status < 500) return void res.status(error.status).json({ error: 'bad_request' });
    log.error({ err: error.name ?? 'error' }, 'unhandled request error');
    if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
  };
}
