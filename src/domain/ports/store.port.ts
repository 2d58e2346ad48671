import type { MapIncidentRepository } from './map-incidents.port';
import type { AuditRepository, CoordinatorRepository } from './audit.port';
import type { CardMessageRepository } from './card-messages.port';
import type { RetentionRepository } from './retention.port';
import type { ConversationRecord, UserProfile } from '../conversation';
import type { DigestDeliveryRepository } from './digest-deliveries.port';
import type { DigestExportRepository } from './digest-exports.port';
import type { DigestSubscriptionRepository } from './digest-subscriptions.port';
import type { LagesbildAggregateRepository } from './lagesbild.port';
import type { HotspotRepository, PlaceHistoryRepository } from './hotspots.port';
import type { PlaceRegisterRepository } from './place-register.port';
import type { Place } from '../place';
import type { PlaceKind } from '../places/place-register';
import type {
  Activity, ActivityFields, Incident, IncidentFields, Person, ReportOrigin, ReportSummary,
} from '../report';
import type { ChatScope, ReportScope, TenantScope } from '../scope';
import type { ReportStatus } from '../vocabulary';
import type { MembershipRepository } from './memberships.port';
import type { SchoolRepository } from './schools.port';
import type { JobLeaseRepository, PostBudgetRepository } from './jobs.port';
import type { EstRepository } from '../est/est.port';
import type { LawAnalysisRepository } from '../annual/law-analysis';
import type { CalloutRepository, CallListRepository } from './mobilisation.port';
import type { PromiseRepository } from './promises.port';

/** What is needed to create a report; the store assigns id, reference, version and timestamps. */
export interface NewReport<F> {
  fields: F;
  reporter: Person;
  origin: ReportOrigin;
  /** Whether the reporter was a confirmed member of the reporting organisation. */
  organisationConfirmed: boolean;
  /** The year the reference number is counted in (H-<year>-NNNN), in Europe/Stockholm. */
  refYear: number;
  now: Date;
  /**
   * What makes a submit idempotent: a random key the form card carried (or one derived from the Teams
   * message that asked). At most one report of a kind has a given key in a tenant; a create with a key
   * already used fails with SubmitKeyUsedError and writes nothing.
   */
  submitKey?: string | null;
  /**
   * True when `fields.placeId` was just read from the register of `origin`'s tenant (places.findOrCreate
   * or places.get with that tenant): the store then does not look the place up again before the insert.
   * Safe because a place never changes tenant, and one deleted or merged away since is refused by the
   * foreign key (PlaceOutsideTenantError all the same). Any other caller leaves it out and the store checks.
   */
  placeReadInTenant?: true;
}

/** A change to a report, applied only if the stored version still equals `expectedVersion`. */
export interface ReportChange<F> {
  id: string;
  expectedVersion: number;
  /** Who makes the change, for the audit trail written with it. */
  actorId: string;
  fields?: F;
  status?: ReportStatus;
  assignee?: Person | null;
  /** Incidents only: what was done, given when it is closed. */
  resolution?: string | null;
  /** Activities only: the follow-up marked done, at `now` by the actor. */
  followUpDone?: true;
  now: Date;
}

/** `conflict`: someone else changed the report since it was read; `missing`: it no longer exists. */
export type UpdateResult<R> = { ok: true; report: R } | { ok: false; reason: 'conflict' | 'missing' };

/** Reads and writes by id find only reports within `scope`; anything else is `null` / `missing`. */
export interface ReportRepository<R, F> {
  /** Stored in the scope `report.origin` names. Throws SubmitKeyUsedError when `submitKey` was used in the tenant. */
  create(report: NewReport<F>): Promise<R>;
  get(scope: ReportScope, id: string): Promise<R | null>;
  /** The report saved with this submit key, if it is within `scope`. */
  findBySubmitKey(scope: ReportScope, submitKey: string): Promise<R | null>;
  update(scope: ReportScope, change: ReportChange<F>): Promise<UpdateResult<R>>;
}

export type IncidentRepository = ReportRepository<Incident, IncidentFields>;
export type ActivityRepository = ReportRepository<Activity, ActivityFields>;

/** What `senaste` narrows the list to; every part given must hold. */
export interface ReportListFilter {
  /** Only reports not yet åtgärdade. */
  openOnly?: boolean;
  /** Only reports this user reported or is handling. */
  involving?: string;
  /** Only reports at these places, or incidents about a school of these names (exact, as stored). */
  school?: { placeIds: readonly string[]; names: readonly string[] };
}

/** What a report search looks for: either matches. */
export interface ReportSearch {
  /** placeKey() of what the place's name must contain; '' for no place. */
  placeKey: string;
  /** Incident category or activity type codes. */
  topics: readonly string[];
}

