import cron, { type ScheduledTask } from 'node-cron';
import type { JobLeases } from '../domain/jobs/job-leases';
import { PostsLeft } from '../domain/jobs/once-per-conversation';
import type { Clock } from '../domain/ports/clock.port';
import { STOCKHOLM } from '../domain/periods';
import type { Logger } from '../logging/logger';

/** A recurring job: the period `now` falls in (null: not due now), what it does, and a log-safe summary of what it did. */
export interface HousekeepingJob {
  name: string;
  /** The period a run at `now` counts for: the job runs once per period, on one instance. */
  period(now: Date): string | null;
  run(now: Date): Promise<Record<string, number>>;
}

/**
 * node-cron wiring for the jobs besides digests: hot spot reminders and the retention job. Every tick
 * of the scheduler's cron asks each job for its period and runs it under that period's lease, so that
 * with any number of instances each period is run once, and a run an instance left unfinished (it died)
 * is taken over by the next tick after the lease lapsed. Tests call run(name, now) directly.
 */
export class HousekeepingScheduler {
  private task: ScheduledTask | null = null;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly jobs: HousekeepingJob[],
    private readonly clock: Clock,
    private readonly log: Logger,
    /** null: no cron on this instance (run can still be called). */
    private readonly expression: string | null,
    private readonly leases: JobLeases,
  ) {}

  start(): void {
    if (!this.expression || this.task) return;
    this.task = cron.schedule(this.expression, () => this.tick(this.clock.now()), { timezone: STOCKHOLM, name: 'housekeeping' });
  }

  /** Every job whose period is due, each at most once at a time on this instance. */
  tick(now: Date): Promise<void> {
    return Promise.all(this.jobs.map((job) => this.running.get(job.name) ?? this.run(job.name, now))).then(() => undefined);
  }

  async run(name: string, now: Date): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    const period = job.period(now);
    if (period === null) return;
    const run = this.leases.run(name, period, now, () => job.run(now)).then(
      (outcome) => {
        if (!outcome.ran) return;
        const msg = outcome.finished ? 'housekeeping job done' : 'housekeeping job stopped for shutdown, lease released';
        this.log.info({ job: name, period, lease: outcome.outcome, ...outcome.result }, msg);
      },
      (error: unknown) => {
        // Not a fault of the job: some posts failed, and the next tick runs the period again for them.
        if (error instanceof PostsLeft) this.log.warn({ job: name, period, ...error.counts }, 'housekeeping job left posts for its next run');
        else this.log.error({ job: name, period, err: error instanceof Error ? error.name : 'error' }, 'housekeeping job failed');
      },
    ).finally(() => this.running.delete(name));
    this.running.set(name, run);
    await run;
  }

  /** Stops the cron and waits for the runs in progress. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    await Promise.all([...this.running.values()]);
  }
}
