import assert from 'node:assert/strict';
import { Pacer } from '../../src/domain/digests/pacer';
import { StepClock } from './digest-fixtures';

describe('digest pacer', () => {
  it('When several digests wait for their turn at once, then each is spaced one interval after the other', async () => {
    const clock = new StepClock(new Date('2026-12-07T06:30:00Z'));
    const slept: number[] = [];
    const pacer = new Pacer(40, clock, async (ms) => { slept.push(ms); });
    await pacer.wait();
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    assert.deepEqual(slept, [40, 80, 120], 'not three posts let through together');
  });
});
