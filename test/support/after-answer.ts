import type { AfterAnswer } from '../../src/domain/ports/after-answer.port';

/** Runs the work a use case leaves for after its answer at once, and lets a domain test wait for it. */
export class AwaitedAfterAnswer implements AfterAnswer {
  private readonly started: Promise<unknown>[] = [];

  run(_name: string, task: () => Promise<Record<string, number | string>>): void {
    this.started.push(task());
  }

  /** Resolves once every task started so far has ended; rejects with the first failure. */
  async settled(): Promise<void> {
    await Promise.all(this.started.splice(0));
  }
}
