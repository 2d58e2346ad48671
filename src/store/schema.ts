import type { ColumnType, Selectable } from 'kysely';

// The database as Kysely sees it. Both dialects share these types; each migration folder creates them.
// The tables are defined once in schema-definition.ts (widths, keys, indexes too); a type-level test in
// test/store/schema/schema-drift.test.ts holds these types to it: the same tables, columns and nullability.

/** A UTC instant: written as a Date; read back as ISO-8601 text from SQLite and as a Date from SQL Server. */
export type Timestamp = ColumnType<Date | string, Date, Date>;

/** A calendar day YYYY-MM-DD: TEXT in SQLite, DATE in SQL Server (which reads back as a Date at UTC midnight). */
export type CalendarDay = ColumnType<Date | string, string, string>;

export interface PlacesTable {
  id: string;
  /** Added by migration 0005: the tenant whose register the place is in. */
  tenant_id: string;
  name: string;
  /** placeKey(name): what makes two spellings the same place; unique within the tenant. */
  name_key: string;
  created_at: Timestamp;
  /** Added by migration 0003 (place register), with a default for places created before it. */
  kind: ColumnType<string, string | undefined, string>;
  lat: number | null;
  lon: number | null;
  parent_id: string | null;
}

/** Columns every report table has, so that shared code can update either table. */
export interface ReportColumns {
  id: string;
  /** Unique per tenant since migration 0005. */
  ref: string;
  organisation: string;
  status: string;
  assignee_id: string | null;
  assignee_name: string | null;
  reporter_id: string;
  reporter_name: string;
  tenant_id: string;
  conversation_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** Added by migration 0004: when retention removed the text and the people. */
  anonymised_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
  /** Added by migration 0005: 0/1 in SQLite, a BIT read back as boolean in SQL Server. */
  organisation_confirmed: ColumnType<number | boolean, boolean, boolean>;
  /**
   * Added by migration 0006: the key of the card (or Teams message) that created the report, unique per
   * tenant when set; a random or hashed token, never text a user typed.
   */
  submit_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncidentsTable extends ReportColumns {
  occurred_at: Timestamp;
  place_id: string;
  place_name: string;
  category: string;
  description: string;
  severity: string;
  school: string | null;
  youth_involved: number | null;
  police_report_number: string | null;
  /** What was done, asked when the incident is closed (åtgärdad); null until then. */
  resolution: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0017: the school of the register the incident is about (the free-text `school` stays for history). */
  school_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0017: whether an orosanmälan was made; null when not answered. 0/1 in SQLite, BIT in SQL Server. */
  concern_reported: ColumnType<number | boolean | null, boolean | null | undefined, boolean | null>;
}

/**
 * Migration 0015: incidents counted per channel, dimension, Stockholm day, month or year, and key; kept
 * by the store repositories in the transaction of every incident write (repositories/incident-calendar-counts.ts).
 */
export interface IncidentCalendarCountsTable {
  tenant_id: string;
  conversation_id: string;
  /** category, organisation, place or school (CountedDimension). */
  dimension: string;
  /** day, month or year (CalendarUnit). */
  unit: string;
  /** The unit's first day (a month's 1st, a year's 1 January). */
  first_day: CalendarDay;
  /** The category or organisation code, the place id, or the exact school text. */
  group_key: string;
  incident_count: number;
  /** Of those, the incidents that said how many young people were involved. */
  youth_given: number;
  /** The young people those incidents named, summed (0 when none did: youth_given tells). */
  youth_involved: number;
}

export interface ActivitiesTable extends ReportColumns {
  type: string;
  activity_date: CalendarDay;
  place_id: string | null;
  place_name: string | null;
  notes: string;
  people_met: number | null;
  follow_up_date: CalendarDay | null;
  /** Added by migration 0014: when the follow-up was marked done ("Uppföljning gjord"); null while it is not. */
  follow_up_done_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
  /** Added by migration 0014: the user id of who marked it done (never a name); `gallrad` after retention. */
  follow_up_done_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0017: the school of the register the activity served. */
  school_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0017: a trygghetsvandring's finding codes, comma-separated; null for other activities. */
  walk_findings: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0019: the medborgarlöfte commitment the activity serves, if any. */
  commitment_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ActivityOrganisationsTable {
  activity_id: string;
  organisation: string;
  /** 0-based order in which the organisations were given. */
  position: number;
}

/** Key (tenant_id, kind, year) since migration 0005: each tenant counts its own reports. */
export interface ReferenceCountersTable {
  tenant_id: string;
  /** REF_PREFIX of the report kind: 'H' or 'A'. */
  kind: string;
  year: number;
  /** The last sequence number handed out. */
  value: number;
}

export interface ConversationsTable {
  conversation_id: string;
  tenant_id: string;
  scope: string;
  team_id: string | null;
  channel_id: string | null;
  service_url: string;
  reference_json: string;
  installed_at: Timestamp;
  updated_at: Timestamp;
}

/** Key (tenant_id, user_id) since migration 0005: one profile per tenant a person uses the bot in. */
export interface UserProfilesTable {
  user_id: string;
  tenant_id: string;
  organisation: string;
  school: string | null;
  updated_at: Timestamp;
  /** Added by migration 0004: the chat platform's user id (what an @mention carries) and the name. */
  chat_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  display_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by migration 0007: when the user last acted in the tenant (at most once a day); retention removes profiles not seen for its period. */
  last_seen_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
}

export interface PlaceAliasesTable {
  /** Added by migration 0005: the tenant of the place. */
  tenant_id: string;
  /** placeKey(alias): an alias names one place of the tenant only. */
  alias_key: string;
  alias: string;
  place_id: string;
}

export interface HotspotsTable {
  id: string;
  place_id: string;
  state: string;
  owner_organisation: string;
  owner_id: string;
  owner_name: string;
  created_by_id: string;
  created_by_name: string;
  tenant_id: string;
  conversation_id: string;
  analysis_who: string | null;
  analysis_what: string | null;
  analysis_when: string | null;
  analysis_why: string | null;
  follow_up_date: CalendarDay | null;
  follow_up_reminded: CalendarDay | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** Added by migration 0007: when retention last removed the analysis and the people. */
  anonymised_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
}

export interface HotspotMeasuresTable {
  id: string;
  hotspot_id: string;
  what: string;
  organisation: string;
  due_date: CalendarDay | null;
  done_at: ColumnType<Date | string | null, Date | null, Date | null>;
  /** 0 or 1: the due-date reminder was posted. */
  reminded: number;
  created_by_id: string;
  created_by_name: string;
  created_at: Timestamp;
  /** Added by migration 0007: when retention removed the text and the person. */
  anonymised_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  tenant_id: string;
  actor_id: string;
  action: string;
  entity_kind: string;
  entity_id: string | null;
  entity_ref: string | null;
  /** A code (e.g. the new status), never free text. */
  detail: string | null;
}

/** Key (tenant_id, user_id) since migration 0005: a coordinator in one tenant only. */
export interface CoordinatorsTable {
  tenant_id: string;
  user_id: string;
  added_by: string;
  added_at: Timestamp;
}

/** Migration 0005: a confirmed membership of an organisation, per (tenant, user). */
export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  organisation: string;
  /** 'coordinator' or 'domain'. */
  source: string;
  confirmed_by: string;
  confirmed_at: Timestamp;
}

/** Migration 0002 (lägesbild): one scheduled digest per conversation. */
export interface DigestSubscriptionsTable {
  conversation_id: string;
  tenant_id: string;
  cadence: string;
  weekday: number | null;
  /** Local HH:MM, Europe/Stockholm. */
  time_of_day: string;
  locale: string;
  status: string;
  paused_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row per (conversation, period): the claim that makes a digest post exactly once. */
export interface DigestDeliveriesTable {
  id: string;
  conversation_id: string;
  period_key: string;
  scheduled_for: Timestamp;
  claimed_by: string;
  claimed_at: Timestamp;
  status: string;
  finished_at: ColumnType<Date | string | null, Date | null, Date | null>;
  detail: string | null;
  /** Added by migration 0013: when an attempt's POST was started and its answer not yet recorded. */
  sending_at: ColumnType<Date | string | null, Date | null | undefined, Date | null>;
  sending_attempt: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DigestAttemptsTable {
  delivery_id: string;
  attempt: number;
  at: Timestamp;
  http_status: number;
  outcome: string;
  retry_in_ms: number | null;
}

export interface DigestExportsTable {
  id: string;
  token_hash: string;
  tenant_id: string;
  conversation_id: string;
  user_id: string;
  period_kind: string;
  period_from: Timestamp;
  period_to: Timestamp;
  /** 0/1 in SQLite, a BIT read back as boolean in SQL Server. */
  partial: ColumnType<number | boolean, boolean, boolean>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

/** Added by migration 0006: the row the health probe writes, to learn whether a write works. */
/** A scheduled job's claim on one period (0009): held until leased_until, done once finished_at is set. */
export interface JobLeasesTable {
  job: string;
  period_key: string;
  holder: string;
  leased_until: Timestamp;
  finished_at: Timestamp | null;
}

/** Proactive posts counted per tenant and time slot, by every instance (0009). */
export interface PostBudgetSlotsTable {
  tenant_id: string;
  slot_at: Timestamp;
  /** Proactive posts (digests, reminders) that took the slot. */
  used: number;
  /** Answers to users counted in the slot (0023): posted at once, never held for the budget. */
  interactive: ColumnType<number, number | undefined, number>;
}

/** Added by migration 0008: the message that shows an item's card to everyone in its conversation. */
export interface CardMessagesTable {
  tenant_id: string;
  conversation_id: string;
  item_kind: string;
  item_id: string;
  thread_id: string;
  activity_id: string;
  updated_at: Timestamp;
}

/** Added by migration 0018 (issue 11): a person on a school's call list, with role and step. */
export interface CallListEntriesTable {
  tenant_id: string;
  school_id: string;
  user_id: string;
  chat_user_id: string | null;
  display_name: string;
  role: string;
  step: number;
  added_by: string;
  added_at: Timestamp;
}

/** Added by migration 0018: a call-out (mobilisering) at a school. */
export interface CalloutsTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  school_id: string;
  school_name: string;
  what: string;
  caller_id: string;
  caller_name: string;
  called_at: Timestamp;
  step: number;
  escalate_at: Timestamp | null;
  state: string;
  outcome: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  activity_id: string | null;
  external_sent_at: Timestamp | null;
  external_sent_by: string | null;
  version: number;
  /** Added by migration 0026: the card's (or message's) key; a second press of it finds this call-out. */
  submit_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Added by migration 0018: who a call-out called, where their personal copy is, and what they answered. */
export interface CalloutRecipientsTable {
  callout_id: string;
  user_id: string;
  chat_user_id: string | null;
  display_name: string;
  role: string;
  step: number;
  delivery: string;
  thread_id: string | null;
  activity_id: string | null;
  answer: string | null;
  note: string | null;
  answered_at: Timestamp | null;
  /** Migration 0025: the tries of the personal copy that failed for a passing reason. */
  send_tries: ColumnType<number, number | undefined, number>;
  /** Migration 0025: while pending, when the scheduled job may send the copy (a grace after the call, or the next try). */
  next_send_at: Timestamp | null;
  /** Migration 0025: an instance is sending the copy until then. */
  send_claimed_until: Timestamp | null;
}

/** Added by migration 0018: a call-out's timeline. */
export interface CalloutEventsTable {
  id: string;
  callout_id: string;
  at: Timestamp;
  kind: string;
  actor_id: string | null;
  detail: string | null;
}

export interface StoreHealthTable {
  id: number;
  checked_at: Timestamp;
  /** Filler, so that the probe writes a page's worth. */
  pad: string;
}

/** The school register (migration 0017): one row per school of a tenant. */
export interface SchoolsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** schoolKey(name); unique within the tenant. */
  name_key: string;
  /** Stage codes, comma-separated in SCHOOL_STAGES order. */
  stages: string;
  place_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A school's SSPF contacts (migration 0017): Teams users with their role, in the order given. */
export interface SchoolContactsTable {
  tenant_id: string;
  school_id: string;
  user_id: string;
  display_name: string;
  role: string;
  position: number;
}

/** Migration 0019 (medborgarlöften): a promise of a tenant's register for one year. */
export interface PromisesTable {
  id: string;
  tenant_id: string;
  promise_year: number;
  position: number;
  title: string;
  /** foldText(title): one promise of a title per tenant and year. */
  title_key: string;
  body: string;
  created_by: string;
  created_at: Timestamp;
}

/** Migration 0019: a commitment (åtagande) of a promise; `organisations` holds codes, comma-separated. */
export interface PromiseCommitmentsTable {
  id: string;
  promise_id: string;
  tenant_id: string;
  position: number;
  body: string;
  organisations: string;
  period_from: CalendarDay;
  period_to: CalendarDay;
  status: string;
  status_by: string | null;
  status_at: Timestamp | null;
}

/** Migration 0019: the yearly strategic meeting; `organisations` holds codes, comma-separated. */
export interface StrategicMeetingsTable {
  id: string;
  tenant_id: string;
  meeting_year: number;
  meeting_date: CalendarDay;
  organisations: string;
  decisions: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface Database {
  schools: SchoolsTable;
  school_contacts: SchoolContactsTable;
  promises: PromisesTable;
  promise_commitments: PromiseCommitmentsTable;
  strategic_meetings: StrategicMeetingsTable;
  card_messages: CardMessagesTable;
  places: PlacesTable;
  incidents: IncidentsTable;
  activities: ActivitiesTable;
  activity_organisations: ActivityOrganisationsTable;
  reference_counters: ReferenceCountersTable;
  conversations: ConversationsTable;
  user_profiles: UserProfilesTable;
  place_aliases: PlaceAliasesTable;
  hotspots: HotspotsTable;
  hotspot_measures: HotspotMeasuresTable;
  audit_log: AuditLogTable;
  coordinators: CoordinatorsTable;
  memberships: MembershipsTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_deliveries: DigestDeliveriesTable;
  digest_attempts: DigestAttemptsTable;
  digest_exports: DigestExportsTable;
  schema_migrations: SchemaMigrationsTable;
  store_health: StoreHealthTable;
  job_leases: JobLeasesTable;
  post_budget_slots: PostBudgetSlotsTable;
  est_reporters: EstReportersTable;
  est_meetings: EstMeetingsTable;
  est_nothing_to_report: EstNothingToReportTable;
  est_nudges: EstNudgesTable;
  area_assessments: AreaAssessmentsTable;
  priority_areas: PriorityAreasTable;
  call_list_entries: CallListEntriesTable;
  callouts: CalloutsTable;
  callout_recipients: CalloutRecipientsTable;
  callout_events: CalloutEventsTable;
  incident_calendar_counts: IncidentCalendarCountsTable;
  lagesbild_analyses: LagesbildAnalysesTable;
}

// ---------- The lägesbild enligt lag (issue 12, migration 0021) ----------

/** The coordinator's own analysis of a conversation's year (guarded free text). */
export interface LagesbildAnalysesTable {
  conversation_id: string;
  year: number;
  tenant_id: string;
  analysis: string;
  updated_by: string;
  updated_at: Timestamp;
}

// ---------- The EST week (issue 12, migration 0020) ----------

/** A rapportör: a Teams user who reports for an organisation of the tenant in the EST week. */
export interface EstReportersTable {
  tenant_id: string;
  user_id: string;
  organisation: string;
  display_name: string;
  chat_user_id: string | null;
  added_by: string;
  added_at: Timestamp;
}

/** A conversation's weekly EST meeting: weekday 1–7 (ISO, Monday 1), HH:mm, and when the nudge goes out the day before. */
export interface EstMeetingsTable {
  conversation_id: string;
  tenant_id: string;
  weekday: number;
  time_of_day: string;
  nudge_time: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** "Inget att rapportera": an organisation counts as having reported for the meeting of that day. */
export interface EstNothingToReportTable {
  conversation_id: string;
  meeting_day: CalendarDay;
  organisation: string;
  tenant_id: string;
  marked_by: string;
  marked_at: Timestamp;
}

/** One nudge per rapportör and meeting: claimed before it is posted, sent_at once it was. */
export interface EstNudgesTable {
  conversation_id: string;
  meeting_day: CalendarDay;
  user_id: string;
  tenant_id: string;
  claimed_at: Timestamp;
  sent_at: Timestamp | null;
}

/** An area's weekly assessment in a conversation: level 1–3 of the scale, and a one-line (guarded) reason. */
export interface AreaAssessmentsTable {
  conversation_id: string;
  area_id: string;
  week_start: CalendarDay;
  tenant_id: string;
  level: number;
  reason: string;
  set_by: string;
  set_at: Timestamp;
}

/** A priority area of a tertial (2026-T1 is January–April), in the order chosen. */
export interface PriorityAreasTable {
  conversation_id: string;
  tertial: string;
  area_id: string;
  tenant_id: string;
  position: number;
  chosen_by: string;
  chosen_at: Timestamp;
}

export type IncidentRow = Selectable<IncidentsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type PlaceRow = Selectable<PlacesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type UserProfileRow = Selectable<UserProfilesTable>;
export type HotspotRow = Selectable<HotspotsTable>;
export type HotspotMeasureRow = Selectable<HotspotMeasuresTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type SchoolContactRow = Selectable<SchoolContactsTable>;
export type PromiseRow = Selectable<PromisesTable>;
export type PromiseCommitmentRow = Selectable<PromiseCommitmentsTable>;
export type StrategicMeetingRow = Selectable<StrategicMeetingsTable>;
