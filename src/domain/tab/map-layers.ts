import type { ChatScope, TenantScope } from '../scope';

// The map's layers that other parts of the product fill in (the school register, the EST week); the
// composition root gives them, and the tab draws what exists and nothing else.

/** A school drawn on the map. */
export interface SchoolLocation {
  name: string;
  lat: number;
  lon: number;
}

/** Where the map finds schools (the composition root gives the school register's, `RegisterSchoolLocations`). */
export interface SchoolLocationSource {
  schools(scope: TenantScope): Promise<SchoolLocation[]>;
}

/** An EST area with the status of its latest assessment (a code, labelled by whoever shows it). */
export interface AreaStatus {
  name: string;
  lat: number;
  lon: number;
  /** e.g. 'gron' | 'gul' | 'rod'; the tab colours known codes and shows others neutral. */
  status: string;
}

/** Areas coloured by their latest EST status in the conversation (assessments are per conversation). */
export interface AreaStatusSource {
  latest(scope: ChatScope): Promise<AreaStatus[]>;
}

