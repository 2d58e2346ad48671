import assert from 'node:assert/strict';
import { RateLimiter } from '../../src/conversation/rate-limiter';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';

/** A monotonic clock the test moves by hand, in milliseconds. */
const manualMonotonic = () => {
  const clock = { ms: 1_000, now: () => clock.ms };
  return clock;
};

describe('rate limiter', () => {
  it('allows a burst, then refuses, then allows again as time passes, per user', () => {
    const clock = manualMonotonic();
    const limiter = new RateLimiter(3, 6, clock.now);
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('anna')), [true, true, true, false]);
    assert.equal(limiter.take('berit'), true, 'another user has their own bucket');
    clock.ms += 10_000;
    assert.equal(limiter.take('anna'), true, 'one action back after 10 s at 6 a minute');
    assert.equal(limiter.take('anna'), false);
    clock.ms += 3_600_000;
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('anna')), [true, true, true, false], 'never more than the burst');
  });

  it('When more users act within a minute than it remembers, then it stays bounded and still limits the latest users', () => {
    const clock = manualMonotonic();
    const limiter = new RateLimiter(2, 1, clock.now, 1_000);
    for (let i = 0; i < 50_000; i++) {
      limiter.take(`user-${i}`);
      clock.ms += 1; // all within a minute: no bucket refills, none can be dropped as full
    }
    assert.equal(limiter.size, 1_000);
    assert.deepEqual([limiter.take('user-49999'), limiter.take('user-49999')], [true, false], 'the latest user is still counted');
  });

  describe('when the wall clock is set back', () => {
    const RealDate = Date;
    /** Replaces the wall clock (Date and Date.now) with one the test sets. */
    const setWallClock = (iso: string) => {
      const at = RealDate.parse(iso);
      globalThis.Date = class extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(at);
          else super(...(args as [string]));
        }
        static override now() { return at; }
      } as DateConstructor;
    };
    afterEach(() => { globalThis.Date = RealDate; });

    it('When the wall clock jumps back an hour, then a limiter on the default clock still lets the user act', () => {
      setWallClock('2026-11-25T10:00:00Z');
      const limiter = new RateLimiter(3, 6);
      assert.equal(limiter.take('anna'), true);
      setWallClock('2026-11-25T09:00:00Z');
      assert.equal(new Date().toISOString(), '2026-11-25T09:00:00.000Z', 'the wall clock went back');
      assert.deepEqual([1, 2].map(() => limiter.take('anna')), [true, true], 'the rest of the burst is still there');
    });

    it('When an injected clock goes back, then no bucket loses tokens and refilling goes on from the new reading', () => {
      const clock = manualMonotonic();
      const limiter = new RateLimiter(3, 6, clock.now);
      assert.deepEqual([1, 2, 3].map(() => limiter.take('anna')), [true, true, true]);
      clock.ms -= 3_600_000;
      assert.equal(limiter.take('anna'), false, 'the bucket is empty, as it was');
      clock.ms += 10_000;
      assert.equal(limiter.take('anna'), true, 'refilled after 10 s counted from the new reading, not an hour later');
    });
  });
});

describe('rate limit in the running bot', () => {
  it('When the clock is set back an hour after a few messages, then the user still gets answers from the rest of the burst', async () => {
    const h = await new BotHarness().start({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '6' });
    try {
      assert.match(cardText(cardOf((await h.say('hjälp'))[0]!)), /Det här kan jag/);
      h.clock.current = new Date(h.clock.current.getTime() - 3_600_000);
      for (let i = 0; i < 2; i++) {
        const [reply] = await h.say('hjälp');
        assert.doesNotMatch(JSON.stringify(reply), /Du skickar väldigt många/, `message ${i + 2} after the clock went back`);
      }
    } finally {
      await h.stop();
    }
  });
});
