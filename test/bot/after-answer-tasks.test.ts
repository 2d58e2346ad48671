import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { AfterAnswerTasks } from '../../src/bot/after-answer-tasks';
import { createLogger } from '../../src/logging/logger';
import { ContextKey, contextValue, REQUEST_ID, runWith } from '../../src/logging/request-context';

// The work a turn leaves for after its answer (a call-out's personal copies): collected while the request
// is handled, started once its answer is done, apart from the turn's own values, and logged by name with
// counts, or with its error's name only when it fails.

describe('work after the answer', () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
  const TURN_VALUE = new ContextKey<string>('a value of the turn');
  beforeEach(() => { lines.length = 0; });

  it('When a request asks for work, then it starts only once the request is answered, without the turn\'s values but with its request id', async () => {
    const tasks = new AfterAnswerTasks(log);
    const order: string[] = [];
    let seen: { turn: string | undefined; requestId: string | undefined } | null = null;
    await runWith(REQUEST_ID, 'req-1', () => tasks.around(async () => runWith(TURN_VALUE, 'in the turn', async () => {
      tasks.run('test.work', async () => {
        seen = { turn: contextValue(TURN_VALUE), requestId: contextValue(REQUEST_ID) };
        order.push('work');
        return { done: 1 };
      });
      await new Promise((resolve) => { setTimeout(resolve, 20); });
      order.push('answered');
    })));
    await tasks.idle();
    assert.deepEqual(order, ['answered', 'work']);
    assert.deepEqual(seen, { turn: undefined, requestId: 'req-1' });
    assert.ok(lines.some((l) => l.task === 'test.work' && l.done === 1 && l.requestId === 'req-1'), 'logged with its counts');
  });

  it('When the work fails, then the failure is logged by the task\'s name and the error\'s name, never its message', async () => {
    const tasks = new AfterAnswerTasks(log);
    tasks.run('test.failing', async () => { throw new TypeError('Carl Rektorsson 811218-9876'); });
    await tasks.idle();
    const failed = lines.find((l) => l.task === 'test.failing');
    assert.ok(failed, 'the failure is logged');
    assert.equal(failed.err, 'TypeError');
    assert.ok(!JSON.stringify(lines).includes('811218'), 'nothing of the message');
  });
});
