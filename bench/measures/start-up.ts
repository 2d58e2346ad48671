import { figure, type Figure } from '../support/results';
import { QUICK, size } from '../support/settings';
import { buildIfStale, ECHO_BOT_SCRIPT, serverCommand, spawnServer } from '../support/server-process';
import { quantile } from '../support/timing';

const MEASURE = '5 start-up';

async function startTimes(command: string, args: string[], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const server = await spawnServer(command, args);
    times.push(server.startMs);
    await server.stop();
  }
  return times;
}

/** 5. Process start to a healthy /healthz on the production start path, against the echo bot's process. */
export async function startUp(): Promise<Figure[]> {
  buildIfStale();
  const rounds = size(5, 1);
  const echo = quantile(await startTimes(process.execPath, [ECHO_BOT_SCRIPT], rounds), 0.5);
  const server = serverCommand();
  const bot = quantile(await startTimes(process.execPath, server.args, rounds), 0.5);
  const figures = [figure(MEASURE, `${server.label} to healthy /healthz (median of ${rounds})`, bot, 'ms', { name: 'echo bot process', value: echo })];
  if (!QUICK) {
    const npm = quantile(await startTimes('npm', ['start', '--silent'], rounds), 0.5);
    figures.push(figure(MEASURE, `npm start (build cached) to healthy /healthz (median of ${rounds})`, npm, 'ms', { name: 'echo bot process', value: echo }));
  }
  return figures;
}
