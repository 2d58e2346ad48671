import type { Kysely } from 'kysely';
import { placeKey, tidyName } from '../../domain/place';
import { PLACE_KINDS, type RegisteredPlace } from '../../domain/places/place-register';
import type { PlaceRegisterRepository } from '../../domain/ports/place-register.port';
import { toCode, toDate } from '../row-values';
import type { Database, PlaceRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';
import { checkedLimit } from './limits';

export function createPlaceRegisterRepository(db: Kysely<Database>, dialect: StoreDialect): PlaceRegisterRepository {
  return {
    async all(limit) {
      const rows = await db.selectFrom('places').selectAll().orderBy('name_key').orderBy('id').limit(checkedLimit(limit)).execute();
      const aliases = await db.selectFrom('place_aliases').select(['place_id', 'alias']).orderBy('alias_key').execute();
      return rows.map((row) => toRegisteredPlace(row, aliases.filter((a) => a.place_id === row.id).map((a) => a.alias)));
    },

    get: (id) => findPlace(db, id),

    async update(change) {
      const name = change.name === undefined ? undefined : tidyName(change.name);
      try {
        const result = await db.updateTable('places').set({
          ...(name !== undefined ? { name, name_key: placeKey(name) } : {}),
          ...(change.kind !== undefined ? { kind: change.kind } : {}),
          ...(change.lat !== undefined ? { lat: change.lat } : {}),
          ...(change.lon !== undefined ? { lon: change.lon } : {}),
          ...(change.parentId !== undefined ? { parent_id: change.parentId } : {}),
        }).where('id', '=', change.id).executeTakeFirst();
        if (result.numUpdatedRows === 0n) return null;
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return 'name_taken';
        throw error;
      }
      return findPlace(db, change.id);
    },

    async addAlias(placeId, alias) {
      const tidy = tidyName(alias);
      const key = placeKey(tidy);
      if (!(await findPlace(db, placeId))) return 'missing';
      // An alias must not be another place's name either: "torget" cannot name two places.
      const clash = await db.selectFrom('places').select('id').where('name_key', '=', key).executeTakeFirst();
      if (clash || key === '') return 'taken';
      let inserted = false;
      await ignoreDuplicate(dialect, async () => {
        await db.insertInto('place_aliases').values({ alias_key: key, alias: tidy, place_id: placeId }).execute();
        inserted = true;
      });
      return inserted ? 'ok' : 'taken';
    },

    async merge(keepId, mergedId) {
      const [keep, merged] = await Promise.all([findPlace(db, keepId), findPlace(db, mergedId)]);
      if (!keep || !merged || keepId === mergedId) return 'missing';
      const outcome = await db.transaction().execute(async (trx) => {
        const spots = await trx.selectFrom('hotspots').select('place_id').where('place_id', 'in', [keepId, mergedId]).execute();
        if (spots.length === 2) return 'both_hotspots' as const;
        await trx.updateTable('incidents').set({ place_id: keepId, place_name: keep.name }).where('place_id', '=', mergedId).execute();
        await trx.updateTable('activities').set({ place_id: keepId, place_name: keep.name }).where('place_id', '=', mergedId).execute();
        await trx.updateTable('hotspots').set({ place_id: keepId }).where('place_id', '=', mergedId).execute();
        await trx.updateTable('places').set({ parent_id: keepId }).where('parent_id', '=', mergedId).execute();
        await trx.updateTable('place_aliases').set({ place_id: keepId }).where('place_id', '=', mergedId).execute();
        await trx.deleteFrom('places').where('id', '=', mergedId).execute();
        // The merged name keeps finding the place (inserted after the delete: the name key was unique).
        const aliasKey = placeKey(merged.name);
        const known = await trx.selectFrom('place_aliases').select('alias_key').where('alias_key', '=', aliasKey).executeTakeFirst();
        if (!known) await trx.insertInto('place_aliases').values({ alias_key: aliasKey, alias: merged.name, place_id: keepId }).execute();
        return 'merged' as const;
      });
      if (outcome === 'both_hotspots') return outcome;
      return (await findPlace(db, keepId)) ?? 'missing';
    },
  };
}

async function findPlace(db: Kysely<Database>, id: string): Promise<RegisteredPlace | null> {
  const row = await db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const aliases = await db.selectFrom('place_aliases').select('alias').where('place_id', '=', id).orderBy('alias_key').execute();
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
