import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import { T0, at, origin, otherChat, otherTenantChat } from './store-fixtures';

const ITEM = { kind: 'incident' as const, id: '0d6f0e1c-1111-4c22-8a33-444455556666' };

/** Where shared cards were posted (0008): part of the store contract (called inside its describe). */
export function cardMessageContract(ctx: () => { store: Store }): void {
  describe('card messages', function () {
    it('remembers the message of an item, found only within its tenant and conversation', async function () {
      const { store } = ctx();
      assert.equal(await store.cardMessages.find(origin, ITEM), null);
      const message = { threadId: `${origin.conversationId};messageid=1700000000000`, activityId: '1:abc', updatedAt: T0 };
      await store.cardMessages.remember(origin, ITEM, message);
      assert.deepEqual(await store.cardMessages.find(origin, ITEM), message);
      for (const scope of [otherChat, otherTenantChat]) assert.equal(await store.cardMessages.find(scope, ITEM), null);
      assert.equal(await store.cardMessages.find(origin, { kind: 'activity', id: ITEM.id }), null, 'another kind is another item');
      assert.equal(await store.cardMessages.find(origin, { kind: 'hotspot', id: ITEM.id }), null);
    });

    it('keeps only the newest message of an item', async function () {
      const { store } = ctx();
      await store.cardMessages.remember(origin, ITEM, { threadId: origin.conversationId, activityId: 'first', updatedAt: T0 });
      await store.cardMessages.remember(origin, ITEM, { threadId: origin.conversationId, activityId: 'second', updatedAt: at(1) });
      assert.deepEqual(await store.cardMessages.find(origin, ITEM), { threadId: origin.conversationId, activityId: 'second', updatedAt: at(1) });
      // The same id in another tenant is another item.
      await store.cardMessages.remember(otherTenantChat, ITEM, { threadId: 'x', activityId: 'theirs', updatedAt: T0 });
      assert.equal((await store.cardMessages.find(origin, ITEM))?.activityId, 'second');
      assert.equal((await store.cardMessages.find(otherTenantChat, ITEM))?.activityId, 'theirs');
    });
  });
}
