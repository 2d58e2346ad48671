import type { ChangeListener, SharedItem } from './ports/card-messages.port';
import type { ReportRepository, Store } from './ports/store.port';
import type { Report } from './report';
import type { ChatScope } from './scope';

/**
 * Tells its listener about every report and hot spot the store changes, whoever changed it: a card, a
 * command, a quick report, a follow-up reminder. A change the store did not make (a refused one, a conflict, a
 * repeated submit answered with the saved report) tells nothing. An incident at a place with a hot spot
 * changes that hot spot's card too (its incidents are on it).
 */
export class ChangeFeed implements ChangeListener {
  private listener: ChangeListener | null = null;

  /** The one listener (the shared card updater); set once the bot is built. */
  listen(listener: ChangeListener): void {
    this.listener = listener;
  }

  changed(scope: ChatScope, item: SharedItem, created?: boolean): void {
    try {
      this.listener?.changed(scope, item, created);
    } catch {
      // A listener's failure never fails the change that was made.
    }
  }
}

const scopeOf = (item: { origin: ChatScope }): ChatScope => ({ tenantId: item.origin.tenantId, conversationId: item.origin.conversationId });

/** The same store, with every successful write of a report or hot spot told to `feed`. */
export function withChangeFeed(store: Store, feed: ChangeListener): Store {
  const hotspotAt = async (report: Report) => {
    const placeId = report.placeId;
    if (!placeId) return;
    const hotspot = await store.hotspots.byPlace({ tenantId: report.origin.tenantId }, placeId).catch(() => null);
    if (hotspot) feed.changed(scopeOf(hotspot), { kind: 'hotspot', id: hotspot.id });
  };
  const reported = async (report: Report, created = false) => {
    feed.changed(scopeOf(report), { kind: report.kind, id: report.id }, created);
    await hotspotAt(report);
  };
  const incidents = fedReports(store.incidents, reported);
  const activities = fedReports(store.activities, reported);
  const hotspots: Store['hotspots'] = {
    ...bound(store.hotspots),
    async create(hotspot) {
      const created = await store.hotspots.create(hotspot);
      if (created.ok) feed.changed(scopeOf(created.hotspot), { kind: 'hotspot', id: created.hotspot.id });
      return created;
    },
    async update(scope, change) {
      const result = await store.hotspots.update(scope, change);
      if (result.ok) feed.changed(scopeOf(result.hotspot), { kind: 'hotspot', id: result.hotspot.id });
      return result;
    },
    // A follow-up reminder was posted: the card says so (src/cards/hotspot-cards.ts).
    async markFollowUpReminded(scope, hotspotId, day) {
      await store.hotspots.markFollowUpReminded(scope, hotspotId, day);
      const hotspot = await store.hotspots.get(scope, hotspotId).catch(() => null);
      if (hotspot) feed.changed(scopeOf(hotspot), { kind: 'hotspot', id: hotspot.id });
    },
  };
  const placeHistory: Store['placeHistory'] = {
    ...bound(store.placeHistory),
    async withdrawIncident(scope, id, expectedVersion, actorId, now) {
      const before = await store.incidents.get(scope, id);
      const result = await store.placeHistory.withdrawIncident(scope, id, expectedVersion, actorId, now);
      if (result === 'ok' && before) await reported(before);
      return result;
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      switch (property) {
        case 'incidents': return incidents;
        case 'activities': return activities;
        case 'hotspots': return hotspots;
        case 'placeHistory': return placeHistory;
        default: {
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

/** A report repository whose successful creates and updates are told to `reported`. */
function fedReports<R extends Report, F>(repository: ReportRepository<R, F>, reported: (report: Report, created?: boolean) => Promise<void>): ReportRepository<R, F> {
  return {
    ...bound(repository),
    async create(report) {
      const created = await repository.create(report);
      await reported(created, true);
      return created;
    },
    async update(scope, change) {
      const result = await repository.update(scope, change);
      if (result.ok) await reported(result.report);
      return result;
    },
  };
}

/**
 * A repository's methods as calls to it, so that they can be spread into a wrapper; looked up at each
 * call, so the wrapper always reaches the repository's current method.
 */
function bound<T extends object>(repository: T): T {
  const out: Record<string, unknown> = {};
  const methods = repository as Record<string, (...a: unknown[]) => unknown>;
  for (const key of Object.keys(repository)) {
    out[key] = typeof methods[key] === 'function' ? (...args: unknown[]) => methods[key]!.apply(repository, args) : methods[key];
  }
  return out as T;
}
