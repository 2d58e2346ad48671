import type { JobLeaseRepository, LeaseOutcome } from '../ports/jobs.port';

/** `finished`: the period is done; false when the run stopped early because the instance stops (the lease was let go). */
export type LeasedRun<T> = { ran: true; outcome: LeaseOutcome; result: T; finished: boolean } | { ran: false; outcome: LeaseOutcome };

/**
 * Runs a job for a period only on the instance that holds the period's lease. The lease is renewed
 * while the job runs (a third of its length), marked done when the job succeeds, and let go at once
 * when it fails or the instance stops, so that another instance (or the next tick) runs it again. An
 * instance that dies stops renewing: its lease lapses after `leaseMs` and another takes it over.
 */
export class JobLeases {
  private readonly held = new Map<string, { job: string; periodKey: string }>();
  private stopping = false;
  private releasedOnStop = 0;

  constructor(
    private readonly leases: JobLeaseRepository,
    /** Names this process in its leases. */
    readonly holder: string,
    readonly leaseMs: number,
    /** Wall-clock time for renewals. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `whole`: the work is one step (a single post) that is done once it returns, even when the instance
   * began to stop meanwhile; letting its lease go would have it done again by another instance.
   */
  async run<T>(job: string, periodKey: string, now: Date, work: () => Promise<T>, options: { whole?: boolean } = {}): Promise<LeasedRun<T>> {
    if (this.stopping) return { ran: false, outcome: 'held' };
    // Held from the later of the two clocks: a lease taken late in a long run (a post's) is not lapsed already.
    const outcome = await this.leases.acquire({ job, periodKey, holder: this.holder, now, until: new Date(Math.max(this.now().getTime(), now.getTime()) + this.leaseMs) });
    if (outcome === 'held' || outcome === 'done') return { ran: false, outcome };
    const key = `${job}\u0000${periodKey}`;
    // Let go: lapsed for any run from this one's time on, whichever clock the next run reads (a run's
    // time is its tick's, which can lie behind the wall clock).
    const letGo = () => this.leases.renew(job, periodKey, this.holder, new Date(Math.min(this.now().getTime(), now.getTime())));
    this.held.set(key, { job, periodKey });
    const renewal = setInterval(() => {
      void this.leases.renew(job, periodKey, this.holder, new Date(Math.max(this.now().getTime(), now.getTime()) + this.leaseMs)).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    try {
      const result = await work();
      clearInterval(renewal);
      // A job stops early (between posts) when the instance stops: the period is not done, and the
      // lease lapses at once so that another instance finishes it.
      if (this.stopping && !options.whole) {
        await letGo();
        this.releasedOnStop++;
        return { ran: true, outcome, result, finished: false };
      }
      await this.leases.finish(job, periodKey, this.holder, this.now());
      return { ran: true, outcome, result, finished: true };
    } catch (error) {
      clearInterval(renewal);
      // Lapsed at once: the next tick (here or on another instance) runs the period again.
      await letGo().catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renewal);
      this.held.delete(key);
    }
  }

  /** Leases this instance holds now (for the shutdown log). */
  get holding(): number {
    return this.held.size;
  }

  /** True once the instance stops: jobs end their run at the next safe point. */
  get stopRequested(): boolean {
    return this.stopping;
  }

  /** No new runs from now on (shutdown). */
  stopTaking(): void {
    this.stopping = true;
  }

  /** Lets go of every lease still held (runs that did not finish): another instance takes over at once. */
  async releaseAll(): Promise<number> {
    return this.releasedOnStop + await this.leases.releaseAll(this.holder, this.now());
  }
}
