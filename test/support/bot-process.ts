import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  logs: string[];
  exited: Promise<number | null>;
}

/** Starts the bot exactly as `npm start` does (tsx src/main.ts) and waits for its "listens" log line. */
export function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolveStart, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const port = /"port":(\d+)/.exec(line);
        if (port && line.includes('listens')) resolveStart({ child, port: Number(port[1]), logs, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => logs.push(c.toString('utf8')));
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening:\n${logs.join('\n')}`)));
  });
}

/** Runs the entry point to completion, for start-up failures. */
export function runBotProcess(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: projectRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}
