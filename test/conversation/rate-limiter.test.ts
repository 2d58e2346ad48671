import assert from 'node:assert/strict';
import { RateLimiter } from '../../src/conversation/rate-limiter';
import { ManualClock } from '../support/bot-harness';

describe('rate limiter', () => {
  it('allows a burst, then refuses, then allows again as time passes, per user', () => {
    const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
    const limiter = new RateLimiter(3, 6, clock);
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('anna')), [true, true, true, false]);
    assert.equal(limiter.take('berit'), true, 'another user has their own bucket');
    clock.current = new Date(clock.current.getTime() + 10_000);
    assert.equal(limiter.take('anna'), true, 'one action back after 10 s at 6 a minute');
    assert.equal(limiter.take('anna'), false);
    clock.current = new Date(clock.current.getTime() + 3_600_000);
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('anna')), [true, true, true, false], 'never more than the burst');
  });
});
