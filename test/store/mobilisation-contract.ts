import assert from 'node:assert/strict';
import type { Callee } from '../../src/domain/mobilisation/call-list';
import type { Store } from '../../src/domain/ports/store.port';
import { T0, TRICKY_TEXT, at, origin, otherChat, otherTenant, otherTenantChat, tenant } from './store-fixtures';

const callee = (userId: string, step: 1 | 2 | 3, role: Callee['role'] = 'rektor'): Callee => ({ userId, chatUserId: `29:${userId}`, name: `Namn ${userId}`, role, step });
const by = { actorId: 'aad-coord', now: T0 };

/** Mobilisation (0018): call lists and call-outs; part of the store contract (called inside its describe). */
export function mobilisationContract(ctx: () => { store: Store }): void {
  describe('mobilisation', function () {
    let schoolId: string;
    beforeEach(async function () {
      const added = await ctx().store.schools.add(tenant, { name: 'Kontraktsskolan', stages: ['f-6'], placeId: null, contacts: [] }, by);
      assert.ok(added.ok);
      schoolId = added.school.id;
    });

    it('keeps a school\'s call list in calling order, changes a person in place and removes them, within the tenant', async function () {
      const { store } = ctx();
      await store.callLists.put(tenant, schoolId, callee('c', 2, 'fritidsledare'), by);
      await store.callLists.put(tenant, schoolId, callee('b', 1, 'polis'), by);
      await store.callLists.put(tenant, schoolId, callee('a', 1, 'rektor'), by);
      assert.deepEqual((await store.callLists.list(tenant, schoolId)).map((e) => [e.userId, e.role, e.step]), [['a', 'rektor', 1], ['b', 'polis', 1], ['c', 'fritidsledare', 2]]);
      await store.callLists.put(tenant, schoolId, callee('b', 3, 'kurator'), { actorId: 'aad-other', now: at(5) });
      const changed = (await store.callLists.list(tenant, schoolId)).find((e) => e.userId === 'b')!;
      assert.deepEqual([changed.role, changed.step, changed.chatUserId, changed.addedBy, changed.addedAt], ['kurator', 3, '29:b', 'aad-other', at(5)]);
      assert.deepEqual(await store.callLists.list(otherTenant, schoolId), [], 'another tenant sees nobody');
      assert.equal(await store.callLists.remove(otherTenant, schoolId, 'a'), false, 'nor removes anyone');
      assert.equal(await store.callLists.remove(tenant, schoolId, 'a'), true);
      assert.deepEqual((await store.callLists.list(tenant, schoolId)).map((e) => e.userId), ['c', 'b']);
    });

    it('keeps a call-out with its recipients, answers and timeline; readable in its conversation and by its recipients only', async function () {
      const { store } = ctx();
      const created = await store.callouts.create({
        origin, school: { id: schoolId, name: 'Kontraktsskolan' }, what: TRICKY_TEXT.swedish, caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
        escalateAt: at(600), recipients: [callee('a', 1), callee('b', 1)], sendDueAt: at(120),
      });
      assert.equal(created.what, TRICKY_TEXT.swedish);
      assert.deepEqual(created.recipients.map((r) => [r.userId, r.delivery, r.answer]), [['a', 'pending', null], ['b', 'pending', null]]);
      await store.callouts.delivered(tenant, created.id, 'a', { ok: true, threadId: 'a:chat-a', activityId: 'm-1' }, at(1));
      await store.callouts.delivered(tenant, created.id, 'b', { ok: false, status: 403 }, at(1));
      const answered = await store.callouts.answer(tenant, created.id, 'a', 'kan_inte', TRICKY_TEXT.sqlInjection, at(2));
      assert.equal(answered?.recipients[0]?.note, TRICKY_TEXT.sqlInjection);
      assert.deepEqual(answered?.recipients.map((r) => [r.delivery, r.threadId, r.activityId]), [['sent', 'a:chat-a', 'm-1'], ['unreachable', null, null]]);
      assert.deepEqual(answered?.events.map((e) => [e.kind, e.actorId, e.detail]), [['called', 'aad-caller', '1'], ['unreachable', 'b', '403'], ['answered', 'a', 'kan_inte']]);
      assert.deepEqual(answered?.escalateAt, at(600), '"kan inte" does not stop the escalation');
      assert.equal(await store.callouts.answer(tenant, created.id, 'nobody', 'kommer', null, at(3)), null, 'only a recipient answers');
      // Readable in its conversation, and by a recipient (by either id) from anywhere in the tenant; nowhere else.
      assert.ok(await store.callouts.get(origin, created.id));
      assert.ok(await store.callouts.get({ ...otherChat, recipientId: 'a' }, created.id));
      assert.ok(await store.callouts.get({ ...otherChat, recipientChatId: '29:b' }, created.id));
      assert.equal(await store.callouts.get(otherChat, created.id), null);
      assert.equal(await store.callouts.get({ ...otherTenantChat, recipientId: 'a' }, created.id), null);
      assert.equal(await store.callouts.answer(otherTenant, created.id, 'a', 'kommer', null, at(3)), null, 'another tenant changes nothing');
    });

    it('makes at most one call-out with a submit key in a tenant, found again only in the conversation it was called in', async function () {
      const { store } = ctx();
      const make = (from: typeof origin, submitKey?: string) => store.callouts.create({
        origin: from, school: { id: schoolId, name: 'Kontraktsskolan' }, what: 'larm', caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
        escalateAt: null, recipients: [callee('a', 1)], sendDueAt: at(120), ...(submitKey ? { submitKey } : {}),
      });
      const key = '6f1c2a3b-4d5e-4f60-8172-839405a6b7c8';
      const first = await make(origin, key);
      assert.equal((await store.callouts.findBySubmitKey(origin, key))?.id, first.id);
      await assert.rejects(make(origin, key), (error: unknown) => (error as { code?: string }).code === 'submit_key_used', 'the same key again writes nothing');
      await assert.rejects(make(otherChat, key), (error: unknown) => (error as { code?: string }).code === 'submit_key_used', 'nor from another conversation of the tenant');
      assert.equal(await store.callouts.findBySubmitKey(otherChat, key), null, 'another conversation does not see it');
      assert.equal(await store.callouts.findBySubmitKey(otherTenantChat, key), null, 'nor another tenant');
      const elsewhere = await make(otherTenantChat, key);
      assert.notEqual(elsewhere.id, first.id, 'the key is unique per tenant');
      await make(origin);
      await make(origin);
      assert.equal(await store.callouts.findBySubmitKey(origin, 'no-such-key'), null);
    });

    it('escalates once, from the step it was decided on, and never after a "kommer"; finds what is due across tenants', async function () {
      const { store } = ctx();
      const created = await store.callouts.create({
        origin, school: { id: schoolId, name: 'Kontraktsskolan' }, what: 'larm', caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
        escalateAt: at(600), recipients: [callee('a', 1)], sendDueAt: at(120),
      });
      assert.deepEqual(await store.callouts.due(at(599), 10), []);
      assert.deepEqual((await store.callouts.due(at(600), 10)).map((d) => [d.tenantId, d.conversationId, d.id]), [[origin.tenantId, origin.conversationId, created.id]]);
      const first = await store.callouts.escalate(tenant, created.id, 1, 2, [callee('b', 2)], at(600), at(1200), at(720));
      assert.deepEqual(first?.recipients.map((r) => r.userId), ['a', 'b']);
      assert.equal(first?.step, 2);
      assert.equal(await store.callouts.escalate(tenant, created.id, 1, 2, [callee('b', 2)], at(600), at(1200), at(720)), null, 'the second of two escalations does nothing');
      await store.callouts.answer(tenant, created.id, 'b', 'kommer', null, at(700));
      assert.equal(await store.callouts.escalate(tenant, created.id, 2, 3, [callee('c', 3)], at(1200), null, at(720)), null, 'someone comes: no escalation');
      assert.deepEqual(await store.callouts.due(at(5000), 10), []);
    });

    it('claims each personal copy once, tries a passing failure again from its time, gives it up after, and finds the copies due across tenants', async function () {
      const { store } = ctx();
      const make = (from: typeof origin, recipients: Callee[]) => store.callouts.create({
        origin: from, school: { id: schoolId, name: 'Kontraktsskolan' }, what: 'larm', caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
        escalateAt: null, recipients, sendDueAt: at(120),
      });
      const created = await make(origin, [callee('a', 1), callee('b', 1), callee('c', 1)]);
      assert.deepEqual(created.recipients.map((r) => [r.userId, r.delivery, r.sendTries, r.nextSendAt]), [['a', 'pending', 0, at(120)], ['b', 'pending', 0, at(120)], ['c', 'pending', 0, at(120)]]);
      const claim = (userId: string, now: Date, dueOnly: boolean, until = new Date(now.getTime() + 120_000)) => store.callouts.claimSend(tenant, created.id, userId, { now, until, dueOnly });

      // During the grace the copies are the calling instance's: the job finds none and claims none.
      assert.deepEqual(await store.callouts.undelivered(at(119), 10), []);
      assert.equal(await claim('a', at(1), true), null, 'the job does not claim during the grace');
      assert.deepEqual(await claim('a', at(1), false, at(200)), { tries: 0 }, 'the calling instance claims at once');
      assert.equal(await claim('a', at(2), false), null, 'a claim holds against the calling instance too');
      assert.equal(await store.callouts.claimSend(otherTenant, created.id, 'b', { now: at(2), until: at(200), dueOnly: false }), null, 'another tenant claims nothing');

      // After the grace the job finds the call-out; a's claim holds until it lapses.
      assert.deepEqual((await store.callouts.undelivered(at(120), 10)).map((d) => d.id), [created.id]);
      assert.equal(await claim('a', at(150), true), null, 'a\'s claim still holds');
      assert.deepEqual(await claim('a', at(200), true), { tries: 0 }, 'a lapsed claim is taken over (the instance died)');
      await store.callouts.delivered(tenant, created.id, 'a', { ok: true, threadId: 'a:chat-a', activityId: 'm-1' }, at(201));
      assert.equal(await claim('a', at(5000), true), null, 'a copy that went out is never claimed again');

      // b fails for a passing reason: one failed try, the claim let go, tried again from its next time only.
      assert.deepEqual(await claim('b', at(120), true), { tries: 0 });
      await store.callouts.sendFailed(tenant, created.id, 'b', { retryAt: at(180), now: at(121) });
      assert.equal(await claim('b', at(179), true), null, 'not before its next try');
      assert.deepEqual(await claim('b', at(180), true), { tries: 1 });
      await store.callouts.sendFailed(tenant, created.id, 'b', { retryAt: null, now: at(181) });
      assert.equal(await claim('b', at(5000), false), null, 'a copy given up is not tried again');
      // c is refused for good (403).
      assert.deepEqual(await claim('c', at(122), true), { tries: 0 });
      await store.callouts.delivered(tenant, created.id, 'c', { ok: false, status: 403 }, at(123));
      await store.callouts.delivered(tenant, created.id, 'c', { ok: false, status: 404 }, at(124));

      const after = (await store.callouts.get(origin, created.id))!;
      assert.deepEqual(after.recipients.map((r) => [r.userId, r.delivery, r.sendTries, r.threadId]), [['a', 'sent', 0, 'a:chat-a'], ['b', 'unreachable', 2, null], ['c', 'unreachable', 0, null]]);
      assert.deepEqual(after.events.map((e) => [e.kind, e.actorId, e.detail]), [['called', 'aad-caller', '1'], ['unreachable', 'c', '403'], ['undelivered', 'b', '2']], 'one line for each who could not be reached');
      assert.deepEqual(await store.callouts.undelivered(at(5000), 10), [], 'nothing left to send');

      // Another tenant's call-out is found by the system-wide check; once closed, its copies are neither found nor claimed.
      const elsewhere = await make(otherTenantChat, [callee('d', 1)]);
      assert.deepEqual((await store.callouts.undelivered(at(120), 10)).map((d) => [d.tenantId, d.conversationId, d.id]), [[otherTenantChat.tenantId, otherTenantChat.conversationId, elsewhere.id]]);
      await store.callouts.close(otherTenant, elsewhere.id, { actorId: 'x', outcome: 'lugnt', activityId: 'activity-9', now: at(60) });
      assert.deepEqual(await store.callouts.undelivered(at(120), 10), []);
      assert.equal(await store.callouts.claimSend(otherTenant, elsewhere.id, 'd', { now: at(120), until: at(240), dueOnly: false }), null);
    });

    it('closes once with its outcome and the activity it saved; a closed call-out takes no answers', async function () {
      const { store } = ctx();
      const created = await store.callouts.create({
        origin, school: { id: schoolId, name: 'Kontraktsskolan' }, what: 'larm', caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
        escalateAt: null, recipients: [callee('a', 1)], sendDueAt: at(120),
      });
      const sent = await store.callouts.markExternalSent(tenant, created.id, 'aad-caller', at(1));
      assert.deepEqual(sent?.externalSentAt, at(1));
      const closed = await store.callouts.close(tenant, created.id, { actorId: 'aad-caller', outcome: TRICKY_TEXT.quotes, activityId: 'activity-1', now: at(2) });
      assert.deepEqual([closed?.state, closed?.outcome, closed?.activityId, closed?.closedBy], ['closed', TRICKY_TEXT.quotes, 'activity-1', 'aad-caller']);
      assert.ok((closed?.version ?? 0) > created.version);
      assert.equal(await store.callouts.close(tenant, created.id, { actorId: 'x', outcome: 'igen', activityId: 'activity-2', now: at(3) }), null);
      assert.equal(await store.callouts.answer(tenant, created.id, 'a', 'kommer', null, at(4)), null);
      assert.equal(await store.callouts.close(otherTenant, created.id, { actorId: 'x', outcome: 'kapad', activityId: 'a', now: at(3) }), null);
    });

    it('removes the call-outs made before the retention cutoff, with their recipients and timelines', async function () {
      const { store } = ctx();
      const make = (now: Date) => store.callouts.create({
        origin, school: { id: schoolId, name: 'Kontraktsskolan' }, what: 'larm', caller: { userId: 'aad-caller', name: 'Anna' }, now, escalateAt: null, recipients: [callee('a', 1)], sendDueAt: now,
      });
      const old = await make(T0);
      const kept = await make(at(100));
      const removeBefore = async (cutoff: Date) => (await store.retention.removeRecordsBefore({ cutoff, documentYear: 2000 })).map((c) => [c.tenantId, c.callouts]);
      assert.deepEqual(await removeBefore(at(50)), [[origin.tenantId, 1]]);
      assert.equal(await store.callouts.get(origin, old.id), null);
      assert.equal((await store.callouts.get(origin, kept.id))?.recipients.length, 1);
      assert.deepEqual(await removeBefore(at(50)), []);
    });
  });
}

