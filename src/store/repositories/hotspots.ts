import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ANALYSIS_ASPECTS, HOTSPOT_STATES, type Hotspot, type Measure } from '../../domain/hotspots/hotspot';
import type { AuditEntry } from '../../domain/ports/audit.port';
import type { HotspotChange, HotspotRepository } from '../../domain/ports/hotspots.port';
import type { TenantScope } from '../../domain/scope';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { prepareQuery } from '../prepared-query';
import { toCalendarDayOrNull, toCode, toDate } from '../row-values';
import type { Database, HotspotMeasureRow, HotspotRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { writeAudit } from './audit';
import { byTimeThenId, selectInChunks } from './in-chunks';
import { PlaceOutsideTenantError, requirePlaceOfTenant } from './scopes';

const ACTIVE_STATES = HOTSPOT_STATES.filter((s) => s !== 'avslutad');

/** Hot spots of a tenant: every read and write by id names the tenant; the two `…Due` reads span all. */
export function createHotspotRepository(db: Kysely<Database>, dialect: StoreDialect): HotspotRepository {
  return {
    async create(h) {
      const tenant = { tenantId: h.origin.tenantId };
      await requirePlaceOfTenant(db, tenant.tenantId, h.placeId);
      const row = {
        id: randomUUID(), place_id: h.placeId, state: HOTSPOT_STATES[0], owner_organisation: h.ownerOrganisation,
        owner_id: h.owner.userId, owner_name: h.owner.name, created_by_id: h.createdBy.userId, created_by_name: h.createdBy.name,
        tenant_id: h.origin.tenantId, conversation_id: h.origin.conversationId, analysis_who: null, analysis_what: null,
        analysis_when: null, analysis_why: null, follow_up_date: null, follow_up_reminded: null, created_at: h.now, updated_at: h.now, version: 1,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('hotspots').values(row).execute();
          await writeAudit(trx, hotspotAudit(h.origin.tenantId, h.createdBy.userId, h.now, 'hotspot.created', row.id, h.ownerOrganisation));
        });
      } catch (error) {
        // One hot spot per place: whoever was first owns it.
        const current = dialect.isUniqueViolation(error) ? await findBy(db, tenant, 'place_id', h.placeId) : null;
        if (current) return { ok: false, reason: 'exists', current };
        // The place was merged away after the check: as unknown as if it had been gone before.
        if (dialect.isReferenceViolation(error)) throw new PlaceOutsideTenantError(h.placeId);
        throw error;
      }
      const created = await findBy(db, tenant, 'id', row.id);
      if (!created) throw new Error('A created hot spot could not be read back');
      return { ok: true, hotspot: created };
    },

    get: (scope, id) => findBy(db, scope, 'id', id),
    byPlace: (scope, placeId) => findBy(db, scope, 'place_id', placeId),

    async byPlaces(scope, placeIds) {
      if (placeIds.length === 0) return [];
      const rows = await selectInChunks(placeIds,
        (chunk) => selectHotspots(db).where('hotspots.tenant_id', '=', scope.tenantId).where('hotspots.place_id', 'in', chunk)
          .orderBy('hotspots.place_id').execute(),
        (a, b) => (a.place_id < b.place_id ? -1 : 1));
      return rows.map(toHotspot);
    },

    async listActive(scope) {
      const rows = await selectHotspots(db).where('hotspots.tenant_id', '=', scope.tenantId).where('hotspots.state', 'in', ACTIVE_STATES)
        .orderBy('hotspots.created_at').orderBy('hotspots.id').execute();
      return rows.map(toHotspot);
    },

    update: (scope, change) => db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx.updateTable('hotspots')
        .set((eb) => ({ ...hotspotColumns(change), updated_at: change.now, version: eb('version', '+', 1) }))
        .where('id', '=', change.id)
        .where('version', '=', change.expectedVersion)
        .where('tenant_id', '=', scope.tenantId)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) {
        const stillThere = await trx.selectFrom('hotspots').select('id')
          .where('id', '=', change.id).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
        return { ok: false as const, reason: stillThere ? 'conflict' as const : 'missing' as const };
      }
      const audit = (action: AuditEntry['action'], detail: string | null, entity: { kind: 'hotspot' | 'measure'; id: string } = { kind: 'hotspot', id: change.id }) =>
        writeAudit(trx, { ...hotspotAudit(scope.tenantId, change.actorId, change.now, action, entity.id, detail), entityKind: entity.kind });
      // One audit row per part of the change, each with a code: never the analysis or measure text.
      if (change.state !== undefined) await audit(change.state === HOTSPOT_STATES[0] ? 'hotspot.reopened' : 'hotspot.stage', change.state);
      if (change.owner) await audit('hotspot.owner', change.owner.organisation);
      if (change.analysis) await audit('hotspot.analysis', ANALYSIS_ASPECTS.filter((a) => change.analysis?.[a]).join(',') || null);
      if (change.followUpDate !== undefined) await audit('hotspot.follow_up', change.followUpDate);
      // Measures change under the hot spot's version, so two people cannot both act on an old view.
      if (change.addMeasure) {
        const m = change.addMeasure;
        const measureId = randomUUID();
        await trx.insertInto('hotspot_measures').values({
          id: measureId, hotspot_id: change.id, what: m.what, organisation: m.organisation, due_date: m.dueDate, done_at: null,
          reminded: 0, created_by_id: m.createdBy.userId, created_by_name: m.createdBy.name, created_at: change.now,
        }).execute();
        await audit('hotspot.measure_added', m.organisation, { kind: 'measure', id: measureId });
      }
      if (change.measureDone) {
        const done = await trx.updateTable('hotspot_measures').set({ done_at: change.now })
          .where('id', '=', change.measureDone).where('hotspot_id', '=', change.id).where('done_at', 'is', null).executeTakeFirst();
        if (done.numUpdatedRows > 0n) {
          const measure = await trx.selectFrom('hotspot_measures').select('organisation')
            .where('id', '=', change.measureDone).where('hotspot_id', '=', change.id).executeTakeFirst();
          await audit('hotspot.measure_done', measure?.organisation ?? null, { kind: 'measure', id: change.measureDone });
        }
      }
      const hotspot = await findBy(trx, scope, 'id', change.id);
      return hotspot ? { ok: true as const, hotspot } : { ok: false as const, reason: 'missing' as const };
    }),

    async measures(scope, hotspotIds) {
      if (hotspotIds.length === 0) return [];
      const rows = await selectInChunks(hotspotIds, (chunk) => db.selectFrom('hotspot_measures')
        .innerJoin('hotspots', 'hotspots.id', 'hotspot_measures.hotspot_id')
        .selectAll('hotspot_measures')
        .where('hotspots.tenant_id', '=', scope.tenantId)
        .where('hotspot_measures.hotspot_id', 'in', chunk)
        .orderBy('hotspot_measures.created_at').orderBy('hotspot_measures.id').execute(), byTimeThenId((r) => r.created_at));
      return rows.map(toMeasure);
    },

    async followUpsDue(today) {
      const rows = await selectHotspots(db)
        .where('hotspots.state', 'in', ACTIVE_STATES)
        .where('hotspots.follow_up_date', '<=', today)
        .where((eb) => eb.or([eb('hotspots.follow_up_reminded', 'is', null), eb('hotspots.follow_up_reminded', '<>', eb.ref('hotspots.follow_up_date'))]))
        .orderBy('hotspots.follow_up_date').orderBy('hotspots.id')
        .execute();
      return rows.map(toHotspot);
    },

    async measuresDue(today) {
      const rows = await db.selectFrom('hotspot_measures')
        .innerJoin('hotspots', 'hotspots.id', 'hotspot_measures.hotspot_id')
        .selectAll('hotspot_measures')
        .select('hotspots.tenant_id as hotspot_tenant_id')
        .where('hotspots.state', 'in', ACTIVE_STATES)
        .where('hotspot_measures.done_at', 'is', null)
        .where('hotspot_measures.reminded', '=', 0)
        .where('hotspot_measures.due_date', '<=', today)
        .orderBy('hotspot_measures.due_date').orderBy('hotspot_measures.id')
        .execute();
      return rows.map((row) => ({ tenant: { tenantId: row.hotspot_tenant_id }, measure: toMeasure(row) }));
    },

    async markFollowUpReminded(scope, hotspotId, day) {
      await db.updateTable('hotspots').set({ follow_up_reminded: day })
        .where('id', '=', hotspotId).where('tenant_id', '=', scope.tenantId).execute();
    },

    async markMeasureReminded(scope, measureId) {
      await db.updateTable('hotspot_measures').set({ reminded: 1 })
        .where('id', '=', measureId)
        .where('hotspot_id', 'in', (eb) => eb.selectFrom('hotspots').select('hotspots.id').where('hotspots.tenant_id', '=', scope.tenantId))
        .execute();
    },
  };
}

