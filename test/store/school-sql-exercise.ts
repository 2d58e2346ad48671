import type { Store } from '../../src/domain/ports/store.port';
import { TRICKY_TEXT, at, curator, origin, tenant } from './store-fixtures';

/** Every school register query, run once so that the SQL Server check sees its T-SQL. */
export async function exerciseSchoolRepository(store: Store, placeId: string): Promise<void> {
  const contact = { userId: 'aad-user-9', name: TRICKY_TEXT.quotes, role: 'polis' as const };
  const added = await store.schools.add(tenant, { name: 'Björkskolan', stages: ['f-6'], placeId, contacts: [contact] }, curator);
  await store.schools.addMany(tenant, [{ name: TRICKY_TEXT.swedish, stages: ['7-9', 'gymnasium'], placeId: null, contacts: [] }], curator);
  const id = added.ok ? added.school.id : '';
  await store.schools.update(tenant, { id, expectedVersion: 1, name: 'Björkskolan', stages: ['7-9'], placeId: null, contacts: [contact] }, { ...curator, now: at(1) });
  await store.schools.get(tenant, id);
  await store.schools.findByName(tenant, TRICKY_TEXT.sqlInjection);
  await store.schools.list(tenant, 50);
  await store.schools.contacts(tenant, id);
  await store.schools.ofContact(tenant, contact.userId);
  await store.schools.reports(origin, id, { instant: at(-86400), day: '2026-01-01' }, 100);
}

/** The statement kinds those queries send, for the "covers every kind" check. */
export const SCHOOL_STATEMENTS = [
  'insert into "schools"', 'insert into "school_contacts"', 'update "schools"', 'delete from "school_contacts"',
  'select * from "school_contacts"', 'select "schools"."id" from "schools" inner join "school_contacts"',
  'select top(100) "id", "ref", "occurred_at", "category", "status" from "incidents"',
  'select top(100) "id", "ref", "activity_date", "type", "follow_up_date", "follow_up_done_at" from "activities"',
];
