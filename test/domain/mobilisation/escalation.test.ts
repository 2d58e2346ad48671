import assert from 'node:assert/strict';
import type { Callee } from '../../../src/domain/mobilisation/call-list';
import type { Callout, Recipient } from '../../../src/domain/mobilisation/callout';
import { MobilisationService } from '../../../src/domain/mobilisation/mobilisation-service';
import type { CalloutMessenger, DeliveryOutcome } from '../../../src/domain/ports/mobilisation.port';
import type { Store } from '../../../src/domain/ports/store.port';
import { createStore } from '../../../src/store/create-store';
import { AwaitedAfterAnswer } from '../../support/after-answer';
import { ManualClock } from '../../support/bot-harness';

// The escalation rule with a clock the test moves: nobody has said "kommer" within N minutes of a
// step being called, so the next step is called, once, and the caller is told. Real SQLite store.

const origin = { tenantId: 'tenant-1', conversationId: 'channel-1' };
const caller = { userId: 'caller', name: 'Anna', tenantId: 'tenant-1' };
const callee = (userId: string, step: 1 | 2 | 3): Callee => ({ userId, chatUserId: null, name: userId, role: 'rektor', step });

class RecordingMessenger implements CalloutMessenger {
  readonly sent: string[] = [];
  readonly told: string[][] = [];
  async sendPersonal(_c: Callout, r: Recipient): Promise<DeliveryOutcome> {
    this.sent.push(r.userId);
    return { ok: true, threadId: `a:${r.userId}`, activityId: `m-${r.userId}` };
  }
  async tellEscalated(_c: Callout, called: Recipient[]): Promise<void> {
    this.told.push(called.map((r) => r.userId));
  }
}

describe('mobilisation: escalation with a controllable clock', () => {
  let store: Store;
  let clock: ManualClock;
  let afterAnswer: AwaitedAfterAnswer;
  let messenger: RecordingMessenger;
  let changed: string[];
  let schoolId: string;

  const service = () => new MobilisationService({
    callLists: store.callLists, callouts: store.callouts, schools: store.schools, activities: store.activities, messenger,
    changes: { changed: (_s, item) => changed.push(item.id) }, afterAnswer, organisationOf: async () => null, clock, escalateMinutes: 10, timeZone: 'Europe/Stockholm',
  });
  const minutes = (n: number) => new Date(clock.current.getTime() + n * 60_000);

  beforeEach(async () => {
    store = await createStore('sqlite::memory:');
    clock = new ManualClock();
    afterAnswer = new AwaitedAfterAnswer();
    messenger = new RecordingMessenger();
    changed = [];
    const added = await store.schools.add(origin, { name: 'Ängsskolan', stages: ['7-9'], placeId: null, contacts: [] }, { actorId: 'x', now: clock.now() });
    assert.ok(added.ok);
    schoolId = added.school.id;
    for (const c of [callee('first', 1), callee('second', 2), callee('third', 3)]) await store.callLists.put(origin, schoolId, c, { actorId: 'x', now: clock.now() });
  });
  afterEach(async () => { await store.close(); });

  async function call(): Promise<Callout> {
    const school = (await store.schools.get(origin, schoolId))!;
    const outcome = await service().call(caller, origin, school, 'bråk på skolgården', {});
    assert.ok(outcome.ok);
    // The copies go after the call's answer: the call-out as they left it.
    await afterAnswer.settled();
    return (await store.callouts.get(origin, outcome.callout.id))!;
  }

  it('When nobody has answered, then nothing happens before N minutes and the next step is called at N', async () => {
    const callout = await call();
    assert.deepEqual(messenger.sent, ['first']);
    assert.deepEqual(callout.escalateAt, minutes(10));
    assert.deepEqual(await service().escalateDue(minutes(9.99)), { escalated: 0 });
    assert.deepEqual(await service().escalateDue(minutes(10)), { escalated: 1 });
    assert.deepEqual(messenger.sent, ['first', 'second']);
    assert.deepEqual(messenger.told, [['second']], 'the caller is told who was called');
    const after = (await store.callouts.get(origin, callout.id))!;
    assert.equal(after.step, 2);
    assert.deepEqual(after.escalateAt, minutes(20), 'the next escalation counts from this one');
    assert.ok(changed.includes(callout.id), 'the cards are updated');
  });

  it('When the last step has been called, then it escalates no further', async () => {
    const callout = await call();
    await service().escalateDue(minutes(10));
    await service().escalateDue(minutes(20));
    assert.deepEqual(messenger.sent, ['first', 'second', 'third']);
    assert.equal((await store.callouts.get(origin, callout.id))!.escalateAt, null);
    assert.deepEqual(await service().escalateDue(minutes(60)), { escalated: 0 });
  });

  it('When someone answers "kommer" in time, then nobody more is called', async () => {
    const callout = await call();
    const answered = await service().answer({ userId: 'first', name: 'first', tenantId: 'tenant-1' }, callout, 'kommer', '', {});
    assert.ok(answered.ok);
    assert.equal(answered.callout.escalateAt, null);
    assert.deepEqual(await service().escalateDue(minutes(30)), { escalated: 0 });
    assert.deepEqual(messenger.sent, ['first']);
  });

  it('When "kan inte" is all that came, then it still escalates', async () => {
    const callout = await call();
    await service().answer({ userId: 'first', name: 'first', tenantId: 'tenant-1' }, callout, 'kan_inte', 'sjuk', {});
    assert.deepEqual(await service().escalateDue(minutes(10)), { escalated: 1 });
  });

  it('When two instances check at the same moment, then the call-out escalates once', async () => {
    await call();
    const results = await Promise.all([service().escalateDue(minutes(10)), service().escalateDue(minutes(10))]);
    assert.equal(results.reduce((n, r) => n + r.escalated, 0), 1);
    assert.deepEqual(messenger.sent, ['first', 'second']);
  });
});
