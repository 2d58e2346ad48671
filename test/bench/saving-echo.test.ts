import assert from 'node:assert/strict';
import { startSavingEcho } from '../../bench/support/saving-echo';
import { post, submitMaker } from '../../bench/support/report-traffic';
import type { BotUnderTest } from '../../bench/support/bots';

// The second baseline of measures 1 and 7 must really save each report (its ratio to the bare echo is the
// cost of the store's write); a baseline that answered without saving would make the bot look slow.

async function answerOf(bot: BotUnderTest, activity: unknown): Promise<string> {
  const res = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  assert.equal(res.status, 200);
  return res.text();
}

const refIn = (text: string) => /\bH-\d{4}-(\d{4,})\b/.exec(text)?.[0];

describe('the echo that saves the report (bench/support/saving-echo)', function () {
  this.timeout(60_000);
  let saver: BotUnderTest;
  before(async () => { saver = await startSavingEcho(); });
  after(() => saver.stop());

  it('When two reports are submitted, then each is answered with its own reference number, counted up by the store', async () => {
    const make = submitMaker(saver.serviceUrl, 10, 2);
    const first = refIn(await answerOf(saver, make(0)));
    const second = refIn(await answerOf(saver, make(1)));
    assert.ok(first && second, 'both answers name a saved report');
    assert.equal(Number(second.slice(-4)), Number(first.slice(-4)) + 1);
  });

  it('When the same form is submitted again, then it is answered with the report saved the first time, not saved twice', async () => {
    const make = submitMaker(saver.serviceUrl, 10, 2);
    const once = refIn(await answerOf(saver, make(7)));
    const again = refIn(await answerOf(saver, make(7)));
    const next = refIn(await answerOf(saver, make(8)));
    assert.ok(once);
    assert.equal(again, once);
    assert.equal(Number(next!.slice(-4)), Number(once.slice(-4)) + 1);
  });

  it('When the benchmark client submits to it, then the answer counts as a saved report', async () => {
    assert.equal((await post(saver.baseUrl, submitMaker(saver.serviceUrl, 10, 2), 0)).ok, true);
  });
});
