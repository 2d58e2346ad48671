import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tidyName } from '../../domain/place';
import type { AuditEntry } from '../../domain/ports/audit.port';
import type { SchoolChange, SchoolCurator, SchoolImport, SchoolRepository, SchoolWrite } from '../../domain/ports/schools.port';
import {
  SCHOOL_REGISTER_MAX, SCHOOL_STAGES, SSPF_ROLES, distinctContacts, schoolKey, stageSet,
  type School, type SchoolContact, type SchoolDetails,
} from '../../domain/schools/school';
import { matchSchool } from '../../domain/schools/school-matcher';
import type { TenantScope } from '../../domain/scope';
import { toCalendarDay, toCalendarDayOrNull, toCode, toDate } from '../row-values';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, REPORT_STATUSES } from '../../domain/vocabulary';
import { reportInScope } from './scopes';
import type { Database, SchoolContactRow, SchoolRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { writeAudit } from './audit';
import { checkedLimit } from './limits';
import { prepareQuery } from '../prepared-query';

/** Ends a transaction early with a result: thrown inside, caught outside, after the rollback. */
class Refused {
  constructor(readonly reason: 'name_taken' | 'place_missing' | 'conflict' | 'missing', readonly index = 0) {}
}

/** The tenant's school register: a school id of another tenant is `missing` everywhere, and nothing of it changes. */
export function createSchoolRepository(db: Kysely<Database>, dialect: StoreDialect): SchoolRepository {
  /** Runs a write; a name already taken or a place gone meanwhile (the engine's own check) is a refusal, not an error. */
  async function refusable<T>(write: () => Promise<T>): Promise<T | Refused> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof Refused) return error;
      if (dialect.isUniqueViolation(error)) return new Refused('name_taken');
      if (dialect.isReferenceViolation(error)) return new Refused('place_missing');
      throw error;
    }
  }

  const repository: SchoolRepository = {
    async add(scope, details, by): Promise<SchoolWrite> {
      const outcome = await refusable(() => db.transaction().execute((trx) => insertSchool(trx, scope, details, by, 0)));
      if (outcome instanceof Refused) return { ok: false, reason: outcome.reason };
      return { ok: true, school: await readBack(db, scope, outcome) };
    },

    async addMany(scope, list, by): Promise<SchoolImport> {
      const outcome = await refusable(() => db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (const [index, details] of list.entries()) ids.push(await insertSchool(trx, scope, details, by, index));
        return ids;
      }));
      if (outcome instanceof Refused) return { ok: false, index: outcome.index, reason: outcome.reason === 'place_missing' ? 'place_missing' : 'name_taken' };
      const schools: School[] = [];
      for (const id of outcome) schools.push(await readBack(db, scope, id));
      return { ok: true, schools };
    },

    async update(scope, change, by): Promise<SchoolWrite> {
      const outcome = await refusable(() => db.transaction().execute((trx) => updateSchool(trx, scope, change, by)));
      if (outcome instanceof Refused) return { ok: false, reason: outcome.reason };
      return { ok: true, school: await readBack(db, scope, change.id) };
    },

    get: (scope, id) => findSchool(db, scope, id),

    async findByName(scope, typed) {
      const exact = await db.selectFrom('schools').select('id')
        .where('tenant_id', '=', scope.tenantId).where('name_key', '=', schoolKey(typed)).executeTakeFirst();
      const school = exact ? await findSchool(db, scope, exact.id) : null;
      if (school) return { kind: 'sure', school };
      return matchSchool(typed, await repository.list(scope, SCHOOL_REGISTER_MAX));
    },

    async list(scope, limit) {
      const rows = await db.selectFrom('schools').selectAll().where('tenant_id', '=', scope.tenantId)
        .orderBy('name_key').orderBy('id').limit(checkedLimit(limit)).execute();
      const contacts = rows.length === 0 ? [] : await db.selectFrom('school_contacts').selectAll()
        .where('tenant_id', '=', scope.tenantId).orderBy('school_id').orderBy('position').execute();
      return rows.map((row) => toSchool(row, contacts.filter((c) => c.school_id === row.id)));
    },

    async contacts(scope, schoolId) {
      return (await contactRows(db, scope, schoolId)).map(toContact);
    },

    async reports(scope, schoolId, since, limit) {
      const [incidents, activities] = await Promise.all([
        db.selectFrom('incidents').select(['id', 'ref', 'occurred_at', 'category', 'status'])
          .where(reportInScope('incidents', scope)).where('school_id', '=', schoolId).where('occurred_at', '>=', since.instant)
          .orderBy('occurred_at', 'desc').orderBy('id').limit(checkedLimit(limit)).execute(),
        db.selectFrom('activities').select(['id', 'ref', 'activity_date', 'type', 'follow_up_date', 'follow_up_done_at'])
          .where(reportInScope('activities', scope)).where('school_id', '=', schoolId).where('activity_date', '>=', since.day)
          .orderBy('activity_date', 'desc').orderBy('id').limit(checkedLimit(limit)).execute(),
      ]);
      return {
        incidents: incidents.map((r) => ({
          id: r.id, ref: r.ref, occurredAt: toDate(r.occurred_at), category: toCode(INCIDENT_CATEGORIES, r.category, 'category'),
          status: toCode(REPORT_STATUSES, r.status, 'status'),
        })),
        activities: activities.map((r) => ({
          id: r.id, ref: r.ref, date: toCalendarDay(r.activity_date), type: toCode(ACTIVITY_TYPES, r.type, 'type'),
          followUpDate: toCalendarDayOrNull(r.follow_up_date), followUpDone: r.follow_up_done_at !== null,
        })),
      };
    },

    async ofContact(scope, userId) {
      const rows = await db.selectFrom('schools')
        .innerJoin('school_contacts', 'school_contacts.school_id', 'schools.id')
        .select('schools.id')
        .where('schools.tenant_id', '=', scope.tenantId).where('school_contacts.tenant_id', '=', scope.tenantId)
        .where('school_contacts.user_id', '=', userId)
        .orderBy('schools.name_key').execute();
      const schools: School[] = [];
      for (const { id } of rows) schools.push(await readBack(db, scope, id));
      return schools;
    },
  };
  return repository;
}

