import type { SchoolRepository } from '../ports/schools.port';
import type { School } from '../schools/school';

/** A school of the register (src/domain/schools/school.ts): its name, place and SSPF contacts. */
export type SchoolRef = School;

/** The school register as the call-outs read it. */
export type SchoolLookup = Pick<SchoolRepository, 'get' | 'list'>;
