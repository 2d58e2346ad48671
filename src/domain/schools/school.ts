import { placeKey } from '../place';

// The school register (issue 11): the schools of a tenant, the first promise's "skolorna i kommunen".
// Every conversation of the tenant sees the same schools; a school's contacts are its SSPF group
// (skola, socialtjänst, polis, fritid) as Teams users, never people outside Teams.

/** The most schools read at once: a municipality has tens, so matching a typed name is done in memory. */
export const SCHOOL_REGISTER_MAX = 1000;

/** Stages a school teaches; a school has one or more. Stored as these codes, labelled in the catalogue. */
export const SCHOOL_STAGES = ['f-6', '7-9', 'gymnasium'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

/** The SSPF roles: what part of the collaboration a contact speaks for. */
export const SSPF_ROLES = ['skola', 'socialtjanst', 'polis', 'fritid'] as const;
export type SspfRole = (typeof SSPF_ROLES)[number];

/** A Teams user of the school's SSPF group: the ids and name Teams gives, the role chosen on the card. */
export interface SchoolContact {
  userId: string;
  name: string;
  role: SspfRole;
}

/** What is written when a school is added or edited: everything but the bot's bookkeeping. */
export interface SchoolDetails {
  name: string;
  /** A set: each stage at most once, in SCHOOL_STAGES order. */
  stages: SchoolStage[];
  /** The school's place in the place register, when it has one. */
  placeId: string | null;
  /** Each user at most once. */
  contacts: SchoolContact[];
}

export interface School extends SchoolDetails {
  id: string;
  tenantId: string;
  /** schoolKey(name): what makes two spellings the same school; unique within the tenant. */
  nameKey: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Folded like place names: "Kung Karls skola", "kung karls  skola" and "Kung-Karls skola" are one school. */
export function schoolKey(name: string): string {
  return placeKey(name);
}

/** Stages as a set in their fixed order, whatever order and repeats they came in. */
export function stageSet(stages: readonly SchoolStage[]): SchoolStage[] {
  return SCHOOL_STAGES.filter((s) => stages.includes(s));
}

/** Each user once: the first role given for a user wins (a card or a CSV line may name one twice). */
export function distinctContacts(contacts: readonly SchoolContact[]): SchoolContact[] {
  const seen = new Set<string>();
  return contacts.filter((c) => !seen.has(c.userId) && seen.add(c.userId));
}

/** Whether the user is one of the school's SSPF contacts (who, with the coordinators, may edit it). */
export function isSchoolContact(school: Pick<School, 'contacts'>, userId: string): boolean {
  return school.contacts.some((c) => c.userId === userId);
}