async function insertSchool(trx: Kysely<Database>, scope: TenantScope, details: SchoolDetails, by: SchoolCurator, index: number): Promise<string> {
  const name = tidyName(details.name);
  const key = schoolKey(name);
  // Checked here too, not only by the unique key: an import must say which of its lines clashed.
  const clash = await trx.selectFrom('schools').select('id').where('tenant_id', '=', scope.tenantId).where('name_key', '=', key).executeTakeFirst();
  if (clash) throw new Refused('name_taken', index);
  if (!(await isPlaceOfTenant(trx, scope, details.placeId))) throw new Refused('place_missing', index);
  const id = randomUUID();
  await trx.insertInto('schools').values({
    id, tenant_id: scope.tenantId, name, name_key: key, stages: stageSet(details.stages).join(','),
    place_id: details.placeId, version: 1, created_at: by.now, updated_at: by.now,
  }).execute();
  await writeContacts(trx, scope, id, details.contacts);
  await tieFreeTextIncidents(trx, scope, id, key);
  await writeAudit(trx, schoolAudit(scope, by, 'school.added', id, null));
  return id;
}

async function updateSchool(trx: Kysely<Database>, scope: TenantScope, change: SchoolChange, by: SchoolCurator): Promise<void> {
  const before = await trx.selectFrom('schools').selectAll().where('id', '=', change.id).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
  if (!before) throw new Refused('missing');
  if (before.version !== change.expectedVersion) throw new Refused('conflict');
  if (change.placeId !== undefined && !(await isPlaceOfTenant(trx, scope, change.placeId))) throw new Refused('place_missing');
  const name = change.name === undefined ? undefined : tidyName(change.name);
  const key = name === undefined ? undefined : schoolKey(name);
  const stages = change.stages === undefined ? undefined : stageSet(change.stages).join(',');
  const { numUpdatedRows } = await trx.updateTable('schools')
    .set((eb) => ({
      ...(name !== undefined && key !== undefined ? { name, name_key: key } : {}),
      ...(stages !== undefined ? { stages } : {}),
      ...(change.placeId !== undefined ? { place_id: change.placeId } : {}),
      updated_at: by.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', change.id).where('tenant_id', '=', scope.tenantId).where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new Refused('conflict');
  if (change.contacts !== undefined) {
    await trx.deleteFrom('school_contacts').where('school_id', '=', change.id).where('tenant_id', '=', scope.tenantId).execute();
    await writeContacts(trx, scope, change.id, change.contacts);
  }
  if (key !== undefined && key !== before.name_key) await tieFreeTextIncidents(trx, scope, change.id, key);
  const fields = [
    name !== undefined && name !== before.name ? 'name' : null,
    stages !== undefined && stages !== before.stages ? 'stages' : null,
    change.placeId !== undefined && change.placeId !== before.place_id ? 'place' : null,
    change.contacts !== undefined ? 'contacts' : null,
  ].filter((f) => f !== null);
  await writeAudit(trx, schoolAudit(scope, by, 'school.edited', change.id, fields.length > 0 ? fields.join(',') : null));
}

async function writeContacts(trx: Kysely<Database>, scope: TenantScope, schoolId: string, contacts: readonly SchoolContact[]): Promise<void> {
  for (const [position, c] of distinctContacts(contacts).entries()) {
    await trx.insertInto('school_contacts').values({
      tenant_id: scope.tenantId, school_id: schoolId, user_id: c.userId, display_name: c.name, role: c.role, position,
    }).execute();
  }
}

/**
 * Incidents written before the register named their school in free text: those of the tenant whose
 * text folds to the school's name are tied to it (the text stays, as it was written).
 */
async function tieFreeTextIncidents(trx: Kysely<Database>, scope: TenantScope, schoolId: string, key: string): Promise<void> {
  const typed = await trx.selectFrom('incidents').select('school').distinct()
    .where('tenant_id', '=', scope.tenantId).where('school_id', 'is', null).where('school', 'is not', null).execute();
  const same = typed.map((r) => r.school).filter((s): s is string => s !== null && schoolKey(s) === key);
  if (same.length === 0) return;
  await trx.updateTable('incidents').set({ school_id: schoolId })
    .where('tenant_id', '=', scope.tenantId).where('school_id', 'is', null).where('school', 'in', same).execute();
}

async function isPlaceOfTenant(trx: Kysely<Database>, scope: TenantScope, placeId: string | null): Promise<boolean> {
  if (placeId === null) return true;
  return (await trx.selectFrom('places').select('id').where('id', '=', placeId).where('tenant_id', '=', scope.tenantId).executeTakeFirst()) !== undefined;
}

function schoolAudit(scope: TenantScope, by: SchoolCurator, action: 'school.added' | 'school.edited', id: string, detail: string | null): AuditEntry {
  return { at: by.now, tenantId: scope.tenantId, actorId: by.actorId, action, entityKind: 'school', entityId: id, entityRef: null, detail };
}

function contactRows(db: Kysely<Database>, scope: TenantScope, schoolId: string): Promise<SchoolContactRow[]> {
  return contactsOfSchool.rows(db, { tenantId: scope.tenantId, schoolId });
}

// A report that names a school of the register reads it (and its contacts) at every submit: prepared (prepared-query.ts).
const schoolById = prepareQuery<{ tenantId: string; id: string }>()((db, p) => db.selectFrom('schools').selectAll()
  .where('id', '=', p.id).where('tenant_id', '=', p.tenantId));

const contactsOfSchool = prepareQuery<{ tenantId: string; schoolId: string }>()((db, p) => db.selectFrom('school_contacts').selectAll()
  .where('tenant_id', '=', p.tenantId).where('school_id', '=', p.schoolId).orderBy('position'));

async function findSchool(db: Kysely<Database>, scope: TenantScope, id: string): Promise<School | null> {
  const row = await schoolById.first(db, { tenantId: scope.tenantId, id });
  return row ? toSchool(row, await contactRows(db, scope, id)) : null;
}

async function readBack(db: Kysely<Database>, scope: TenantScope, id: string): Promise<School> {
  const school = await findSchool(db, scope, id);
  if (!school) throw new Error('A written school could not be read back');
  return school;
}

function toSchool(row: SchoolRow, contacts: SchoolContactRow[]): School {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    nameKey: row.name_key,
    stages: row.stages === '' ? [] : row.stages.split(',').map((s) => toCode(SCHOOL_STAGES, s, 'school stage')),
    placeId: row.place_id,
    contacts: contacts.map(toContact),
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function toContact(row: SchoolContactRow): SchoolContact {
  return { userId: row.user_id, name: row.display_name, role: toCode(SSPF_ROLES, row.role, 'SSPF role') };
}
