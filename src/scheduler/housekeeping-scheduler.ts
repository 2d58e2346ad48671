import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/ports/clock.port';
import { STOCKHOLM } from '../domain/periods';
import type { Logger } from '../logging/logger';

/** A recurring job: what it does at `now`, and a log-safe summary of what it did. */
export interface HousekeepingJob {
  name: string;
  cron: string;
  run(now: Date): Promise<Record<string, number>>;
}

/**
 * node-cron wiring for the jobs besides digests: hot spot reminders and the retention job. Each job
 * is idempotent, so a tick that comes twice or late does no harm; tests call run(name, now) directly.
 */
export class HousekeepingScheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly jobs: HousekeepingJob[], private readonly clock: Clock, private readonly log: Logger, private readonly enabled: boolean) {}

  start(): void {
    if (!this.enabled || this.tasks.length > 0) return;
    for (const job of this.jobs) {
      this.tasks.push(cron.schedule(job.cron, () => void this.run(job.name, this.clock.now()), { timezone: STOCKHOLM, name: job.name }));
    }
  }

  async run(name: string, now: Date): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    const run = job.run(now).then(
      (summary) => this.log.info({ job: name, ...summary }, 'housekeeping job done'),
      (error: unknown) => this.log.error({ job: name, err: error instanceof Error ? error.name : 'error' }, 'housekeeping job failed'),
    );
    this.running.add(run);
    await run.finally(() => this.running.delete(run));
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.splice(0)) await task.destroy();
    await Promise.all([...this.running]);
  }
}
