import 'dotenv/config';
import { startBot } from './compose';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logging/logger';
import { startMemoryReducerNudge } from './runtime/memory-reducer-nudge';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Trygghetsboten cannot start. ${error.message}\nSee env/.env.example for every setting.\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  if (config.openToAnyTenant) {
    log.warn({ setting: 'ALLOWED_TENANTS' }, 'ALLOWED_TENANTS=*: any organisation\'s Teams tenant can use this bot and store data in it');
  }
  const bot = await startBot(config, log);
  const nudge = startMemoryReducerNudge();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    nudge.stop();
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Trygghetsboten failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
