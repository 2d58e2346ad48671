import assert from 'node:assert/strict';
import cron from 'node-cron';
import { classify, DEFAULT_RETRY_POLICY, retryDelay } from '../../src/domain/digests/retry-policy';
import { latestOccurrence, nextOccurrence, parseSchedule } from '../../src/domain/digests/subscription';
import type { ScheduledDigests } from '../../src/domain/digests/scheduled-digests';
import { csvCell, toCsv } from '../../src/http/csv';
import { escapeHtml } from '../../src/http/html-report';
import { createLogger } from '../../src/logging/logger';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler';
import { StepClock } from './digest-fixtures';

const zone = 'Europe/Stockholm';

describe('digest schedules', () => {
  it('reads "prenumerera", weekdays and daily times in Swedish and English', () => {
    const ok = (text: string) => { const r = parseSchedule(text); if (!r.ok) throw new Error(text); return r.schedule; };
    assert.deepEqual(ok(''), { cadence: 'weekly', weekday: 1, time: '07:30' });
    assert.deepEqual(ok('fredag 8.15'), { cadence: 'weekly', weekday: 5, time: '08:15' });
    assert.deepEqual(ok('varje Söndag kl. 18:00'), { cadence: 'weekly', weekday: 7, time: '18:00' });
    assert.deepEqual(ok('Monday 07:30'), { cadence: 'weekly', weekday: 1, time: '07:30' });
    assert.deepEqual(ok('dagligen 06:00'), { cadence: 'daily', weekday: null, time: '06:00' });
    assert.deepEqual(ok('daily at 6'), { cadence: 'daily', weekday: null, time: '06:00' });
    assert.deepEqual(ok('tisdag'), { cadence: 'weekly', weekday: 2, time: '07:30' });
    assert.deepEqual(parseSchedule('blåsdag 07:30'), { ok: false, error: 'unknown_day' });
    assert.deepEqual(parseSchedule('måndag 25:00'), { ok: false, error: 'invalid_time' });
  });

  it('finds the latest and next scheduled instants on the local calendar', () => {
    const weekly = { cadence: 'weekly' as const, weekday: 1, time: '07:30' };
    assert.equal(latestOccurrence(weekly, new Date('2026-11-25T10:00:00Z'), zone).toISOString(), '2026-11-23T06:30:00.000Z');
    assert.equal(nextOccurrence(weekly, new Date('2026-11-25T10:00:00Z'), zone).toISOString(), '2026-11-30T06:30:00.000Z');
    assert.equal(nextOccurrence(weekly, new Date('2026-03-25T10:00:00Z'), zone).toISOString(), '2026-03-30T05:30:00.000Z', 'summer time');
    const daily = { cadence: 'daily' as const, weekday: null, time: '07:30' };
    assert.equal(latestOccurrence(daily, new Date('2026-11-25T06:29:00Z'), zone).toISOString(), '2026-11-24T06:30:00.000Z');
  });
});

describe('retry policy', () => {
  const p = DEFAULT_RETRY_POLICY;
  it('retries 429, 412, 502, 504 and no answer; a 403/404 means gone; anything else fails', () => {
    for (const status of [0, 412, 429, 502, 504]) assert.equal(classify({ ok: false, status, retryAfterMs: null }, 1, p), 'retry');
    for (const status of [403, 404]) assert.equal(classify({ ok: false, status, retryAfterMs: null }, 1, p), 'gone');
    for (const status of [400, 401, 500, 413]) assert.equal(classify({ ok: false, status, retryAfterMs: null }, 1, p), 'failed');
    assert.equal(classify({ ok: false, status: 429, retryAfterMs: null }, p.maxAttempts, p), 'failed');
    assert.equal(classify({ ok: true }, 1, p), 'posted');
  });

  it('waits Retry-After (capped), else full jitter on a doubling ceiling', () => {
    assert.equal(retryDelay({ ok: false, status: 429, retryAfterMs: 5000 }, 1, p, () => 0.9), 5000);
    assert.equal(retryDelay({ ok: false, status: 429, retryAfterMs: 10 * 60_000 }, 1, p, () => 0.9), p.maxDelayMs);
    assert.deepEqual([1, 2, 3, 10].map((n) => retryDelay({ ok: false, status: 502, retryAfterMs: null }, n, p, () => 1)), [1000, 2000, 4000, 60_000]);
    assert.equal(retryDelay({ ok: false, status: 502, retryAfterMs: null }, 3, p, () => 0), 0);
  });
});

describe('CSV and HTML for exports', () => {
  it('neutralises formula injection, quotes separators and quotes, and starts with a BOM', () => {
    assert.equal(csvCell('=SUM(A1:A9)'), "'=SUM(A1:A9)");
    assert.equal(csvCell('+46 70'), "'+46 70");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@cmd'), "'@cmd");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('säger "hej"'), '"säger ""hej"""');
    assert.equal(csvCell('rad 1\nrad 2'), '"rad 1\nrad 2"');
    assert.equal(csvCell(-2), '-2');
    assert.equal(csvCell(null), '');
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), '\uFEFFa;b\r\n1;x\r\n');
  });

  it('escapes every HTML special character', () => {
    assert.equal(escapeHtml(`<script>alert("x")</script> & 'y'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});

describe('digest scheduler wiring (node-cron)', () => {
  it('registers one cron task in Europe/Stockholm that calls tick with the clock, and removes it on stop', async () => {
    const calls: Date[] = [];
    const digests = { runDue: async (now: Date) => { calls.push(now); return []; } } as unknown as ScheduledDigests;
    const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
    const scheduler = new DigestScheduler(digests, clock, createLogger('silent'), '*/5 * * * *');
    scheduler.start();
    try {
      const task = [...cron.getTasks().values()].find((t) => t.name === 'lagesbild-digests');
      assert.ok(task, 'task registered');
      assert.equal(task.getPattern(), '*/5 * * * *');
      await task.execute();
      await scheduler.tick(clock.now());
      assert.deepEqual(calls.map((d) => d.toISOString()), ['2026-11-30T06:30:00.000Z', '2026-11-30T06:30:00.000Z']);
    } finally {
      await scheduler.stop();
    }
    assert.equal([...cron.getTasks().values()].some((t) => t.name === 'lagesbild-digests'), false);
    assert.equal(new DigestScheduler(digests, clock, createLogger('silent'), null).started, false);
  });
});
