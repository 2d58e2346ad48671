import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntityKind, AuditEntry, AuditRepository } from '../../domain/ports/audit.port';
import { everyColumn, prepareQuery, type InsertRow } from '../prepared-query';
import { toDate } from '../row-values';
import type { Database } from '../schema';
import { checkedLimit } from './limits';

// Every change writes one: prepared (prepared-query.ts).
const insertAudit = prepareQuery<InsertRow<'audit_log'>>()((db, p) => db.insertInto('audit_log').values(everyColumn('audit_log', p)));

/** Writes one audit row; called inside the transaction of the change it records, so neither exists alone. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAudit.affected(db, {
    id: randomUUID(),
    at: entry.at,
    tenant_id: entry.tenantId,
    actor_id: entry.actorId,
    action: entry.action,
    entity_kind: entry.entityKind,
    entity_id: entry.entityId,
    entity_ref: entry.entityRef,
    detail: entry.detail,
  });
}

export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    record: (entry) => writeAudit(db, entry),
    async latest(scope, limit) {
      const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', scope.tenantId)
        .orderBy('at', 'desc').orderBy('id', 'desc').limit(checkedLimit(limit)).execute();
      return rows.map((r) => ({
        at: toDate(r.at),
        tenantId: r.tenant_id,
        actorId: r.actor_id,
        action: r.action as AuditAction,
        entityKind: r.entity_kind as AuditEntityKind,
        entityId: r.entity_id,
        entityRef: r.entity_ref,
        detail: r.detail,
      }));
    },
  };
}
