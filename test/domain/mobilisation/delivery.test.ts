import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Callee } from '../../../src/domain/mobilisation/call-list';
import type { Callout, Recipient } from '../../../src/domain/mobilisation/callout';
import { MAX_SEND_TRIES, nextTry, refusedForGood } from '../../../src/domain/mobilisation/delivery';
import { MobilisationService } from '../../../src/domain/mobilisation/mobilisation-service';
import type { CalloutMessenger, DeliveryOutcome } from '../../../src/domain/ports/mobilisation.port';
import type { Store } from '../../../src/domain/ports/store.port';
import { createStore } from '../../../src/store/create-store';
import { AwaitedAfterAnswer } from '../../support/after-answer';
import { ManualClock } from '../../support/bot-harness';

// The personal copies' delivery rule, and two instances (two services, each with its own connection to
// one SQLite file) sending the copies left over at the same moment, without a job lease between them:
// each copy's claim in the store is what keeps every recipient to one copy.

const origin = { tenantId: 'tenant-1', conversationId: 'channel-1' };
const caller = { userId: 'caller', name: 'Anna', tenantId: 'tenant-1' };
const callee = (userId: string): Callee => ({ userId, chatUserId: null, name: userId, role: 'rektor', step: 1 });
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];

/** Answers each send with `answer`, after a pause (two instances' sends overlap). */
class SlowMessenger implements CalloutMessenger {
  readonly sent: string[] = [];
  constructor(private readonly answer: (userId: string) => DeliveryOutcome, private readonly pauseMs = 5) {}
  async sendPersonal(_c: Callout, r: Recipient): Promise<DeliveryOutcome> {
    await new Promise((done) => setTimeout(done, this.pauseMs));
    const outcome = this.answer(r.userId);
    if (outcome.ok) this.sent.push(r.userId);
    return outcome;
  }
  async tellEscalated(): Promise<void> {}
}

describe('mobilisation: the personal copies\' delivery rule', () => {
  it('When Teams answers 403 or 404, then the recipient cannot be reached; any other failure passes and is tried again', () => {
    assert.deepEqual([403, 404].map(refusedForGood), [true, true]);
    assert.deepEqual([0, 400, 401, 408, 429, 500, 502, 503].map(refusedForGood), [false, false, false, false, false, false, false, false]);
  });

  it('When tries fail, then the next comes after 1, 2, 4 and 8 minutes, and the fifth failure gives the copy up', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const waits = [1, 2, 3, 4, 5].map((tries) => nextTry(tries, now)).map((at) => (at === null ? null : (at.getTime() - now.getTime()) / 60_000));
    assert.deepEqual(waits, [1, 2, 4, 8, null]);
    assert.equal(MAX_SEND_TRIES, 5);
  });
});

describe('mobilisation: two instances sending the copies left over at the same moment', () => {
  let dir: string;
  let stores: Store[];
  let clock: ManualClock;
  let afterAnswer: AwaitedAfterAnswer;

  const service = (store: Store, messenger: CalloutMessenger) => new MobilisationService({
    callLists: store.callLists, callouts: store.callouts, schools: store.schools, activities: store.activities, messenger,
    changes: { changed: () => undefined }, afterAnswer, organisationOf: async () => null, clock, escalateMinutes: 10, timeZone: 'Europe/Stockholm',
  });
  const minutes = (n: number) => new Date(clock.current.getTime() + n * 60_000);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-delivery-'));
    const url = `sqlite:${join(dir, 'shared.db')}`;
    stores = [await createStore(url)];
    stores.push(await createStore(url));
    clock = new ManualClock();
    afterAnswer = new AwaitedAfterAnswer();
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function callWith(messenger: CalloutMessenger): Promise<Callout> {
    const [store] = stores;
    const added = await store!.schools.add(origin, { name: 'Ängsskolan', stages: ['7-9'], placeId: null, contacts: [] }, { actorId: 'x', now: clock.now() });
    assert.ok(added.ok);
    for (const userId of PEOPLE) await store!.callLists.put(origin, added.school.id, callee(userId), { actorId: 'x', now: clock.now() });
    const outcome = await service(store!, messenger).call(caller, origin, added.school, 'bråk på skolgården', {});
    assert.ok(outcome.ok);
    // The copies go after the call's answer: the call-out as they left it.
    await afterAnswer.settled();
    return (await store!.callouts.get(origin, outcome.callout.id))!;
  }

  it('When every copy failed at the call and both instances send them at once, then each recipient gets exactly one', async () => {
    const down = new SlowMessenger(() => ({ ok: false, status: 502 }), 0);
    const callout = await callWith(down);
    assert.deepEqual(callout.recipients.map((r) => [r.delivery, r.sendTries]), PEOPLE.map(() => ['pending', 1]));
    const [a, b] = [new SlowMessenger(() => ({ ok: true, threadId: 't', activityId: 'm' })), new SlowMessenger(() => ({ ok: true, threadId: 't', activityId: 'm' }))];
    assert.deepEqual(await service(stores[0]!, a).deliverDue(minutes(0.5)), { delivered: 0, retrying: 0, unreachable: 0 }, 'not before the next try');
    const [ra, rb] = await Promise.all([service(stores[0]!, a).deliverDue(minutes(1)), service(stores[1]!, b).deliverDue(minutes(1))]);
    assert.deepEqual([...a.sent, ...b.sent].sort(), PEOPLE, `each once (A sent ${a.sent.length}, B ${b.sent.length})`);
    assert.equal(ra.delivered + rb.delivered, PEOPLE.length);
    const after = (await stores[1]!.callouts.get(origin, callout.id))!;
    assert.ok(after.recipients.every((r) => r.delivery === 'sent' && r.threadId === 't'));
    assert.deepEqual(await service(stores[1]!, b).deliverDue(minutes(30)), { delivered: 0, retrying: 0, unreachable: 0 }, 'nothing left');
  });

  it('When a copy is refused for good (404) or keeps failing until given up, then the job counts it so and sends nothing more', async () => {
    const answer = (userId: string): DeliveryOutcome => (userId === 'p1' ? { ok: false, status: 404 } : userId === 'p2' ? { ok: false, status: 0 } : { ok: true, threadId: 't', activityId: 'm' });
    const messenger = new SlowMessenger(answer, 0);
    const callout = await callWith(messenger);
    assert.deepEqual(callout.recipients.filter((r) => r.delivery !== 'sent').map((r) => [r.userId, r.delivery, r.sendTries]), [['p1', 'unreachable', 0], ['p2', 'pending', 1]]);
    const results = [];
    for (const at of [1, 3, 7, 15, 40]) results.push(await service(stores[1]!, messenger).deliverDue(minutes(at)));
    assert.deepEqual(results.map((r) => [r.retrying, r.unreachable]), [[1, 0], [1, 0], [1, 0], [0, 1], [0, 0]], 'tries 2 to 4 fail, the fifth gives it up');
    const after = (await stores[0]!.callouts.get(origin, callout.id))!;
    assert.deepEqual(after.recipients.find((r) => r.userId === 'p2')!.delivery, 'unreachable');
    assert.deepEqual(after.events.filter((e) => e.kind === 'undelivered').map((e) => [e.actorId, e.detail]), [['p2', '5']]);
    assert.equal(messenger.sent.length, PEOPLE.length - 2);
  });
});
