import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DeliveryRecord, DigestDeliveryRepository } from '../../domain/ports/digest-deliveries.port';
import { toCode, toDate } from '../row-values';
import type { Database, DigestDeliveriesTable } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { checkedLimit } from './limits';

const STATUSES = ['claimed', 'posted', 'failed', 'paused'] as const;
const OUTCOMES = ['posted', 'retry', 'failed', 'gone'] as const;

export function createDigestDeliveryRepository(db: Kysely<Database>, dialect: StoreDialect): DigestDeliveryRepository {
  return {
    /**
     * The unique (conversation_id, period_key) decides: one insert wins, every other instance gets a
     * duplicate key. A claim left unfinished past `staleBefore` (its instance died) can be taken over,
     * by one instance only, since the update re-checks the old claim time.
     */
    async claim(c) {
      const id = randomUUID();
      try {
        await db.insertInto('digest_deliveries').values({
          id, conversation_id: c.conversationId, period_key: c.periodKey, scheduled_for: c.scheduledFor, claimed_by: c.claimedBy,
          claimed_at: c.now, status: 'claimed', finished_at: null, detail: null,
        }).execute();
        return { id, lastAttempt: 0, unconfirmed: null };
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
      }
      const takeover = await db.updateTable('digest_deliveries').set({ claimed_by: c.claimedBy, claimed_at: c.now })
        .where('conversation_id', '=', c.conversationId).where('period_key', '=', c.periodKey)
        .where('status', '=', 'claimed').where('claimed_at', '<', c.staleBefore)
        .executeTakeFirst();
      if (takeover.numUpdatedRows === 0n) return null;
      const row = await db.selectFrom('digest_deliveries').select(['id', 'sending_at', 'sending_attempt'])
        .where('conversation_id', '=', c.conversationId).where('period_key', '=', c.periodKey).where('claimed_by', '=', c.claimedBy)
        .executeTakeFirst();
      if (!row) return null;
      const recorded = await db.selectFrom('digest_attempts').select((eb) => eb.fn.max('attempt').as('last'))
        .where('delivery_id', '=', row.id).executeTakeFirst();
      const unconfirmed = row.sending_at === null ? null : { attempt: row.sending_attempt ?? 0, since: toDate(row.sending_at) };
      return { id: row.id, lastAttempt: Math.max(Number(recorded?.last ?? 0), unconfirmed?.attempt ?? 0), unconfirmed };
    },

    async sending(deliveryId, attempt, at) {
      await db.updateTable('digest_deliveries').set({ sending_at: at, sending_attempt: attempt }).where('id', '=', deliveryId).execute();
    },

    async recordAttempt(a) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('digest_attempts').values({
          delivery_id: a.deliveryId, attempt: a.attempt, at: a.at, http_status: a.httpStatus, outcome: a.outcome, retry_in_ms: a.retryInMs,
        }).execute();
        await trx.updateTable('digest_deliveries').set({ sending_at: null, sending_attempt: null }).where('id', '=', a.deliveryId).execute();
      });
    },

    async finish(deliveryId, status, at, detail) {
      await db.updateTable('digest_deliveries').set({ status, finished_at: at, detail }).where('id', '=', deliveryId).execute();
    },

    async list(conversationId, limit) {
      const rows = await db.selectFrom('digest_deliveries').selectAll().where('conversation_id', '=', conversationId)
        .orderBy('claimed_at', 'desc').orderBy('period_key', 'desc').limit(checkedLimit(limit)).execute();
      return rows.map(toDelivery);
    },

    async attempts(deliveryId) {
      const rows = await db.selectFrom('digest_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
      return rows.map((r) => ({
        deliveryId: r.delivery_id, attempt: r.attempt, at: toDate(r.at), httpStatus: r.http_status,
        outcome: toCode(OUTCOMES, r.outcome, 'outcome'), retryInMs: r.retry_in_ms,
      }));
    },
  };
}

function toDelivery(row: Selectable<DigestDeliveriesTable>): DeliveryRecord {
  return {
    id: row.id, conversationId: row.conversation_id, periodKey: row.period_key, scheduledFor: toDate(row.scheduled_for),
    claimedBy: row.claimed_by, claimedAt: toDate(row.claimed_at), status: toCode(STATUSES, row.status, 'status'),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at), detail: row.detail,
  };
}
