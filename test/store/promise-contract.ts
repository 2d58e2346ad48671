import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import type { NewPromise } from '../../src/domain/promises/promise';
import { T0, TRICKY_TEXT, activityFields, at, newReport, origin, otherChat, otherTenant, tenant } from './store-fixtures';

const promise = (over: Partial<NewPromise> = {}): NewPromise => ({
  year: 2026, title: 'Trygga skolor', text: TRICKY_TEXT.swedish,
  commitments: [
    { text: 'Samverka kontinuerligt', organisations: ['polisen', 'skola', 'socialtjanst'], periodFrom: '2026-01-01', periodTo: '2026-12-31' },
    { text: TRICKY_TEXT.sqlInjection, organisations: ['kommunen'], periodFrom: '2026-03-01', periodTo: '2026-06-30' },
  ],
  ...over,
});

/** Medborgarlöften (migration 0019): part of the store contract, so that both engines keep it. */
export function promiseContract(ctx: () => { store: Store }): void {
  describe('medborgarlöften', function () {
    it('adds promises with their commitments in order, each of one tenant and year, texts exactly as given', async function () {
      const { promises } = ctx().store;
      const added = await promises.add(tenant, [promise(), promise({ title: 'Hot spots', commitments: [promise().commitments[0]!] })], 'aad-coordinator', T0);
      assert.ok(added.ok);
      const year = await promises.year(tenant, 2026);
      assert.deepEqual(year.map((p) => [p.title, p.position, p.commitments.length]), [['Trygga skolor', 0, 2], ['Hot spots', 1, 1]]);
      assert.deepEqual(added.promises, year, 'what add answers is what is read back');
      const [first] = year;
      assert.equal(first!.text, TRICKY_TEXT.swedish);
      assert.deepEqual(first!.commitments.map((c) => [c.text, c.organisations, c.periodFrom, c.periodTo, c.status, c.statusSet]), [
        ['Samverka kontinuerligt', ['polisen', 'skola', 'socialtjanst'], '2026-01-01', '2026-12-31', 'ej_paborjad', null],
        [TRICKY_TEXT.sqlInjection, ['kommunen'], '2026-03-01', '2026-06-30', 'ej_paborjad', null],
      ]);
      assert.deepEqual(await promises.year(tenant, 2025), []);
      assert.deepEqual(await promises.year(otherTenant, 2026), [], 'another tenant sees none of them');
      assert.deepEqual(await promises.tenantsWithPromises(2026), [tenant.tenantId]);
    });

    it('adds nothing at all when one title is already in the year (one transaction)', async function () {
      const { promises } = ctx().store;
      await promises.add(tenant, [promise({ title: 'Trygga skolor' })], 'aad-coordinator', T0);
      const again = await promises.add(tenant, [promise({ title: 'Nytt löfte' }), promise({ title: 'TRYGGA  skolor'.replace('  ', ' ') })], 'aad-coordinator', at(1));
      assert.deepEqual(again, { ok: false, duplicate: 1 });
      assert.deepEqual((await promises.year(tenant, 2026)).map((p) => p.title), ['Trygga skolor'], 'the first promise of the refused batch was not written');
      assert.ok((await promises.add(otherTenant, [promise({ title: 'Trygga skolor' })], 'x', T0)).ok, 'the same title in another tenant is another promise');
      assert.ok((await promises.add(tenant, [promise({ title: 'Trygga skolor', year: 2027 })], 'x', T0)).ok, 'and in another year too');
    });

    it('sets a commitment\'s status within the tenant only, with who and when', async function () {
      const { promises } = ctx().store;
      const added = await promises.add(tenant, [promise()], 'aad-coordinator', T0);
      assert.ok(added.ok);
      const commitment = added.promises[0]!.commitments[0]!;
      assert.equal(await promises.setStatus(otherTenant, commitment.id, 'genomford', 'intruder', at(1)), null);
      assert.equal((await promises.commitment(otherTenant, commitment.id)), null);
      const set = await promises.setStatus(tenant, commitment.id, 'pagar', 'aad-police', at(2));
      assert.deepEqual([set?.status, set?.statusSet], ['pagar', { byUserId: 'aad-police', at: at(2) }]);
      assert.deepEqual(await promises.commitment(tenant, commitment.id), set);
    });

    it('finds the tenant\'s activities that serve the year\'s commitments, from every conversation', async function () {
      const { promises, activities } = ctx().store;
      const added = await promises.add(tenant, [promise()], 'aad-coordinator', T0);
      assert.ok(added.ok);
      const commitmentId = added.promises[0]!.commitments[1]!.id;
      const tied = await activities.create(newReport(activityFields({ commitmentId, date: '2026-03-10', organisation: 'kommunen' })));
      assert.equal(tied.commitmentId, commitmentId, 'the activity says which commitment it serves');
      await activities.create(newReport(activityFields({ commitmentId, date: '2026-03-11', organisation: 'polisen' }), { origin: otherChat }));
      const untied = await activities.create(newReport(activityFields()));
      assert.equal('commitmentId' in untied, false, 'an activity serving none reads as before');
      const found = await promises.tiedActivities(tenant, 2026);
      assert.deepEqual(found.map((a) => [a.commitmentId, a.date, a.organisation]), [[commitmentId, '2026-03-10', 'kommunen'], [commitmentId, '2026-03-11', 'polisen']]);
      assert.deepEqual(await promises.tiedActivities(otherTenant, 2026), []);
      assert.deepEqual(await promises.tiedActivities(tenant, 2025), []);
      const moved = await activities.update(origin, {
        id: tied.id, expectedVersion: tied.version, actorId: 'aad-user-1', fields: activityFields({ commitmentId: null, date: '2026-03-10' }), now: at(3),
      });
      assert.ok(moved.ok && !('commitmentId' in moved.report), 'an edit can untie it');
      assert.equal((await promises.tiedActivities(tenant, 2026)).length, 1);
    });

    it('records strategic meetings per tenant and year, by date', async function () {
      const { promises } = ctx().store;
      const meeting = { year: 2026, date: '2026-05-20', organisations: ['polisen', 'kommunen'] as const, decisions: TRICKY_TEXT.quotes, recordedBy: 'aad-c', recordedAt: T0 };
      const recorded = await promises.recordMeeting(tenant, { ...meeting, organisations: [...meeting.organisations] });
      await promises.recordMeeting(tenant, { ...meeting, organisations: ['skola'], date: '2026-02-01' });
      const read = await promises.meetings(tenant, 2026);
      assert.deepEqual(read.map((m) => m.date), ['2026-02-01', '2026-05-20']);
      assert.deepEqual(read[1], recorded);
      assert.deepEqual(await promises.meetings(otherTenant, 2026), []);
      assert.deepEqual(await promises.meetings(tenant, 2025), []);
    });
  });
}

