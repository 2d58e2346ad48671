import type { AfterAnswer } from '../domain/ports/after-answer.port';
import type { Logger } from '../logging/logger';
import { ContextKey, contextValue, runDetached, runWith } from '../logging/request-context';

interface Task {
  name: string;
  task: () => Promise<Record<string, number | string>>;
}

/** The tasks the request being handled now asked to run after its answer. */
const PENDING = new ContextKey<Task[]>('after the answer');

/**
 * Runs the work use cases leave for after the answer (a call-out's personal copies): a request's tasks
 * are collected while it is handled and started once its HTTP answer was written (botEndpoint), apart
 * from its turn; outside a request they start at once. Each is logged when it ends, by its name, with
 * the counts it resolves to, or its error's name when it fails. Nothing here retries: a use case whose
 * work must not be lost leaves it where a scheduled job finds it (a call-out's unsent copies).
 */
export class AfterAnswerTasks implements AfterAnswer {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(name: string, task: Task['task']): void {
    const pending = contextValue(PENDING);
    if (pending) pending.push({ name, task });
    else this.start({ name, task });
  }

  /** Handles a request with `answer` (up to its answer written); the tasks it asked for start once that settled. */
  async around<T>(answer: () => Promise<T>): Promise<T> {
    const pending: Task[] = [];
    try {
      return await runWith(PENDING, pending, answer);
    } finally {
      for (const task of pending) this.start(task);
    }
  }

  /**
   * Resolves once every task started so far (and any they started) has ended (tests; a graceful stop):
   * true, or false when `maxMs` passed first.
   */
  async idle(maxMs?: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = maxMs === undefined ? null : new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), maxMs); timer.unref(); });
    const ended = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    try {
      return await (late ? Promise.race([ended, late]) : ended);
    } finally {
      clearTimeout(timer);
    }
  }

  private start({ name, task }: Task): void {
    const done = runDetached(async () => {
      // Never within the caller's own call stack: the answer is on its way first.
      await new Promise<void>((resolve) => { setImmediate(resolve); });
      try {
        this.log.info({ task: name, ...(await task()) }, 'work after the answer done');
      } catch (error) {
        this.log.warn({ task: name, err: error instanceof Error ? error.name : 'unknown error' }, 'work after the answer failed');
      }
    });
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }
}
