import { reapLeftovers, testRunId } from './spawned-processes';

/**
 * Mocha root hooks (.mocharc.json "require"). Importing spawned-processes marks this run's environment,
 * so every process a test starts carries the run's id. After the last test, any such process still alive
 * (a server that survived its "kill", a playground left running) fails the run, and is ended by its pid.
 */
export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    const left = await reapLeftovers(15_000);
    if (left.length > 0) {
      throw new Error(`${left.length} process(es) started by this test run (${testRunId}) outlived it and were killed now:\n`
        + left.map((p) => `  pid ${p.pid}: ${p.command}`).join('\n'));
    }
  },
};