/** The statements the SQL Server check (mssql-sql.test.ts) must see compiled. */
export const PROMISE_STATEMENTS = [
  'insert into "promises"', 'insert into "promise_commitments"', 'update "promise_commitments"', 'insert into "strategic_meetings"',
  'select "activities"."id", "activities"."ref", "activities"."commitment_id"', 'select distinct "tenant_id" from "promises"',
];

export async function exercisePromiseRepository(store: Store): Promise<void> {
  const added = await store.promises.add(tenant, [promise()], 'aad-coordinator', T0);
  await store.promises.add(tenant, [promise()], 'aad-coordinator', T0);
  if (!added.ok) throw new Error('promise not added');
  const commitment = added.promises[0]!.commitments[0]!;
  await store.promises.commitment(tenant, commitment.id);
  await store.promises.setStatus(tenant, commitment.id, 'pagar', 'aad-user-9', at(1));
  await store.activities.create(newReport(activityFields({ commitmentId: commitment.id })));
  await store.promises.tiedActivities(tenant, 2026);
  await store.promises.recordMeeting(tenant, { year: 2026, date: '2026-05-20', organisations: ['polisen'], decisions: 'Beslut', recordedBy: 'aad-c', recordedAt: T0 });
  await store.promises.meetings(tenant, 2026);
  await store.promises.tenantsWithPromises(2026);
}
