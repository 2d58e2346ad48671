import type { Logger } from './logger';

/**
 * The Bot Framework SDK writes to the console on its own: a forged or expired token makes
 * botframework-connector's JwtTokenExtractor print the error's stack and the channel's PEM signing
 * key ("Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----…") over several
 * plain-text lines. While the bot runs, every console call becomes one structured log line instead,
 * holding a short summary: the first line of text up to any key, token or long opaque run, and of an
 * error only its name and code (messages and stacks can quote the data that caused them).
 */

const METHODS = ['log', 'info', 'debug', 'trace', 'warn', 'error'] as const;
type Method = (typeof METHODS)[number];
const LEVEL: Record<Method, 'debug' | 'info' | 'warn' | 'error'> = {
  log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error',
};

let originals: Pick<Console, Method> | null = null;
/** The loggers of the bots running in this process; the newest gets the lines. */
const targets: Logger[] = [];

/** Routes console output into `log` until the returned function is called (nested calls stack). */
export function bridgeConsole(log: Logger): () => void {
  targets.push(log);
  if (!originals) {
    originals = Object.fromEntries(METHODS.map((m) => [m, console[m]])) as Pick<Console, Method>;
    for (const method of METHODS) {
      console[method] = (...args: unknown[]) => {
        const target = targets.at(-1);
        if (target) target[LEVEL[method]]({ source: 'console', console: method }, consoleSummary(args));
      };
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    targets.splice(targets.lastIndexOf(log), 1);
    if (targets.length === 0 && originals) {
      Object.assign(console, originals);
      originals = null;
    }
  };
}

const PEM = /-----BEGIN[\s\S]*/;
const JWT = /eyJ[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)*/g;
/** Base64, hex or base64url runs as long as a key, a token or a hash. */
const OPAQUE = /[A-Za-z0-9+/=_-]{24,}/g;
const MAX = 120;

/** One short line that holds no key, token, stack or quoted data. */
export function consoleSummary(args: readonly unknown[]): string {
  const parts = args.map((arg) => {
    if (arg instanceof Error) {
      const code = (arg as { code?: unknown }).code;
      return typeof code === 'string' ? `${arg.name} (${code})` : arg.name;
    }
    if (typeof arg === 'string') return arg.split(/\r?\n/, 1)[0]!;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    return `[${arg === null ? 'null' : typeof arg}]`;
  });
  const line = parts.join(' ')
    .replace(PEM, '[key]')
    .replace(JWT, '[token]')
    .replace(OPAQUE, '[redacted]')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim();
  return line.length > MAX ? `${line.slice(0, MAX)}…` : line;
}
