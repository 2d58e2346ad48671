import type { AuditRepository, CoordinatorRepository } from './audit.port';
import type { RetentionRepository } from './retention.port';
import type { ConversationRecord, UserProfile } from '../conversation';
import type { DigestDeliveryRepository } from './digest-deliveries.port';
import type { DigestExportRepository } from './digest-exports.port';
import type { DigestSubscriptionRepository } from './digest-subscriptions.port';
import type { LagesbildAggregateRepository } from './lagesbild.port';
import type { HotspotRepository, PlaceHistoryRepository } from './hotspots.port';
import type { PlaceRegisterRepository } from './place-register.port';
import type { Place } from '../place';
import type {
  Activity, ActivityFields, Incident, IncidentFields, Person, ReportOrigin, ReportSummary,
} from '../report';
import type { ReportStatus } from '../vocabulary';

/** What is needed to create a report; the store assigns id, reference, version and timestamps. */
export interface NewReport<F> {
  fields: F;
  reporter: Person;
  origin: ReportOrigin;
  /** The year the reference number is counted in (H-<year>-NNNN), in Europe/Stockholm. */
  refYear: number;
  now: Date;
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
  now: Date;
}

/** `conflict`: someone else changed the report since it was read; `missing`: it no longer exists. */
export type UpdateResult<R> = { ok: true; report: R } | { ok: false; reason: 'conflict' | 'missing' };

export interface ReportRepository<R, F> {
  create(report: NewReport<F>): Promise<R>;
  get(id: string): Promise<R | null>;
  update(change: ReportChange<F>): Promise<UpdateResult<R>>;
}

export type IncidentRepository = ReportRepository<Incident, IncidentFields>;
export type ActivityRepository = ReportRepository<Activity, ActivityFields>;

export interface ReportListRepository {
  /** Newest first, both incidents and activities, of one conversation. */
  latest(conversationId: string, limit: number): Promise<ReportSummary[]>;
}

export interface PlaceRepository {
  /** Finds the place whose key matches the name's key, or creates it. */
  findOrCreate(name: string, now: Date): Promise<Place>;
  get(id: string): Promise<Place | null>;
  /** Alphabetical, for choice lists. */
  list(limit: number): Promise<Place[]>;
}

export interface ConversationRepository {
  save(record: ConversationRecord): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  list(): Promise<ConversationRecord[]>;
}

export interface UserProfileRepository {
  get(userId: string): Promise<UserProfile | null>;
  /** The profile of the user an @mention names. */
  findByChatUserId(chatUserId: string): Promise<UserProfile | null>;
  save(profile: UserProfile): Promise<void>;
}

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'mssql';
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
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