/** The audit row of a hot spot change: who, which hot spot, and a code; the caller names the action. */
function hotspotAudit(tenantId: string, actorId: string, at: Date, action: AuditEntry['action'], hotspotId: string, detail: string | null): AuditEntry {
  return { at, tenantId, actorId, action, entityKind: 'hotspot', entityId: hotspotId, entityRef: null, detail };
}

function selectHotspots(db: Kysely<Database>) {
  return db.selectFrom('hotspots').innerJoin('places', 'places.id', 'hotspots.place_id').selectAll('hotspots').select('places.name as place_name');
}

type HotspotKey = 'id' | 'place_id';

const hotspotQuery = (column: HotspotKey) => prepareQuery<{ value: string; tenantId: string }>()((db, p) => selectHotspots(db)
  .where(`hotspots.${column}`, '=', p.value).where('hotspots.tenant_id', '=', p.tenantId));

/** One prepared query per key column (every report submit looks for its place's hot spot). */
const hotspotBy: Record<HotspotKey, ReturnType<typeof hotspotQuery>> = { id: hotspotQuery('id'), place_id: hotspotQuery('place_id') };

async function findBy(db: Kysely<Database>, scope: TenantScope, column: HotspotKey, value: string): Promise<Hotspot | null> {
  const row = await hotspotBy[column].first(db, { value, tenantId: scope.tenantId });
  return row ? toHotspot(row) : null;
}

