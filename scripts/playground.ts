/**
 * `npm run playground`: the bot in local mode (no Bot Framework auth) on an embedded SQLite file,
 * together with the Microsoft 365 Agents Playground, which emulates Teams in the browser, offline.
 */
import 'dotenv/config';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startBot } from '../src/compose';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { startLocaleRelay } from './playground-locale';

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    DATABASE_URL: process.env.PLAYGROUND_DATABASE_URL ?? 'sqlite:data/playground.db',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const bot = await startBot(config, createLogger(config.logLevel));
  // The playground always says en-US; the relay makes it a Swedish client (PLAYGROUND_LOCALE to change).
  const relay = await startLocaleRelay(new URL(`http://127.0.0.1:${bot.port}/api/messages`), process.env.PLAYGROUND_LOCALE ?? 'sv-SE');
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const cli = join(__dirname, '../node_modules/@microsoft/m365agentsplayground/cli.js');
  const playground = spawn(process.execPath, [
    cli, '--app-endpoint', relay.url, '--channel-id', 'msteams',
    '--port', String(playgroundPort), '--disable-telemetry',
  ], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TEAMSFX_TELEMETRY: 'false' } });
  playground.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (/listening|started|http:\/\/localhost/i.test(text)) process.stdout.write(text);
  });

  process.stdout.write([
    '',
    `  Trygghetsboten (local mode) on http://localhost:${bot.port}/api/messages, store ${config.databaseUrl}`,
    `  Agents Playground: open http://localhost:${playgroundPort} in your browser`,
    '  Skriv först: hjälp   (sedan: rapportera, aktivitet, senaste)',
    '  Stop with Ctrl+C.',
    '',
  ].join('\n'));

  const stop = async () => {
    playground.kill('SIGTERM');
    relay.server.close();
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  playground.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`Agents Playground stopped (exit ${code}).\n`);
    void stop();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Playground failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
