import type { Kysely } from 'kysely';
import type { Store, StoreHealth } from '../domain/ports/store.port';
import { createActivityRepository } from './repositories/activities';
import { createAuditRepository } from './repositories/audit';
import { createCardMessageRepository } from './repositories/card-messages';
import { createCallListRepository } from './repositories/call-lists';
import { createCalloutRepository } from './repositories/callouts';
import { createCoordinatorRepository } from './repositories/coordinators';
import { createRetentionRepository } from './repositories/retention';
import { createConversationRepository } from './repositories/conversations';
import { createDigestDeliveryRepository } from './repositories/digest-deliveries';
import { createDigestExportRepository } from './repositories/digest-exports';
import { createDigestSubscriptionRepository } from './repositories/digest-subscriptions';
import { createEstRepository } from './repositories/est';
import { createLawAnalysisRepository } from './repositories/law-analyses';
import { createLagesbildAggregateRepository } from './repositories/lagesbild-aggregates';
import { createMapIncidentRepository } from './repositories/map-incidents';
import { createHotspotRepository } from './repositories/hotspots';
import { createIncidentRepository } from './repositories/incidents';
import { createJobLeaseRepository, createPostBudgetRepository } from './repositories/job-leases';
import { createMembershipRepository } from './repositories/memberships';
import { createPlaceHistoryRepository } from './repositories/place-history';
import { createPlaceRegisterRepository } from './repositories/place-register';
import { createPlaceRepository } from './repositories/places';
import { createPromiseRepository } from './repositories/promises';
import { createReportListRepository } from './repositories/reports';
import { createSchoolRepository } from './repositories/schools';
import { createUserProfileRepository } from './repositories/users';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';
import { createStoreGuard, guardRepository, withTimeout } from './store-guard';
import type { StoreLogger } from './store-logger';
import { errorProperty } from './store-dialect';

export const HEALTH_TIMEOUT_MS = 2_000;

export interface KyselyStoreOptions {
  healthTimeoutMs?: number;
  /** Gets one structured line (the cause's code) for each operation the database could not serve. */
  logger?: StoreLogger;
  /** The newest migration the app knows: the probe fails while the database has not reached it. */
  schemaVersion?: number;
}

/** The one row of store_health that every probe writes again. */
const PROBE_ROW = 1;

/**
 * Text that fills most of a page and differs on every probe: an unchanged row could be left unwritten,
 * and a write that adds no page to the log (or a transaction that is only begun and rolled back) says
 * nothing about whether the disk has room.
 */
function probePad(now: Date): string {
  return now.toISOString().repeat(160);
}

/** The one Store implementation: the engine only changes the Kysely dialect under `db`. */
export function createKyselyStore(db: Kysely<Database>, dialect: StoreDialect, options: KyselyStoreOptions = {}): Store {
  const healthTimeoutMs = options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS;
  let closed = false;
  const guard = createStoreGuard(dialect, () => closed, options.logger);
  return {
    kind: dialect.kind,
    incidents: guardRepository(createIncidentRepository(db, dialect), guard),
    activities: guardRepository(createActivityRepository(db, dialect), guard),
    reports: guardRepository(createReportListRepository(db), guard),
    places: guardRepository(createPlaceRepository(db, dialect), guard),
    conversations: guardRepository(createConversationRepository(db, dialect), guard),
    users: guardRepository(createUserProfileRepository(db, dialect), guard),
    memberships: guardRepository(createMembershipRepository(db, dialect), guard),
    lagesbild: guardRepository(createLagesbildAggregateRepository(db, dialect), guard),
    digestSubscriptions: guardRepository(createDigestSubscriptionRepository(db, dialect), guard),
    digestDeliveries: guardRepository(createDigestDeliveryRepository(db, dialect), guard),
    digestExports: guardRepository(createDigestExportRepository(db), guard),
    audit: guardRepository(createAuditRepository(db), guard),
    coordinators: guardRepository(createCoordinatorRepository(db, dialect), guard),
    retention: guardRepository(createRetentionRepository(db, dialect), guard),
    placeRegister: guardRepository(createPlaceRegisterRepository(db, dialect), guard),
    hotspots: guardRepository(createHotspotRepository(db, dialect), guard),
    placeHistory: guardRepository(createPlaceHistoryRepository(db, dialect), guard),
    cardMessages: guardRepository(createCardMessageRepository(db), guard),
    jobLeases: guardRepository(createJobLeaseRepository(db, dialect), guard),
    postBudget: guardRepository(createPostBudgetRepository(db, dialect), guard),
    est: guardRepository(createEstRepository(db, dialect), guard),
    callLists: guardRepository(createCallListRepository(db), guard),
    callouts: guardRepository(createCalloutRepository(db, dialect), guard),
    schools: guardRepository(createSchoolRepository(db, dialect), guard),
    promises: guardRepository(createPromiseRepository(db, dialect), guard),
    mapIncidents: guardRepository(createMapIncidentRepository(db), guard),
    lawAnalyses: guardRepository(createLawAnalysisRepository(db, dialect), guard),

    /**
     * Reads the schema and writes the probe row in one transaction: a database that can be read but not
     * written (disk or log full, read-only file) is unhealthy, and healthy again once a write works.
     */
    async health(): Promise<StoreHealth> {
      if (closed) return { ok: false, kind: dialect.kind, cause: 'closed' };
      try {
        const probe = db.transaction().execute(async (trx) => {
          const newest = await trx.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
          if (options.schemaVersion !== undefined && Number(newest?.version ?? 0) < options.schemaVersion) {
            throw Object.assign(new Error(`The database has migrations up to ${String(newest?.version)}, the app needs ${options.schemaVersion}`), { code: 'migrations_pending' });
          }
          const now = new Date();
          await trx.deleteFrom('store_health').where('id', '=', PROBE_ROW).execute();
          await trx.insertInto('store_health').values({ id: PROBE_ROW, checked_at: now, pad: probePad(now) }).execute();
        });
        await withTimeout(probe, healthTimeoutMs, 'The database');
        return { ok: true, kind: dialect.kind };
      } catch (error) {
        const code = errorProperty(error, 'code');
        const cause = dialect.unavailableCause(error) ?? (code === 'timeout' || code === 'migrations_pending' ? code : 'error');
        return { ok: false, kind: dialect.kind, cause, detail: error instanceof Error ? error.message : String(error) };
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
