import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { CALL_ROLES, CALL_STEPS, type Callee } from '../../domain/mobilisation/call-list';
import { ANSWERS, CALLOUT_EVENTS, type Callout, type CalloutEventKind, type Delivery } from '../../domain/mobilisation/callout';
import type { CalloutRepository } from '../../domain/ports/mobilisation.port';
import type { TenantScope } from '../../domain/scope';
import { toCode, toDate } from '../row-values';
import { checkedLimit } from './limits';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { SubmitKeyUsedError } from '../../domain/errors';

type Db = Kysely<Database> | Transaction<Database>;

const DELIVERIES: readonly Delivery[] = ['pending', 'sent', 'unreachable'];
const dateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v));

async function event(db: Db, calloutId: string, at: Date, kind: CalloutEventKind, actorId: string | null, detail: string | null): Promise<void> {
  await db.insertInto('callout_events').values({ id: randomUUID(), callout_id: calloutId, at, kind, actor_id: actorId, detail }).execute();
}

/** Whether the call-out is the tenant's: every write by id checks it before touching its recipients. */
async function inTenant(db: Db, scope: TenantScope, id: string): Promise<boolean> {
  return (await db.selectFrom('callouts').select('id').where('tenant_id', '=', scope.tenantId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** `sendDueAt`: from when the scheduled job sends a copy still unsent (the instance calling sends at once). */
async function addRecipients(db: Db, calloutId: string, callees: readonly Callee[], sendDueAt: Date): Promise<void> {
  for (const c of callees) {
    await db.insertInto('callout_recipients').values({
      callout_id: calloutId, user_id: c.userId, chat_user_id: c.chatUserId, display_name: c.name, role: c.role, step: c.step,
      delivery: 'pending', thread_id: null, activity_id: null, answer: null, note: null, answered_at: null,
      send_tries: 0, next_send_at: sendDueAt, send_claimed_until: null,
    }).execute();
  }
}

/** The call-out of the tenant with its recipients (in calling order) and timeline (oldest first). */
async function load(db: Db, scope: TenantScope, id: string): Promise<Callout | null> {
  const row = await db.selectFrom('callouts').selectAll().where('tenant_id', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [recipients, events] = await Promise.all([
    db.selectFrom('callout_recipients').selectAll().where('callout_id', '=', id).orderBy('step').orderBy('display_name').execute(),
    db.selectFrom('callout_events').selectAll().where('callout_id', '=', id).orderBy('at').orderBy('id').execute(),
  ]);
  return {
    id: row.id, tenantId: row.tenant_id, conversationId: row.conversation_id, schoolId: row.school_id, schoolName: row.school_name,
    what: row.what, caller: { userId: row.caller_id, name: row.caller_name }, calledAt: toDate(row.called_at), step: Number(row.step),
    escalateAt: dateOrNull(row.escalate_at), state: row.state === 'closed' ? 'closed' : 'open', outcome: row.outcome,
    closedAt: dateOrNull(row.closed_at), closedBy: row.closed_by, activityId: row.activity_id, externalSentAt: dateOrNull(row.external_sent_at),
    version: Number(row.version),
    recipients: recipients.map((r) => ({
      userId: r.user_id, chatUserId: r.chat_user_id, name: r.display_name, role: toCode(CALL_ROLES, r.role, 'callout_recipients.role'),
      step: CALL_STEPS.find((s) => s === Number(r.step)) ?? 3, delivery: toCode(DELIVERIES, r.delivery, 'callout_recipients.delivery'),
      threadId: r.thread_id, activityId: r.activity_id, answer: r.answer === null ? null : toCode(ANSWERS, r.answer, 'callout_recipients.answer'),
      note: r.note, answeredAt: dateOrNull(r.answered_at), sendTries: Number(r.send_tries), nextSendAt: dateOrNull(r.next_send_at),
    })),
    events: events.map((e) => ({ at: toDate(e.at), kind: toCode(CALLOUT_EVENTS, e.kind, 'callout_events.kind'), actorId: e.actor_id, detail: e.detail })),
  };
}

/** Call-outs: each change one transaction, conditional on the state it was decided on. */
export function createCalloutRepository(db: Kysely<Database>, dialect: Pick<StoreDialect, 'isUniqueViolation'>): CalloutRepository {
  const keyTaken = async (tenantId: string, submitKey: string) =>
    (await db.selectFrom('callouts').select('id').where('tenant_id', '=', tenantId).where('submit_key', '=', submitKey).executeTakeFirst()) !== undefined;
  /** Runs `change` (a conditional write that answers whether it changed the call-out) and reads the call-out back. */
  const changing = (scope: TenantScope, id: string, change: (trx: Transaction<Database>) => Promise<boolean>) =>
    db.transaction().execute(async (trx) => ((await change(trx)) ? load(trx, scope, id) : null));
  const bump = (trx: Db, scope: TenantScope, id: string) => trx.updateTable('callouts').set((eb) => ({ version: eb('version', '+', 1) }))
    .where('tenant_id', '=', scope.tenantId).where('id', '=', id);

  return {
    create: (c) => db.transaction().execute(async (trx) => {
      const id = randomUUID();
      await trx.insertInto('callouts').values({
        id, tenant_id: c.origin.tenantId, conversation_id: c.origin.conversationId, school_id: c.school.id, school_name: c.school.name,
        what: c.what, caller_id: c.caller.userId, caller_name: c.caller.name, called_at: c.now, step: c.recipients[0]?.step ?? 1,
        escalate_at: c.escalateAt, state: 'open', outcome: null, closed_at: null, closed_by: null, activity_id: null,
        external_sent_at: null, external_sent_by: null, version: 1, submit_key: c.submitKey ?? null,
      }).execute();
      await addRecipients(trx, id, c.recipients, c.sendDueAt);
      await event(trx, id, c.now, 'called', c.caller.userId, String(c.recipients[0]?.step ?? 1));
      return (await load(trx, c.origin, id))!;
    }).catch(async (error: unknown) => {
      // The same card (or message) called before, or twice at once: the unique index let one through.
      if (c.submitKey && dialect.isUniqueViolation(error) && (await keyTaken(c.origin.tenantId, c.submitKey))) throw new SubmitKeyUsedError();
      throw error;
    }),

    async findBySubmitKey(scope, submitKey) {
      const row = await db.selectFrom('callouts').select('id').where('tenant_id', '=', scope.tenantId)
        .where('conversation_id', '=', scope.conversationId).where('submit_key', '=', submitKey).executeTakeFirst();
      return row ? load(db, scope, row.id) : null;
    },

    async get(scope, id) {
      const visible = await db.selectFrom('callouts').select('id').where('tenant_id', '=', scope.tenantId).where('id', '=', id)
        .where((eb) => eb.or([
          eb('conversation_id', '=', scope.conversationId),
          eb.exists(eb.selectFrom('callout_recipients').select('callout_recipients.user_id').whereRef('callout_recipients.callout_id', '=', 'callouts.id')
            .where((r) => r.or([r('callout_recipients.user_id', '=', scope.recipientId ?? ''), r('callout_recipients.chat_user_id', '=', scope.recipientChatId ?? '')]))),
        ])).executeTakeFirst();
      return visible ? load(db, scope, id) : null;
    },

    async claimSend(scope, id, userId, claim) {
      const claimed = await db.updateTable('callout_recipients').set({ send_claimed_until: claim.until })
        .where('callout_id', '=', id).where('user_id', '=', userId).where('delivery', '=', 'pending')
        .where((eb) => eb.or([eb('send_claimed_until', 'is', null), eb('send_claimed_until', '<=', claim.now)]))
        .$if(claim.dueOnly, (q) => q.where((eb) => eb.or([eb('next_send_at', 'is', null), eb('next_send_at', '<=', claim.now)])))
        .where((eb) => eb.exists(eb.selectFrom('callouts').select('callouts.id').whereRef('callouts.id', '=', 'callout_recipients.callout_id')
          .where('callouts.tenant_id', '=', scope.tenantId).where('callouts.state', '=', 'open')))
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return null;
      const row = await db.selectFrom('callout_recipients').select('send_tries').where('callout_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return { tries: Number(row?.send_tries ?? 0) };
    },

    delivered: (scope, id, userId, outcome, now) => db.transaction().execute(async (trx) => {
      if (!(await inTenant(trx, scope, id))) return;
      // A copy that went out is recorded whatever was decided meanwhile (unless another is recorded already:
      // that one is updated with the card); a refusal only changes a copy still pending.
      const updated = await trx.updateTable('callout_recipients')
        .set(outcome.ok
          ? { delivery: 'sent', thread_id: outcome.threadId, activity_id: outcome.activityId, next_send_at: null, send_claimed_until: null }
          : { delivery: 'unreachable', next_send_at: null, send_claimed_until: null })
        .where('callout_id', '=', id).where('user_id', '=', userId).where('delivery', outcome.ok ? '<>' : '=', outcome.ok ? 'sent' : 'pending')
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return;
      if (!outcome.ok) await event(trx, id, now, 'unreachable', userId, String(outcome.status));
      await bump(trx, scope, id).execute();
    }),

    sendFailed: (scope, id, userId, failure) => db.transaction().execute(async (trx) => {
      if (!(await inTenant(trx, scope, id))) return;
      const updated = await trx.updateTable('callout_recipients')
        .set((eb) => ({
          send_tries: eb('send_tries', '+', 1), send_claimed_until: null, next_send_at: failure.retryAt,
          ...(failure.retryAt === null ? { delivery: 'unreachable' } : {}),
        }))
        .where('callout_id', '=', id).where('user_id', '=', userId).where('delivery', '=', 'pending')
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return;
      if (failure.retryAt === null) {
        const row = await trx.selectFrom('callout_recipients').select('send_tries').where('callout_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
        await event(trx, id, failure.now, 'undelivered', userId, String(row?.send_tries ?? ''));
      }
      await bump(trx, scope, id).execute();
    }),

    async undelivered(now, limit) {
      const rows = await db.selectFrom('callouts').select(['tenant_id', 'conversation_id', 'id']).where('state', '=', 'open')
        .where((eb) => eb.exists(eb.selectFrom('callout_recipients').select('callout_recipients.user_id')
          .whereRef('callout_recipients.callout_id', '=', 'callouts.id').where('callout_recipients.delivery', '=', 'pending')
          .where((r) => r.or([r('callout_recipients.next_send_at', 'is', null), r('callout_recipients.next_send_at', '<=', now)]))
          .where((r) => r.or([r('callout_recipients.send_claimed_until', 'is', null), r('callout_recipients.send_claimed_until', '<=', now)]))))
        .orderBy('called_at').limit(checkedLimit(limit)).execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, conversationId: r.conversation_id, id: r.id }));
    },

    answer: (scope, id, userId, answer, note, now) => changing(scope, id, async (trx) => {
      const open = await trx.selectFrom('callouts').select('id').where('tenant_id', '=', scope.tenantId).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
      if (!open) return false;
      const updated = await trx.updateTable('callout_recipients').set({ answer, note, answered_at: now })
        .where('callout_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await event(trx, id, now, 'answered', userId, answer);
      // Someone comes: nobody more needs to be called.
      await bump(trx, scope, id).set(answer === 'kommer' ? { escalate_at: null } : {}).execute();
      return true;
    }),

    escalate: (scope, id, fromStep, toStep, added, now, escalateAt, sendDueAt) => changing(scope, id, async (trx) => {
      const moved = await bump(trx, scope, id).set({ step: toStep, escalate_at: escalateAt })
        .where('state', '=', 'open').where('step', '=', fromStep).where('escalate_at', 'is not', null)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('callout_recipients').select('callout_recipients.user_id')
          .whereRef('callout_recipients.callout_id', '=', 'callouts.id').where('callout_recipients.answer', '=', 'kommer'))))
        .executeTakeFirst();
      if (moved.numUpdatedRows === 0n) return false;
      await addRecipients(trx, id, added, sendDueAt);
      await event(trx, id, now, 'escalated', null, String(toStep));
      return true;
    }),

    async stopEscalating(scope, id, fromStep) {
      await db.updateTable('callouts').set({ escalate_at: null })
        .where('tenant_id', '=', scope.tenantId).where('id', '=', id).where('step', '=', fromStep).execute();
    },

    async due(now, limit) {
      const rows = await db.selectFrom('callouts').select(['tenant_id', 'conversation_id', 'id'])
        .where('state', '=', 'open').where('escalate_at', '<=', now).orderBy('escalate_at').limit(checkedLimit(limit)).execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, conversationId: r.conversation_id, id: r.id }));
    },

    markExternalSent: (scope, id, actorId, now) => changing(scope, id, async (trx) => {
      const done = await bump(trx, scope, id).set({ external_sent_at: now, external_sent_by: actorId }).executeTakeFirst();
      if (done.numUpdatedRows === 0n) return false;
      await event(trx, id, now, 'external_sent', actorId, null);
      return true;
    }),

    close: (scope, id, c) => changing(scope, id, async (trx) => {
      const closed = await bump(trx, scope, id)
        .set({ state: 'closed', outcome: c.outcome, closed_at: c.now, closed_by: c.actorId, activity_id: c.activityId, escalate_at: null })
        .where('state', '=', 'open').executeTakeFirst();
      if (closed.numUpdatedRows === 0n) return false;
      await event(trx, id, c.now, 'closed', c.actorId, null);
      return true;
    }),
  };
}
