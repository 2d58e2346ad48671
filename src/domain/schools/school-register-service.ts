import type { PersonalDataFinding } from '../privacy/personal-data-guard';
import { guardPlaceNames, guardSchoolName } from '../privacy/guard-reports';
import type { Clock } from '../ports/clock.port';
import type { SchoolRepository, SchoolWriteFailure } from '../ports/schools.port';
import type { PlaceRepository, UserProfileRepository } from '../ports/store.port';
import type { TenantScope } from '../scope';
import { SCHOOL_REGISTER_MAX, schoolKey, type School, type SchoolContact, type SchoolStage, type SspfRole } from './school';

// The use cases of the school register: add or edit a school from its card, import many from CSV rows.
// Names pass the personal-data guard; contacts are Teams users the bot knows (their names from Teams).

/**
 * The most people a school's card offers to pick from: four pickers (one per SSPF role) of this many
 * keep the card well under Teams' 80 KB. A contact already chosen is always offered as well.
 */
export const KNOWN_PEOPLE_MAX = 60;

/** A school as the card gives it: contacts are user ids with a role; their names are looked up. */
export interface SchoolDraft {
  name: string;
  stages: SchoolStage[];
  placeId: string | null;
  contacts: { userId: string; role: SspfRole }[];
}

export type SchoolSave =
  | { ok: true; school: School }
  | { ok: false; reason: 'personal_data'; findings: PersonalDataFinding[] }
  | { ok: false; reason: SchoolWriteFailure | 'unknown_person' };

/** A line of an import, already read (cards/forms/school-csv.ts). */
export interface SchoolImportRow {
  /** The line of the text the school was on (1 = the first line), for messages about it. */
  line: number;
  name: string;
  stages: SchoolStage[];
  /** The place's name as typed, or null. */
  place: string | null;
}

export type SchoolImportOutcome =
  | { ok: true; schools: School[] }
  | { ok: false; line: number; reason: 'name_taken' | 'place_missing' }
  | { ok: false; line: number; reason: 'personal_data'; findings: PersonalDataFinding[] };

interface Deps {
  schools: SchoolRepository;
  places: Pick<PlaceRepository, 'findOrCreate'>;
  users: Pick<UserProfileRepository, 'get' | 'named'>;
  clock: Clock;
}

export class SchoolRegisterService {
  constructor(private readonly deps: Deps) {}

  list(scope: TenantScope): Promise<School[]> {
    return this.deps.schools.list(scope, SCHOOL_REGISTER_MAX);
  }

  /** The people a contact can be picked among: the tenant's users the bot knows by name. */
  async knownPeople(scope: TenantScope): Promise<{ userId: string; name: string }[]> {
    return (await this.deps.users.named(scope, KNOWN_PEOPLE_MAX)).map((p) => ({ userId: p.userId, name: p.displayName ?? p.userId }));
  }

  /** Adds (`existing` null) or edits the school; the version the card was made from guards against overwriting. */
  async save(
    actorId: string, scope: TenantScope, draft: SchoolDraft, existing: { school: School; version: number } | null, privacy: { maskingConfirmed?: boolean },
  ): Promise<SchoolSave> {
    const guarded = guardSchoolName({ name: draft.name }, privacy);
    if (!guarded.ok) return { ok: false, reason: 'personal_data', findings: guarded.findings };
    const contacts = await this.named(scope, draft.contacts, existing?.school.contacts ?? []);
    if (!contacts) return { ok: false, reason: 'unknown_person' };
    const by = { actorId, now: this.deps.clock.now() };
    const details = { name: guarded.value.name, stages: draft.stages, placeId: draft.placeId, contacts };
    return existing
      ? this.deps.schools.update(scope, { id: existing.school.id, expectedVersion: existing.version, ...details }, by)
      : this.deps.schools.add(scope, details, by);
  }

  /**
   * All the rows or none: every name is checked first (personal data, already in the register), then
   * the places named are found or added to the place register (as schools' places), then the schools
   * are added in one transaction. A place added for a school that then could not be added stays a place.
   */
  async import(actorId: string, scope: TenantScope, rows: readonly SchoolImportRow[]): Promise<SchoolImportOutcome> {
    const taken = new Set((await this.list(scope)).map((s) => s.nameKey));
    for (const row of rows) {
      const name = guardSchoolName({ name: row.name }, {});
      const place = row.place === null ? null : guardPlaceNames({ name: row.place, alias: null }, {});
      const found = [...(name.ok ? [] : name.findings), ...(place && !place.ok ? place.findings : [])];
      if (found.length > 0) return { ok: false, line: row.line, reason: 'personal_data', findings: found };
      if (taken.has(schoolKey(row.name))) return { ok: false, line: row.line, reason: 'name_taken' };
    }
    const now = this.deps.clock.now();
    const details = [];
    for (const row of rows) {
      const place = row.place === null ? null : await this.deps.places.findOrCreate(scope, row.place, now, 'skola');
      details.push({ name: row.name, stages: row.stages, placeId: place?.id ?? null, contacts: [] });
    }
    const added = await this.deps.schools.addMany(scope, details, { actorId, now });
    return added.ok ? added : { ok: false, line: rows[added.index]?.line ?? 0, reason: added.reason };
  }

  /** The contacts with their Teams names: kept from the school as it was, else from the user's profile; null if one is unknown. */
  private async named(scope: TenantScope, picked: SchoolDraft['contacts'], before: readonly SchoolContact[]): Promise<SchoolContact[] | null> {
    const contacts: SchoolContact[] = [];
    for (const { userId, role } of picked) {
      const name = before.find((c) => c.userId === userId)?.name ?? (await this.deps.users.get(scope, userId))?.displayName;
      if (!name) return null;
      contacts.push({ userId, name, role });
    }
    return contacts;
  }
}
