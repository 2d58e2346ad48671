import cron, { type ScheduledTask } from 'node-cron';
import type { ScheduledDigests } from '../domain/digests/scheduled-digests';
import type { JobLeases } from '../domain/jobs/job-leases';
import type { Clock } from '../domain/ports/clock.port';
import { STOCKHOLM } from '../domain/periods';
import type { Logger } from '../logging/logger';

/**
 * node-cron wiring only: each cron tick asks the use case for the digests due now. The cron runs in
 * Europe/Stockholm; which digests are due is decided by the use case from the clock, so a tick that
 * comes late, or a test calling tick(now) itself, gives the same result.
 */
export class DigestScheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly digests: ScheduledDigests,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** null: no cron (the tick can still be called). */
    private readonly expression: string | null,
    /** With them, a tick runs under the lease of its minute: with several instances, one of them runs it. */
    private readonly leases: JobLeases | null = null,
  ) {}

  start(): void {
    if (!this.expression || this.task) return;
    this.task = cron.schedule(this.expression, () => this.tick(this.clock.now()), { timezone: STOCKHOLM, name: 'lagesbild-digests' });
    this.log.info({ cron: this.expression, timezone: STOCKHOLM }, 'digest scheduler started');
  }

  /** One round. A tick while the previous one still posts is skipped: the next tick catches up. */
  tick(now: Date): Promise<void> {
    if (this.running) {
      this.log.debug({}, 'digest tick skipped: previous tick still running');
      return this.running;
    }
    const leases = this.leases;
    const stopRequested = () => leases?.stopRequested ?? false;
    const run = leases
      ? leases.run('digests', minuteKey(now), now, () => this.digests.runDue(now, stopRequested)).then((r) => (r.ran ? r.result : []))
      : this.digests.runDue(now, stopRequested);
    this.running = run
      .then((results) => {
        if (results.length > 0) this.log.info({ digests: results.length }, 'digest tick');
      })
      .catch((error: unknown) => {
        this.log.error({ err: error instanceof Error ? error.name : 'error' }, 'digest tick failed');
      })
      .finally(() => { this.running = null; });
    return this.running;
  }

  get started(): boolean {
    return this.task !== null;
  }

  /** Stops the cron and waits for a tick in progress. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    await this.running;
  }
}

/** The minute of `now` (UTC), the period a digest tick is leased for: ticks in the same minute are one run. */
export function minuteKey(now: Date): string {
  return now.toISOString().slice(0, 16);
}