export interface ReportListRepository {
  /** Both incidents and activities of the scope, latest occurred first (then latest registered). */
  latest(scope: ReportScope, limit: number, filter?: ReportListFilter): Promise<ReportSummary[]>;
  /** The school names the scope's incidents carry, as stored (for `senaste skola <namn>`). */
  schoolNames(scope: ReportScope, limit: number): Promise<string[]>;
  /** The report of the scope with this number (H-2026-0042), however old; null for none or one elsewhere. */
  byRef(scope: ReportScope, ref: string): Promise<ReportSummary | null>;
  /** Latest occurred first, at most `limit`: reports of the scope at a place whose key contains `placeKey`, or of one of `topics`. */
  search(scope: ReportScope, search: ReportSearch, limit: number): Promise<ReportSummary[]>;
}

/** Places belong to a tenant: each tenant has its own register, and the same name in two is two places. */
export interface PlaceRepository {
  /** Finds the tenant's place whose key matches the name's key, or creates it (of `kind`, by default 'annat'); a found place keeps its kind. */
  findOrCreate(scope: TenantScope, name: string, now: Date, kind?: PlaceKind): Promise<Place>;
  get(scope: TenantScope, id: string): Promise<Place | null>;
  /** Alphabetical, for choice lists. */
  list(scope: TenantScope, limit: number): Promise<Place[]>;
}

export interface ConversationRepository {
  save(record: ConversationRecord): Promise<void>;
  /** The conversation, only when it is of the scope's tenant. */
  get(scope: ChatScope): Promise<ConversationRecord | null>;
  list(): Promise<ConversationRecord[]>;
}

/** A user's profile is per tenant: the same person has one profile in each tenant they use the bot in. */
export interface UserProfileRepository {
  get(scope: TenantScope, userId: string): Promise<UserProfile | null>;
  /** The profile of the user an @mention names. */
  findByChatUserId(scope: TenantScope, chatUserId: string): Promise<UserProfile | null>;
  /** Saved in `profile.tenantId`; a new profile counts as seen at `profile.updatedAt`. */
  save(profile: UserProfile): Promise<void>;
  /**
   * Notes that the user acted at `at`, unless the profile already says so since `since` (so that it is
   * written at most once a day); a user without a profile has nothing to note. Retention removes the
   * profiles of users not seen for its period.
   */
  markSeen(scope: TenantScope, userId: string, at: Date, since: Date): Promise<void>;
  /** The tenant's users whose Teams name is known, alphabetical: whom a card can offer to pick (school contacts). */
  named(scope: TenantScope, limit: number): Promise<UserProfile[]>;
}


/**
 * Whether the store can read and write now. `cause` and `detail` are for the log only, never for an
 * HTTP answer: `cause` is a short code (SQLITE_FULL, MSSQL_9002, timeout, closed…), `detail` the
 * driver's text.
 */
export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'mssql';
  cause?: string;
  detail?: string;
}

/** Every store adapter (SQLite, SQL Server) implements this one contract. */
export interface Store {
  readonly kind: 'sqlite' | 'mssql';
  readonly incidents: IncidentRepository;
  readonly activities: ActivityRepository;
  readonly reports: ReportListRepository;
  readonly places: PlaceRepository;
  readonly conversations: ConversationRepository;
  readonly users: UserProfileRepository;
  readonly memberships: MembershipRepository;
  readonly lagesbild: LagesbildAggregateRepository;
  readonly digestSubscriptions: DigestSubscriptionRepository;
  readonly digestDeliveries: DigestDeliveryRepository;
  readonly digestExports: DigestExportRepository;
  readonly audit: AuditRepository;
  readonly coordinators: CoordinatorRepository;
  readonly retention: RetentionRepository;
  readonly placeRegister: PlaceRegisterRepository;
  readonly hotspots: HotspotRepository;
  readonly placeHistory: PlaceHistoryRepository;
  /** Where each report's and hot spot's shared card was posted (issue 10). */
  readonly cardMessages: CardMessageRepository;
  /** Scheduled jobs: one lease per job and period, whatever the number of instances. */
  readonly jobLeases: JobLeaseRepository;
  /** The per-tenant proactive posting budget, shared by every instance. */
  readonly postBudget: PostBudgetRepository;
  /** The EST week: rapportörer, meetings, nudges, area assessments and priority areas (issue 12). */
  readonly est: EstRepository;
  /** The coordinator's analysis of a year in the lägesbild enligt lag (issue 12). */
  readonly lawAnalyses: LawAnalysisRepository;
  /** Mobilisation (issue 11): each school's call list, and the call-outs. */
  readonly callLists: CallListRepository;
  readonly callouts: CalloutRepository;
  /** The tenant's school register (issue 11). */
  readonly schools: SchoolRepository;
  /** Medborgarlöften: promises, commitments and strategic meetings per tenant (issue 12). */
  readonly promises: PromiseRepository;
  /** The lägesbild tab's incidents (map, table, CSV): no text, no people. */
  readonly mapIncidents: MapIncidentRepository;
  /** Reads, and writes a probe row: unhealthy while a write cannot be made (disk full, read-only file), until one can again. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
