import type { TenantScope } from '../scope';

/**
 * What a call-out needs of a school of the register (src/domain/schools/school.ts): its name, its place,
 * and its SSPF contacts (who, with the coordinators, keep its call list).
 */
export interface SchoolRef {
  id: string;
  name: string;
  placeId: string | null;
  contacts: readonly { userId: string; name: string }[];
}

/** The school register as the call-outs read it (SchoolRepository satisfies it). */
export interface SchoolLookup {
  get(scope: TenantScope, id: string): Promise<SchoolRef | null>;
  list(scope: TenantScope, limit: number): Promise<SchoolRef[]>;
}