/** The columns a change sets; what it does not name stays as it was. */
function hotspotColumns(change: HotspotChange) {
  return {
    ...(change.state !== undefined ? { state: change.state } : {}),
    ...(change.owner ? { owner_organisation: change.owner.organisation, owner_id: change.owner.person.userId, owner_name: change.owner.person.name } : {}),
    ...(change.analysis
      ? { analysis_who: change.analysis.who, analysis_what: change.analysis.what, analysis_when: change.analysis.when, analysis_why: change.analysis.why }
      : {}),
    ...(change.followUpDate !== undefined ? { follow_up_date: change.followUpDate } : {}),
  };
}

function toHotspot(row: HotspotRow & { place_name: string }): Hotspot {
  return {
    id: row.id,
    placeId: row.place_id,
    placeName: row.place_name,
    state: toCode(HOTSPOT_STATES, row.state, 'hot spot state'),
    ownerOrganisation: toCode(ORGANISATIONS, row.owner_organisation, 'organisation'),
    owner: { userId: row.owner_id, name: row.owner_name },
    createdBy: { userId: row.created_by_id, name: row.created_by_name },
    origin: { tenantId: row.tenant_id, conversationId: row.conversation_id },
    analysis: { who: row.analysis_who, what: row.analysis_what, when: row.analysis_when, why: row.analysis_why },
    followUpDate: toCalendarDayOrNull(row.follow_up_date),
    followUpReminded: toCalendarDayOrNull(row.follow_up_reminded),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    version: row.version,
  };
}

function toMeasure(row: HotspotMeasureRow): Measure {
  return {
    id: row.id,
    hotspotId: row.hotspot_id,
    what: row.what,
    organisation: toCode(ORGANISATIONS, row.organisation, 'organisation'),
    dueDate: toCalendarDayOrNull(row.due_date),
    doneAt: row.done_at === null ? null : toDate(row.done_at),
    reminded: row.reminded !== 0,
    createdBy: { userId: row.created_by_id, name: row.created_by_name },
    createdAt: toDate(row.created_at),
  };
}
