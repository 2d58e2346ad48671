import type { ActivityType, Organisation } from '../vocabulary';

// Medborgarlöften (see shared/DOMAIN.md): a yearly public promise of the police and the municipality,
// each with commitments (åtaganden) that named organisations carry out within a period. Promises belong
// to a tenant's register for one year; activities may serve a commitment.

/** ej påbörjad → pågår → genomförd, set by the responsible organisations (or a coordinator). */
export const COMMITMENT_STATUSES = ['ej_paborjad', 'pagar', 'genomford'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Lengths of what is typed or imported: within the columns of migration 0019. */
export const PROMISE_LIMITS = {
  titleMax: 400,
  textMax: 4000,
  commitmentMax: 2000,
  decisionsMax: 4000,
  /** Promises and commitments a tenant may have in one year (keeps the `löften` card within Teams' 80 KB). */
  promisesPerYear: 10,
  commitmentsPerYear: 30,
  /** The `löften` card shows a commitment's text up to this length (the yearly documents show all of it). */
  commitmentShown: 300,
  titleShown: 200,
} as const;

export interface Commitment {
  id: string;
  promiseId: string;
  position: number;
  text: string;
  /** The responsible organisations, in the order given; never empty. */
  organisations: Organisation[];
  /** Calendar days YYYY-MM-DD, inclusive. */
  periodFrom: string;
  periodTo: string;
  status: CommitmentStatus;
  /** Who last set the status (a user id) and when; null while never set. */
  statusSet: { byUserId: string; at: Date } | null;
}

export interface CitizenPromise {
  id: string;
  year: number;
  position: number;
  title: string;
  text: string;
  commitments: Commitment[];
}

/** A commitment to add: what it says, who is responsible and when (the register gives it the rest). */
export type NewCommitment = Pick<Commitment, 'text' | 'organisations' | 'periodFrom' | 'periodTo'>;

/** A promise to add to a tenant's register, its texts already through the personal-data guard. */
export interface NewPromise {
  year: number;
  title: string;
  text: string;
  commitments: NewCommitment[];
}

/** An activity serving a commitment: what the follow-up needs of it (no notes, no people). */
export interface TiedActivity {
  id: string;
  ref: string;
  commitmentId: string;
  /** Calendar day YYYY-MM-DD. */
  date: string;
  type: ActivityType;
  organisation: Organisation;
}

/** The yearly meeting of the organisations' leaders (strategiskt möte). */
export interface StrategicMeeting {
  id: string;
  year: number;
  /** Calendar day YYYY-MM-DD. */
  date: string;
  organisations: Organisation[];
  /** Guarded text (personal data masked). */
  decisions: string;
  recordedBy: string;
  recordedAt: Date;
}

export type NewStrategicMeeting = Omit<StrategicMeeting, 'id'>;

/** Whether a commitment's period covers a day. */
export const covers = (c: Pick<Commitment, 'periodFrom' | 'periodTo'>, day: string): boolean => c.periodFrom <= day && day <= c.periodTo;
