import type { Kysely } from 'kysely';
import { placeKey, tidyName } from '../../domain/place';
import { PLACE_KINDS, type RegisteredPlace } from '../../domain/places/place-register';
import type { AuditAction, AuditEntry } from '../../domain/ports/audit.port';
import type { PlaceCurator, PlaceRegisterRepository } from '../../domain/ports/place-register.port';
import type { TenantScope } from '../../domain/scope';
import { toCode, toDate } from '../row-values';
import type { Database, PlaceRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { writeAudit } from './audit';
import { ignoreDuplicate } from './duplicates';
import { incidentDayOf, recountIncidentDays } from './incident-calendar-counts';
import { checkedLimit } from './limits';

/** The tenant's register: a place id of another tenant is `missing` everywhere, and nothing of it changes. */
export function createPlaceRegisterRepository(db: Kysely<Database>, dialect: StoreDialect): PlaceRegisterRepository {
  return {
    async all(scope, limit) {
      const rows = await db.selectFrom('places').selectAll().where('tenant_id', '=', scope.tenantId)
        .orderBy('name_key').orderBy('id').limit(checkedLimit(limit)).execute();
      const aliases = await db.selectFrom('place_aliases').select(['place_id', 'alias'])
        .where('tenant_id', '=', scope.tenantId).orderBy('alias_key').execute();
      // Grouped once: filtering all aliases for each place costs places × aliases.
      const aliasesOf = new Map<string, string[]>();
      for (const a of aliases) {
        const list = aliasesOf.get(a.place_id);
        if (list) list.push(a.alias);
        else aliasesOf.set(a.place_id, [a.alias]);
      }
      return rows.map((row) => toRegisteredPlace(row, aliasesOf.get(row.id) ?? []));
    },

    get: (scope, id) => findPlace(db, scope, id),

    async update(scope, change, by) {
      const name = change.name === undefined ? undefined : tidyName(change.name);
      // The area a place lies in must be a place of the same tenant; another tenant's is as good as gone.
      if (typeof change.parentId === 'string' && !(await findPlaceRow(db, scope, change.parentId))) return null;
      const columns = {
        ...(name !== undefined ? { name, name_key: placeKey(name) } : {}),
        ...(change.kind !== undefined ? { kind: change.kind } : {}),
        ...(change.lat !== undefined ? { lat: change.lat } : {}),
        ...(change.lon !== undefined ? { lon: change.lon } : {}),
        ...(change.parentId !== undefined ? { parent_id: change.parentId } : {}),
      };
      try {
        const updated = await db.transaction().execute(async (trx) => {
          const before = await findPlaceRow(trx, scope, change.id);
          if (!before) return false;
          await trx.updateTable('places').set(columns).where('id', '=', change.id).where('tenant_id', '=', scope.tenantId).execute();
          await writeAudit(trx, placeAudit(scope, by, 'place.edited', change.id, changedFields(before, columns)));
          return true;
        });
        if (!updated) return null;
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return 'name_taken';
        // The area named as parent was merged away or removed meanwhile: as gone as an unknown one.
        if (dialect.isReferenceViolation(error)) return null;
        throw error;
      }
      return findPlace(db, scope, change.id);
    },

    async addAlias(scope, placeId, alias, by) {
      const tidy = tidyName(alias);
      const key = placeKey(tidy);
      if (!(await findPlaceRow(db, scope, placeId))) return 'missing';
      // An alias must not be another of the tenant's place names either: "torget" cannot name two places.
      const clash = await db.selectFrom('places').select('id')
        .where('tenant_id', '=', scope.tenantId).where('name_key', '=', key).executeTakeFirst();
      if (clash || key === '') return 'taken';
      let inserted = false;
      await ignoreDuplicate(dialect, () => db.transaction().execute(async (trx) => {
        await trx.insertInto('place_aliases').values({ tenant_id: scope.tenantId, alias_key: key, alias: tidy, place_id: placeId }).execute();
        // The alias itself is typed text: the trail says that one was added, not what it says.
        await writeAudit(trx, placeAudit(scope, by, 'place.alias_added', placeId, null));
        inserted = true;
      }));
      return inserted ? 'ok' : 'taken';
    },

    async merge(scope, keepId, mergedId, by) {
      if (keepId === mergedId) return 'missing';
      const attempt = () => db.transaction().setIsolationLevel('serializable').execute((trx) => mergePlaces(trx, dialect, scope, keepId, mergedId, by));
      const outcome = await attempt().catch((error: unknown) => {
        // A report was filed at the merged place after the moves (an engine that let it in): move again.
        if (dialect.isReferenceViolation(error)) return attempt();
        // A hot spot was created at the kept place meanwhile (one hot spot per place).
        if (dialect.isUniqueViolation(error)) return 'both_hotspots' as const;
        throw error;
      });
      if (outcome !== 'merged') return outcome;
      return (await findPlace(db, scope, keepId)) ?? 'missing';
    },
  };
}

/**
 * Check-then-act in one SERIALIZABLE transaction: SQL Server then holds key-range locks on what was
 * read (both places, their hot spots, the alias key), so no concurrent writer can slip a hot spot, an
 * alias or a report in between; two merges of the same places deadlock, and the victim runs again
 * (store guard) and finds the merged place gone. SQLite has one writer and ignores the level.
 */
async function mergePlaces(
  trx: Kysely<Database>, dialect: StoreDialect, scope: TenantScope, keepId: string, mergedId: string, by: PlaceCurator,
): Promise<'merged' | 'missing' | 'both_hotspots'> {
  const tenantId = scope.tenantId;
  const [keep, merged] = [await findPlaceRow(trx, scope, keepId), await findPlaceRow(trx, scope, mergedId)];
  if (!keep || !merged) return 'missing';
  const spots = await trx.selectFrom('hotspots').select('place_id')
    .where('tenant_id', '=', tenantId).where('place_id', 'in', [keepId, mergedId]).execute();
  if (spots.length === 2) return 'both_hotspots';
  // Only the tenant's rows move; a row of another tenant at the place would make the delete fail.
  const moved = await trx.selectFrom('incidents').select(['tenant_id', 'conversation_id', 'occurred_at'])
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  await trx.updateTable('incidents').set({ place_id: keepId, place_name: keep.name })
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  await recountIncidentDays(trx, dialect, moved.map(incidentDayOf));
  await trx.updateTable('activities').set({ place_id: keepId, place_name: keep.name })
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  await trx.updateTable('hotspots').set({ place_id: keepId })
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  // A school at the merged place is at the kept one (the school register, 0017).
  await trx.updateTable('schools').set({ place_id: keepId })
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  await trx.updateTable('places').set({ parent_id: keepId })
    .where('tenant_id', '=', tenantId).where('parent_id', '=', mergedId).execute();
  await trx.updateTable('place_aliases').set({ place_id: keepId })
    .where('tenant_id', '=', tenantId).where('place_id', '=', mergedId).execute();
  await trx.deleteFrom('places').where('id', '=', mergedId).where('tenant_id', '=', tenantId).execute();
  // The merged name keeps finding the place (inserted after the delete: the name key was unique).
  const aliasKey = placeKey(merged.name);
  const known = await trx.selectFrom('place_aliases').select('alias_key')
    .where('tenant_id', '=', tenantId).where('alias_key', '=', aliasKey).executeTakeFirst();
  if (!known) {
    await trx.insertInto('place_aliases').values({ tenant_id: tenantId, alias_key: aliasKey, alias: merged.name, place_id: keepId }).execute();
  }
  await writeAudit(trx, placeAudit(scope, by, 'place.merged', keepId, mergedId));
  return 'merged';
}

function placeAudit(scope: TenantScope, by: PlaceCurator, action: AuditAction, placeId: string, detail: string | null): AuditEntry {
  return { at: by.now, tenantId: scope.tenantId, actorId: by.actorId, action, entityKind: 'place', entityId: placeId, entityRef: null, detail };
}

/** Which of the register's fields a change really changes, by name (a code): `name,kind,lat,lon,parent`. */
function changedFields(before: PlaceRow, columns: { name?: string; kind?: string; lat?: number | null; lon?: number | null; parent_id?: string | null }): string | null {
  const changed = [
    columns.name !== undefined && columns.name !== before.name ? 'name' : null,
    columns.kind !== undefined && columns.kind !== before.kind ? 'kind' : null,
    columns.lat !== undefined && columns.lat !== before.lat ? 'lat' : null,
    columns.lon !== undefined && columns.lon !== before.lon ? 'lon' : null,
    columns.parent_id !== undefined && columns.parent_id !== before.parent_id ? 'parent' : null,
  ].filter((f) => f !== null);
  return changed.length > 0 ? changed.join(',') : null;
}

function findPlaceRow(db: Kysely<Database>, scope: TenantScope, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').selectAll().where('id', '=', id).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
}

async function findPlace(db: Kysely<Database>, scope: TenantScope, id: string): Promise<RegisteredPlace | null> {
  const row = await findPlaceRow(db, scope, id);
  if (!row) return null;
  const aliases = await db.selectFrom('place_aliases').select('alias')
    .where('tenant_id', '=', scope.tenantId).where('place_id', '=', id).orderBy('alias_key').execute();
  return toRegisteredPlace(row, aliases.map((a) => a.alias));
}

function toRegisteredPlace(row: PlaceRow, aliases: string[]): RegisteredPlace {
  return {
    id: row.id,
    name: row.name,
    createdAt: toDate(row.created_at),
    kind: toCode(PLACE_KINDS, row.kind, 'place kind'),
    lat: row.lat,
    lon: row.lon,
    parentId: row.parent_id,
    aliases,
  };
}
