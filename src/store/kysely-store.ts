import type { Kysely } from 'kysely';
import type { Store, StoreHealth } from '../domain/ports/store.port';
import { createActivityRepository } from './repositories/activities';
import { createAuditRepository } from './repositories/audit';
import { createCoordinatorRepository } from './repositories/coordinators';
import { createRetentionRepository } from './repositories/retention';
import { createConversationRepository } from './repositories/conversations';
import { createDigestDeliveryRepository } from './repositories/digest-deliveries';
import { createDigestExportRepository } from './repositories/digest-exports';
import { createDigestSubscriptionRepository } from './repositories/digest-subscriptions';
import { createLagesbildAggregateRepository } from './repositories/lagesbild-aggregates';
import { createHotspotRepository } from './repositories/hotspots';
import { createIncidentRepository } from './repositories/incidents';
import { createMembershipRepository } from './repositories/memberships';
import { createPlaceHistoryRepository } from './repositories/place-history';
import { createPlaceRegisterRepository } from './repositories/place-register';
import { createPlaceRepository } from './repositories/places';
import { createReportListRepository } from './repositories/reports';
import { createUserProfileRepository } from './repositories/users';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';
import { createStoreGuard, guardRepository, withTimeout } from './store-guard';

export const HEALTH_TIMEOUT_MS = 2_000;

export interface KyselyStoreOptions {
  healthTimeoutMs?: number;
}

/** The one Store implementation: the engine only changes the Kysely dialect under `db`. */
export function createKyselyStore(db: Kysely<Database>, dialect: StoreDialect, options: KyselyStoreOptions = {}): Store {
  const healthTimeoutMs = options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS;
  let closed = false;
  const guard = createStoreGuard(dialect, () => closed);
  return {
    kind: dialect.kind,
    incidents: guardRepository(createIncidentRepository(db, dialect), guard),
    activities: guardRepository(createActivityRepository(db, dialect), guard),
    reports: guardRepository(createReportListRepository(db), guard),
    places: guardRepository(createPlaceRepository(db, dialect), guard),
    conversations: guardRepository(createConversationRepository(db, dialect), guard),
    users: guardRepository(createUserProfileRepository(db, dialect), guard),
    memberships: guardRepository(createMembershipRepository(db, dialect), guard),
    lagesbild: guardRepository(createLagesbildAggregateRepository(db), guard),
    digestSubscriptions: guardRepository(createDigestSubscriptionRepository(db, dialect), guard),
    digestDeliveries: guardRepository(createDigestDeliveryRepository(db, dialect), guard),
    digestExports: guardRepository(createDigestExportRepository(db), guard),
    audit: guardRepository(createAuditRepository(db), guard),
    coordinators: guardRepository(createCoordinatorRepository(db, dialect), guard),
    retention: guardRepository(createRetentionRepository(db), guard),
    placeRegister: guardRepository(createPlaceRegisterRepository(db, dialect), guard),
    hotspots: guardRepository(createHotspotRepository(db, dialect), guard),
    placeHistory: guardRepository(createPlaceHistoryRepository(db), guard),

    async health(): Promise<StoreHealth> {
      if (closed) return { ok: false, kind: dialect.kind, detail: 'closed' };
      try {
        // Reads a table rather than `select 1`, so that a missing or unreadable schema counts as unhealthy.
        await withTimeout(db.selectFrom('schema_migrations').select('version').limit(1).execute(), healthTimeoutMs, 'The database');
        return { ok: true, kind: dialect.kind };
      } catch (error) {
        return { ok: false, kind: dialect.kind, detail: error instanceof Error ? error.message : String(error) };
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