/** Every call-out query of the personal copies' delivery (0025), run once so that the SQL Server check sees its T-SQL. */
export async function exerciseCalloutDelivery(store: Store): Promise<void> {
  const added = await store.schools.add(tenant, { name: 'Leveransskolan', stages: ['f-6'], placeId: null, contacts: [] }, by);
  assert.ok(added.ok);
  const created = await store.callouts.create({
    origin, school: { id: added.school.id, name: 'Leveransskolan' }, what: TRICKY_TEXT.quotes, caller: { userId: 'aad-caller', name: 'Anna' }, now: T0,
    escalateAt: at(600), recipients: [callee('a', 1), callee('b', 1)], sendDueAt: at(120),
  });
  await store.callouts.claimSend(tenant, created.id, 'a', { now: T0, until: at(120), dueOnly: false });
  await store.callouts.claimSend(tenant, created.id, 'b', { now: at(120), until: at(240), dueOnly: true });
  await store.callouts.delivered(tenant, created.id, 'a', { ok: true, threadId: 'a:chat-a', activityId: 'm-1' }, at(1));
  await store.callouts.sendFailed(tenant, created.id, 'b', { retryAt: at(180), now: at(121) });
  await store.callouts.undelivered(at(180), 10);
  await store.callouts.sendFailed(tenant, created.id, 'b', { retryAt: null, now: at(181) });
  await store.callouts.escalate(tenant, created.id, 1, 2, [callee('c', 2)], at(600), null, at(720));
}

/** The statement kinds those queries send, for the "covers every kind" check. */
export const CALLOUT_DELIVERY_STATEMENTS = [
  'update "callout_recipients" set "send_claimed_until" = @1 where "callout_id" = @2 and "user_id" = @3 and "delivery" = @4',
  'update "callout_recipients" set "send_tries" = "send_tries" + @1',
  'select top(10) "tenant_id", "conversation_id", "id" from "callouts" where "state" = @1 and exists',
  'insert into "callout_recipients"',
];
