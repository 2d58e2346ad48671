import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlaceRepository } from '../../domain/ports/store.port';
import { placeKey, tidyName, type Place } from '../../domain/place';
import type { TenantScope } from '../../domain/scope';
import { prepareQuery } from '../prepared-query';
import { toDate } from '../row-values';
import type { Database, PlaceRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { checkedLimit } from './limits';

/** Each tenant has its own places: every query names the tenant, and the same name in two tenants is two places. */
export function createPlaceRepository(db: Kysely<Database>, dialect: StoreDialect): PlaceRepository {
  return {
    async findOrCreate(scope, name, now, kind) {
      const tidy = tidyName(name);
      const key = placeKey(tidy);
      if (key === '') throw new RangeError('A place name needs at least one letter or digit');
      const existing = await findByKey(db, scope, key);
      if (existing) return existing;
      const row = { id: randomUUID(), tenant_id: scope.tenantId, name: tidy, name_key: key, created_at: now };
      try {
        await db.insertInto('places').values({ ...row, ...(kind ? { kind } : {}) }).execute();
        return toPlace(row);
      } catch (error) {
        // Someone created the same place (same tenant and key) since we looked: theirs is the place.
        const winner = dialect.isUniqueViolation(error) ? await findByKey(db, scope, key) : null;
        if (winner) return winner;
        throw error;
      }
    },

    async get(scope, id) {
      const row = await placeById.first(db, { tenantId: scope.tenantId, id });
      return row ? toPlace(row) : null;
    },

    async list(scope, limit) {
      // By key: case- and accent-blind, and the same order in both engines whatever their collation.
      const rows = await db.selectFrom('places').selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .orderBy('name_key').orderBy('id')
        .limit(checkedLimit(limit))
        .execute();
      return rows.map(toPlace);
    },
  };
}

type ByKey = { tenantId: string; key: string };

// A report whose place was chosen from the form's list (Teams' usual submit) reads it by id: prepared too.
const placeById = prepareQuery<{ tenantId: string; id: string }>()((db, p) => db.selectFrom('places').selectAll()
  .where('id', '=', p.id).where('tenant_id', '=', p.tenantId));

// Every report with a place looks it up by name: prepared (prepared-query.ts).
const placeByName = prepareQuery<ByKey>()((db, p) => db.selectFrom('places').selectAll()
  .where('tenant_id', '=', p.tenantId).where('name_key', '=', p.key));

const placeByAlias = prepareQuery<ByKey>()((db, p) => db.selectFrom('places')
  .innerJoin('place_aliases', 'place_aliases.place_id', 'places.id')
  .selectAll('places')
  .where('place_aliases.tenant_id', '=', p.tenantId)
  .where('place_aliases.alias_key', '=', p.key)
  .where('places.tenant_id', '=', p.tenantId));

/** By name, then by alias (the place register's other names: "torget" is "Stora torget"), within the tenant. */
async function findByKey(db: Kysely<Database>, scope: TenantScope, key: string): Promise<Place | null> {
  const params = { tenantId: scope.tenantId, key };
  const row = await placeByName.first(db, params) ?? await placeByAlias.first(db, params);
  return row ? toPlace(row) : null;
}

function toPlace(row: Pick<PlaceRow, 'id' | 'name' | 'created_at'>): Place {
  return { id: row.id, name: row.name, createdAt: toDate(row.created_at) };
}
