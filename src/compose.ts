import { createAdapter } from './bot/adapter';
import { TrygghetsbotenBot } from './bot/trygghetsboten-bot';
import type { Config } from './config/config';
import { ActionHandler } from './conversation/action-handler';
import { coreCommands } from './conversation/core-commands';
import { InstallHandler } from './conversation/install-handler';
import { MessageHandler } from './conversation/message-handler';
import { ReportViews } from './conversation/report-views';
import { systemClock, type Clock } from './domain/ports/clock.port';
import type { Store } from './domain/ports/store.port';
import { ReportingService } from './domain/reporting-service';
import { createHttpApp } from './http/create-http-app';
import { listen, type RunningServer } from './http/http-server';
import type { Logger } from './logging/logger';
import { createStore, describeDatabaseUrl } from './store/create-store';

export interface RunningBot {
  port: number;
  store: Store;
  server: RunningServer;
  /** Graceful: stop accepting, finish in-flight requests, close the database. */
  stop(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  host?: string;
}

/** The composition root: config → store → domain services → bot → HTTP server. */
export async function startBot(config: Config, log: Logger, options: ComposeOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const store = await createStore(config.databaseUrl, { logger: log });
  const reporting = new ReportingService(store, clock);
  const views = new ReportViews(reporting, () => clock.now());
  const bot = new TrygghetsbotenBot(
    {
      messages: new MessageHandler({ ...coreCommands(reporting, views) }),
      actions: new ActionHandler(reporting, views, {}),
      installs: new InstallHandler(store.conversations),
    },
    clock,
    log,
  );
  const adapter = createAdapter(config.bot, config.allowedTenants, log);
  const app = createHttpApp({ adapter, bot, store, log, maxBodyBytes: config.maxBodyBytes });
  const server = await listen(app, config.port, options.host);
  log.info(
    { port: server.port, store: describeDatabaseUrl(config.databaseUrl), auth: config.bot.authEnabled ? 'on' : 'off (local mode)' },
    `Trygghetsboten listens on http://localhost:${server.port}/api/messages`,
  );
  return {
    port: server.port,
    store,
    server,
    stop: async () => {
      await server.close();
      await store.close();
    },
  };
}
