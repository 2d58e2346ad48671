import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { TEST_RUN_VARIABLE, testRunId } from './spawned-processes';

export const projectRoot = resolve(__dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** The pid the server logged itself: the process that holds the database (child.pid, nothing in between). */
  pid: number;
  logs: string[];
  exited: Promise<number | null>;
  /** How it ended: the exit code, or the signal that ended it (e.g. SIGKILL). */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** How the server is started: Node's arguments and the folder it runs in. */
export interface BotEntry {
  args: string[];
  cwd: string;
}

/** The sources under tsx (below): what the tests run, so that they need no build. */
const SOURCES: BotEntry = { args: ['--import', 'tsx', 'src/main.ts'], cwd: projectRoot };

/**
 * src/main.ts in Node itself with tsx as a loader (what `tsx src/main.ts` does, without tsx's wrapper
 * process). The tsx CLI runs the server in a child of its own; a signal to the wrapper (SIGKILL above all)
 * then never reaches the server, which lives on as an orphan with the database open. `--import tsx`
 * registers tsx for both module systems on Node 20.6 and newer.
 */
function spawnMain(env: Record<string, string>, entry: BotEntry = SOURCES): ChildProcess {
  return spawn(process.execPath, entry.args, {
    cwd: entry.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', [TEST_RUN_VARIABLE]: testRunId, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts the bot's entry point, by default from the sources (src/main.ts under tsx; `npm start` runs the
 * same entry bundled, dist/main.js, so tests need no build), and waits for its "listens" log line.
 */
export function startBotProcess(env: Record<string, string>, entry: BotEntry = SOURCES): Promise<BotProcess> {
  const child = spawnMain({ PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env }, entry);
  const logs: string[] = [];
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const exited = ended.then((e) => e.code);
  return new Promise((resolveStart, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const port = /"port":(\d+)/.exec(line);
        const pid = /"pid":(\d+)/.exec(line);
        if (port && line.includes('listens')) {
          resolveStart({ child, port: Number(port[1]), pid: pid ? Number(pid[1]) : Number.NaN, logs, exited, ended });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => logs.push(c.toString('utf8')));
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening:\n${logs.join('\n')}`)));
  });
}

/** Runs the entry point to completion, for start-up failures. */
export function runBotProcess(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawnMain(env);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}
