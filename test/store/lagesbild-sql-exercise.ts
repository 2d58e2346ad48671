import type { Store } from '../../src/domain/ports/store.port';
import { T0, at } from './store-fixtures';

/** Statements the lägesbild repositories send, as SQL Server would get them (start of the SQL text). */
export const LAGESBILD_STATEMENTS = [
  'select "t"."bucket", "t"."group_key", sum("t"."n") as "n", sum("t"."youth") as "youth" from (select case when incidents.occurred_at',
  'select "t"."bucket", "t"."group_key", sum("t"."n") as "n", sum("t"."youth") as "youth" from (select case when c.unit',
  'select "t"."bucket", "t"."group_key", sum("t"."n") as "n", sum("t"."youth") as "youth" from (select case when activities.activity_date',
  // The calendar counts, kept at every incident write (0015).
  'select "dimension", "group_key", "incident_count", "youth_given", "youth_involved" from "incident_calendar_counts"',
  'update "incident_calendar_counts"', 'insert into "incident_calendar_counts"',
  'insert into "digest_subscriptions"', 'update "digest_subscriptions"', 'delete from "digest_subscriptions"',
  'insert into "digest_deliveries"', 'update "digest_deliveries"', 'insert into "digest_attempts"', 'insert into "digest_exports"', 'update "digest_exports"',
  'select top(',
];

/** Calls every lägesbild, subscription, delivery and export repository method once (and a claim that loses). */
export async function exerciseLagesbildRepositories(store: Store): Promise<void> {
  const scope = { tenantId: 'tenant-1', conversationId: 'conversation-1' };
  const ranges = [{ from: at(-86400), to: at(86400) }, { from: at(-172800), to: at(-86400) }];
  for (const by of ['category', 'organisation', 'place', 'area', 'severity', 'school', 'none'] as const) await store.lagesbild.countIncidents(scope, ranges, by);
  for (const by of ['type', 'organisation', 'school'] as const) {
    await store.lagesbild.countActivities(scope, [{ firstDay: '2026-03-09', lastDay: '2026-03-15' }, { firstDay: '2026-03-02', lastDay: '2026-03-08' }], by);
  }
  await store.lagesbild.overdueFollowUps(scope, '2026-04-30', 10);
  await store.lagesbild.seriousIncidents(scope, ranges[0]!, 5);
  await store.lagesbild.incidentsForExport(scope, ranges[0]!, 100);
  await store.lagesbild.activitiesForExport(scope, { firstDay: '2026-03-09', lastDay: '2026-03-15' }, 100);

  const subscription = {
    conversationId: 'conversation-1', tenantId: 'tenant-1', cadence: 'weekly' as const, weekday: 1, time: '07:30', locale: 'sv' as const,
    status: 'active' as const, pausedReason: null, createdBy: 'aad-user-9', createdAt: T0, updatedAt: T0,
  };
  await store.digestSubscriptions.save(subscription);
  await store.digestSubscriptions.save({ ...subscription, updatedAt: at(1) });
  await store.digestSubscriptions.get(scope);
  await store.digestSubscriptions.listActive();
  await store.digestSubscriptions.pause(scope, 'bot removed (HTTP 403)', at(2));

  const claim = { conversationId: 'conversation-1', periodKey: '2026-W11', scheduledFor: T0, claimedBy: 'instance-a', now: T0, staleBefore: at(-900) };
  const { id } = (await store.digestDeliveries.claim(claim))!;
  await store.digestDeliveries.claim({ ...claim, claimedBy: 'instance-b' });
  await store.digestDeliveries.sending(id, 1, T0);
  await store.digestDeliveries.recordAttempt({ deliveryId: id, attempt: 1, at: T0, httpStatus: 429, outcome: 'retry', retryInMs: 3000 });
  await store.digestDeliveries.sending(id, 2, at(1));
  await store.digestDeliveries.claim({ ...claim, claimedBy: 'instance-b', now: at(2), staleBefore: at(2) });
  await store.digestDeliveries.finish(id, 'posted', at(3), null);
  await store.digestDeliveries.list('conversation-1', 5);
  await store.digestDeliveries.attempts(id);
  await store.digestSubscriptions.remove(scope);

  await store.digestExports.create({
    id: '5b3f1c1e-0000-4000-8000-000000000009', tokenHash: 'c'.repeat(64), tenantId: 'tenant-1', conversationId: 'conversation-1',
    userId: 'aad-user-9', periodKind: 'month', periodFrom: T0, periodTo: at(86400 * 30), partial: false, createdAt: T0, expiresAt: at(900),
  });
  await store.digestExports.findByTokenHash('c'.repeat(64));
  await store.digestExports.get(scope, '5b3f1c1e-0000-4000-8000-000000000009');
  await store.digestExports.replaceTokenHash(scope, '5b3f1c1e-0000-4000-8000-000000000009', 'd'.repeat(64));
  await store.digestExports.list(scope, 5);
}
