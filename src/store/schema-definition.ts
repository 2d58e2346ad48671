// The schema, written once: every table of both stores with its columns (logical types, nullability,
// defaults with names), keys, indexes and foreign keys. The migrations of both engines must arrive at
// exactly this (test/store/schema/schema-drift.test.ts compares the SQLite file, the T-SQL migrations
// simulated, and the Kysely types in schema.ts with it). A migration that adds a column adds it here too.
//
// Logical types and what each engine stores:
//   text(n)       NVARCHAR(n)                                   TEXT
//   keyText(n)    NVARCHAR(n) COLLATE Latin1_General_100_BIN2   TEXT (SQLite compares bytes anyway)
//   idText(n)     NVARCHAR(n) COLLATE Latin1_General_100_BIN2   TEXT (an id: ours, Teams' or Entra's)
//   fixedText(n)  NCHAR(n)                                      TEXT
//   int()         INT                                           INTEGER
//   real()        FLOAT                                         REAL
//   bool()        BIT                                           INTEGER (0/1)
//   timestamp()   DATETIME2(3), UTC                             TEXT, ISO-8601
//   day()         DATE                                          TEXT, YYYY-MM-DD
//
// keyText is for keys the app compares exactly (folded names, aliases, hashes, period and submit keys):
// a case- or accent-insensitive database collation (Finnish_Swedish_CI_AS) would make ß/ss, æ/ae or
// v/w the same key there and not in SQLite.
//
// idText is for identifiers (row ids, tenant, conversation, user, Teams activity and instance ids): they
// are compared exactly, never folded. In the database's collation `29:1AbC` and `29:1abc`, two users of
// Teams, would be one user. Migration 0016 gave every id column this collation; a new one is made with it
// (a foreign key's columns must have the collation of those it refers to, so an id must be an idText).

export type LogicalType =
  | { kind: 'text'; length: number | 'max'; binary: boolean; /** An identifier (idText): binary, and named as one. */ id?: true }
  | { kind: 'fixedText'; length: number }
  | { kind: 'int' | 'real' | 'bool' | 'timestamp' | 'day' };

export interface ColumnDefinition {
  type: LogicalType;
  nullable: boolean;
  /** Named, so that a later migration can drop it by name on SQL Server. */
  default?: { name: string; value: string | number };
}

export interface TableDefinition {
  columns: Record<string, ColumnDefinition>;
  /**
   * `clustered: false` for random UUID keys: clustered on a random key, every insert lands mid-index
   * (page splits, fragmentation) on SQL Server. Those tables are heaps with a nonclustered key.
   */
  primaryKey: { name: string; columns: string[]; clustered?: false };
  unique?: Record<string, string[]>;
  foreignKeys?: Record<string, { columns: string[]; table: string; references: string[]; onDelete?: 'cascade' }>;
  /** Names of CHECK constraints (SQL Server; SQLite keeps them in the table's text only). */
  checks?: string[];
  /** `include`: SQL Server's INCLUDE (a covering index); SQLite has no such clause, so there they are trailing key columns. */
  indexes?: Record<string, { columns: string[]; include?: string[]; unique?: true; where?: string }>;
}

/** The binary collation of keyText columns on SQL Server. */
export const KEY_COLLATION = 'Latin1_General_100_BIN2';

/** A column whose nullability the type knows, so that a type-level test can hold schema.ts to it. */
type Column<N extends boolean> = ColumnDefinition & { nullable: N };

const column = (type: LogicalType): Column<false> => ({ type, nullable: false });
const text = (length: number | 'max') => column({ kind: 'text', length, binary: false });
const keyText = (length: number) => column({ kind: 'text', length, binary: true });
const idText = (length: number) => column({ kind: 'text', length, binary: true, id: true });
const fixedText = (length: number) => column({ kind: 'fixedText', length });
const int = () => column({ kind: 'int' });
const real = () => column({ kind: 'real' });
const bool = () => column({ kind: 'bool' });
const timestamp = () => column({ kind: 'timestamp' });
const day = () => column({ kind: 'day' });
const nullable = (c: Column<false>): Column<true> => ({ ...c, nullable: true });
const withDefault = <N extends boolean>(c: Column<N>, name: string, value: string | number): Column<N> => ({ ...c, default: { name, value } });

/** Display names from Microsoft Entra ID are up to 256 characters. */
const PERSON_NAME = 256;

/** The columns both report tables have (ReportColumns in schema.ts), with the defaults named per table. */
const reportColumns = (table: 'incidents' | 'activities') => ({
  id: idText(36),
  ref: text(20),
  organisation: text(40),
  status: text(40),
  assignee_id: nullable(idText(200)),
  assignee_name: nullable(text(PERSON_NAME)),
  reporter_id: idText(200),
  reporter_name: text(PERSON_NAME),
  tenant_id: idText(100),
  conversation_id: idText(400),
  created_at: timestamp(),
  updated_at: timestamp(),
  version: int(),
  anonymised_at: nullable(timestamp()),
  organisation_confirmed: withDefault(bool(), `df_${table}_organisation_confirmed`, 0),
  submit_key: nullable(keyText(64)),
});

export const SCHEMA = {
  places: {
    columns: {
      id: idText(36),
      name: text(200),
      name_key: keyText(200),
      created_at: timestamp(),
      kind: withDefault(text(40), 'df_places_kind', 'annat'),
      lat: nullable(real()),
      lon: nullable(real()),
      parent_id: nullable(idText(36)),
      tenant_id: idText(100),
    },
    primaryKey: { name: 'pk_places', columns: ['id'], clustered: false },
    unique: { uq_places_tenant_name_key: ['tenant_id', 'name_key'] },
    foreignKeys: {
      // An area is a place of the register; SQLite had this from 0003, SQL Server from 0012.
      fk_places_parent: { columns: ['parent_id'], table: 'places', references: ['id'] },
    },
    indexes: {
      ix_places_parent: { columns: ['parent_id'] },
    },
  },
  incidents: {
    columns: {
      occurred_at: timestamp(),
      place_id: idText(36),
      place_name: text(200),
      category: text(40),
      description: text(2000),
      severity: text(40),
      school: nullable(text(200)),
      youth_involved: nullable(int()),
      police_report_number: nullable(text(100)),
      resolution: nullable(text(200)),
      // The school of the register the incident is about, and whether an orosanmälan was made (0017).
      school_id: nullable(idText(36)),
      concern_reported: nullable(bool()),
      ...reportColumns('incidents'),
    },
    primaryKey: { name: 'pk_incidents', columns: ['id'], clustered: false },
    unique: { uq_incidents_tenant_ref: ['tenant_id', 'ref'] },
    foreignKeys: {
      fk_incidents_place: { columns: ['place_id'], table: 'places', references: ['id'] },
      fk_incidents_school: { columns: ['school_id'], table: 'schools', references: ['id'] },
    },
    indexes: {
      ix_incidents_place: { columns: ['place_id'] },
      ix_incidents_tenant_conversation_created: { columns: ['tenant_id', 'conversation_id', 'created_at'] },
      // Covering indexes of the lägesbild's GROUP BY queries and the hot spot history (migration 0011).
      ix_incidents_lagesbild: { columns: ['tenant_id', 'conversation_id', 'occurred_at'], include: ['category', 'organisation', 'youth_involved', 'place_name', 'school'] },
      ix_incidents_tenant_place_history: { columns: ['tenant_id', 'occurred_at', 'id'], include: ['place_id', 'ref', 'category'] },
      // The lägesbild's serious incidents of a period (migration 0015); only those rows (0024).
      ix_incidents_serious: { columns: ['tenant_id', 'conversation_id', 'occurred_at'], where: "severity = 'hog'" },
      ux_incidents_tenant_submit_key: { columns: ['tenant_id', 'submit_key'], unique: true, where: 'submit_key IS NOT NULL' },
      // Only the incidents tied to a register school (0024).
      ix_incidents_tenant_school: { columns: ['tenant_id', 'school_id', 'occurred_at'], where: 'school_id IS NOT NULL' },
    },
  },
  activities: {
    columns: {
      type: text(40),
      activity_date: day(),
      place_id: nullable(idText(36)),
      place_name: nullable(text(200)),
      notes: text(2000),
      people_met: nullable(int()),
      follow_up_date: nullable(day()),
      // When and by whom (a user id) the follow-up was marked done (migration 0014).
      follow_up_done_at: nullable(timestamp()),
      follow_up_done_by: nullable(idText(200)),
      // The school of the register the activity served, and a trygghetsvandring's finding codes (0017).
      school_id: nullable(idText(36)),
      walk_findings: nullable(text(200)),
      // The medborgarlöfte commitment the activity serves (migration 0019).
      commitment_id: nullable(idText(36)),
      ...reportColumns('activities'),
    },
    primaryKey: { name: 'pk_activities', columns: ['id'], clustered: false },
    unique: { uq_activities_tenant_ref: ['tenant_id', 'ref'] },
    foreignKeys: {
      fk_activities_place: { columns: ['place_id'], table: 'places', references: ['id'] },
      fk_activities_school: { columns: ['school_id'], table: 'schools', references: ['id'] },
    },
    indexes: {
      ix_activities_activity_date: { columns: ['activity_date'] },
      ix_activities_place: { columns: ['place_id'] },
      ix_activities_conversation_date: { columns: ['conversation_id', 'activity_date'] },
      ix_activities_conversation_follow_up: { columns: ['conversation_id', 'follow_up_date'] },
      ix_activities_tenant_conversation_created: { columns: ['tenant_id', 'conversation_id', 'created_at'] },
      ix_activities_tenant_reporter_created: { columns: ['tenant_id', 'reporter_id', 'created_at'] },
      // Covers counting by type and, since migration 0022, by register school.
      ix_activities_lagesbild: { columns: ['tenant_id', 'conversation_id', 'activity_date'], include: ['type', 'school_id'] },
      ux_activities_tenant_submit_key: { columns: ['tenant_id', 'submit_key'], unique: true, where: 'submit_key IS NOT NULL' },
      ix_activities_tenant_school: { columns: ['tenant_id', 'school_id', 'activity_date'] },
      ix_activities_commitment: { columns: ['commitment_id'] },
    },
  },
  activity_organisations: {
    columns: {
      activity_id: idText(36),
      organisation: text(40),
      position: int(),
    },
    primaryKey: { name: 'pk_activity_organisations', columns: ['activity_id', 'organisation'] },
    foreignKeys: {
      fk_activity_organisations_activity: { columns: ['activity_id'], table: 'activities', references: ['id'], onDelete: 'cascade' },
    },
  },
  reference_counters: {
    columns: {
      kind: fixedText(1),
      year: int(),
      value: int(),
      tenant_id: idText(100),
    },
    primaryKey: { name: 'pk_reference_counters', columns: ['tenant_id', 'kind', 'year'] },
    checks: ['ck_reference_counters_kind'],
  },
  conversations: {
    columns: {
      conversation_id: idText(400),
      tenant_id: idText(100),
      scope: text(40),
      team_id: nullable(idText(400)),
      channel_id: nullable(idText(400)),
      service_url: text(400),
      reference_json: text('max'),
      installed_at: timestamp(),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_conversations', columns: ['conversation_id'] },
  },
  user_profiles: {
    columns: {
      user_id: idText(200),
      tenant_id: idText(100),
      organisation: text(40),
      school: nullable(text(200)),
      updated_at: timestamp(),
      chat_user_id: nullable(idText(200)),
      display_name: nullable(text(PERSON_NAME)),
      last_seen_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_user_profiles', columns: ['tenant_id', 'user_id'] },
    indexes: {
      ix_user_profiles_chat_user: { columns: ['tenant_id', 'chat_user_id'] },
      ix_user_profiles_last_seen: { columns: ['last_seen_at'] },
    },
  },
  digest_subscriptions: {
    columns: {
      conversation_id: idText(400),
      tenant_id: idText(100),
      cadence: text(10),
      weekday: nullable(int()),
      time_of_day: text(5),
      locale: text(10),
      status: text(10),
      paused_reason: nullable(text(400)),
      created_by: idText(200),
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_digest_subscriptions', columns: ['conversation_id'] },
    checks: ['ck_digest_subscriptions_cadence', 'ck_digest_subscriptions_weekday', 'ck_digest_subscriptions_status'],
    indexes: {
      ix_digest_subscriptions_status: { columns: ['status'] },
    },
  },
  digest_deliveries: {
    columns: {
      id: idText(36),
      conversation_id: idText(400),
      period_key: keyText(40),
      scheduled_for: timestamp(),
      claimed_by: idText(100),
      claimed_at: timestamp(),
      status: text(10),
      finished_at: nullable(timestamp()),
      detail: nullable(text(400)),
      // The attempt being sent, noted before the POST and cleared with its answer (migration 0013).
      sending_at: nullable(timestamp()),
      sending_attempt: nullable(int()),
    },
    primaryKey: { name: 'pk_digest_deliveries', columns: ['id'], clustered: false },
    unique: { uq_digest_deliveries_period: ['conversation_id', 'period_key'] },
    checks: ['ck_digest_deliveries_status'],
  },
  digest_attempts: {
    columns: {
      delivery_id: idText(36),
      attempt: int(),
      at: timestamp(),
      http_status: int(),
      outcome: text(10),
      retry_in_ms: nullable(int()),
    },
    primaryKey: { name: 'pk_digest_attempts', columns: ['delivery_id', 'attempt'] },
    foreignKeys: {
      fk_digest_attempts_delivery: { columns: ['delivery_id'], table: 'digest_deliveries', references: ['id'], onDelete: 'cascade' },
    },
    checks: ['ck_digest_attempts_outcome'],
  },
  digest_exports: {
    columns: {
      id: idText(36),
      token_hash: keyText(64),
      tenant_id: idText(100),
      conversation_id: idText(400),
      user_id: idText(200),
      period_kind: text(10),
      period_from: timestamp(),
      period_to: timestamp(),
      partial: bool(),
      created_at: timestamp(),
      expires_at: timestamp(),
    },
    primaryKey: { name: 'pk_digest_exports', columns: ['id'], clustered: false },
    unique: { uq_digest_exports_token_hash: ['token_hash'] },
    indexes: {
      ix_digest_exports_tenant_conversation_created: { columns: ['tenant_id', 'conversation_id', 'created_at'] },
    },
  },
  place_aliases: {
    columns: {
      alias_key: keyText(200),
      alias: text(200),
      place_id: idText(36),
      tenant_id: idText(100),
    },
    primaryKey: { name: 'pk_place_aliases', columns: ['tenant_id', 'alias_key'] },
    foreignKeys: {
      fk_place_aliases_place: { columns: ['place_id'], table: 'places', references: ['id'], onDelete: 'cascade' },
    },
    indexes: {
      ix_place_aliases_place: { columns: ['place_id'] },
    },
  },
  hotspots: {
    columns: {
      id: idText(36),
      place_id: idText(36),
      state: text(40),
      owner_organisation: text(40),
      owner_id: idText(200),
      owner_name: text(PERSON_NAME),
      created_by_id: idText(200),
      created_by_name: text(PERSON_NAME),
      tenant_id: idText(100),
      conversation_id: idText(400),
      analysis_who: nullable(text(2000)),
      analysis_what: nullable(text(2000)),
      analysis_when: nullable(text(2000)),
      analysis_why: nullable(text(2000)),
      follow_up_date: nullable(day()),
      follow_up_reminded: nullable(day()),
      created_at: timestamp(),
      updated_at: timestamp(),
      version: int(),
      anonymised_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_hotspots', columns: ['id'], clustered: false },
    unique: { uq_hotspots_place: ['place_id'] },
    foreignKeys: {
      fk_hotspots_place: { columns: ['place_id'], table: 'places', references: ['id'] },
    },
    indexes: {
      ix_hotspots_tenant_state: { columns: ['tenant_id', 'state'] },
    },
  },
  hotspot_measures: {
    columns: {
      id: idText(36),
      hotspot_id: idText(36),
      what: text(2000),
      organisation: text(40),
      due_date: nullable(day()),
      done_at: nullable(timestamp()),
      reminded: int(),
      created_by_id: idText(200),
      created_by_name: text(PERSON_NAME),
      created_at: timestamp(),
      anonymised_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_hotspot_measures', columns: ['id'], clustered: false },
    foreignKeys: {
      fk_hotspot_measures_hotspot: { columns: ['hotspot_id'], table: 'hotspots', references: ['id'], onDelete: 'cascade' },
    },
    indexes: {
      ix_hotspot_measures_hotspot: { columns: ['hotspot_id'] },
    },
  },
  audit_log: {
    columns: {
      id: idText(36),
      at: timestamp(),
      tenant_id: idText(100),
      actor_id: idText(200),
      action: text(40),
      entity_kind: text(20),
      entity_id: nullable(idText(200)),
      entity_ref: nullable(text(40)),
      detail: nullable(text(200)),
    },
    // In the order it is read, a tenant's newest first; a new row goes to the end of its tenant's (0024).
    primaryKey: { name: 'pk_audit_log', columns: ['tenant_id', 'at', 'id'] },
  },
  coordinators: {
    columns: {
      user_id: idText(200),
      added_by: idText(200),
      added_at: timestamp(),
      tenant_id: idText(100),
    },
    primaryKey: { name: 'pk_coordinators', columns: ['tenant_id', 'user_id'] },
  },
  memberships: {
    columns: {
      tenant_id: idText(100),
      user_id: idText(200),
      organisation: text(40),
      source: text(20),
      confirmed_by: idText(200),
      confirmed_at: timestamp(),
    },
    primaryKey: { name: 'pk_memberships', columns: ['tenant_id', 'user_id'] },
    checks: ['ck_memberships_source'],
  },
  store_health: {
    columns: {
      id: int(),
      checked_at: timestamp(),
      pad: text(4000),
    },
    primaryKey: { name: 'pk_store_health', columns: ['id'] },
  },
  card_messages: {
    columns: {
      tenant_id: idText(100),
      conversation_id: idText(400),
      item_kind: text(16),
      item_id: idText(64),
      thread_id: idText(450),
      activity_id: idText(200),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_card_messages', columns: ['tenant_id', 'item_kind', 'item_id'] },
    indexes: {
      ix_card_messages_conversation: { columns: ['tenant_id', 'conversation_id'] },
    },
  },
  job_leases: {
    columns: {
      job: text(100),
      period_key: keyText(100),
      holder: idText(100),
      leased_until: timestamp(),
      finished_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_job_leases', columns: ['job', 'period_key'] },
    indexes: {
      ix_job_leases_holder: { columns: ['holder', 'finished_at'] },
    },
  },
  post_budget_slots: {
    columns: {
      tenant_id: idText(100),
      slot_at: timestamp(),
      used: int(),
      // Answers to users counted in the slot (migration 0023): digests leave room for them.
      interactive: withDefault(int(), 'df_post_budget_slots_interactive', 0),
    },
    primaryKey: { name: 'pk_post_budget_slots', columns: ['tenant_id', 'slot_at'] },
  },
  // The school register (issue 11, migration 0017).
  schools: {
    columns: {
      id: idText(36),
      tenant_id: idText(100),
      name: text(200),
      name_key: keyText(200),
      stages: text(100),
      place_id: nullable(idText(36)),
      version: int(),
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_schools', columns: ['id'], clustered: false },
    unique: { uq_schools_tenant_name_key: ['tenant_id', 'name_key'] },
    foreignKeys: {
      fk_schools_place: { columns: ['place_id'], table: 'places', references: ['id'] },
    },
    indexes: {
      ix_schools_place: { columns: ['place_id'] },
    },
  },
  school_contacts: {
    columns: {
      tenant_id: idText(100),
      school_id: idText(36),
      user_id: idText(200),
      display_name: text(PERSON_NAME),
      role: text(40),
      position: int(),
    },
    primaryKey: { name: 'pk_school_contacts', columns: ['school_id', 'user_id'], clustered: false },
    foreignKeys: {
      fk_school_contacts_school: { columns: ['school_id'], table: 'schools', references: ['id'], onDelete: 'cascade' },
    },
    indexes: {
      ix_school_contacts_tenant_user: { columns: ['tenant_id', 'user_id'] },
    },
  },
  // Medborgarlöften (migration 0019).
  promises: {
    columns: {
      id: idText(36),
      tenant_id: idText(100),
      promise_year: int(),
      position: int(),
      title: text(400),
      title_key: keyText(400),
      body: text(4000),
      created_by: idText(200),
      created_at: timestamp(),
    },
    primaryKey: { name: 'pk_promises', columns: ['id'], clustered: false },
    unique: { uq_promises_tenant_year_title: ['tenant_id', 'promise_year', 'title_key'] },
  },
  promise_commitments: {
    columns: {
      id: idText(36),
      promise_id: idText(36),
      tenant_id: idText(100),
      position: int(),
      body: text(2000),
      organisations: text(400),
      period_from: day(),
      period_to: day(),
      status: text(20),
      status_by: nullable(idText(200)),
      status_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_promise_commitments', columns: ['id'], clustered: false },
    foreignKeys: {
      fk_promise_commitments_promise: { columns: ['promise_id'], table: 'promises', references: ['id'], onDelete: 'cascade' },
    },
    indexes: {
      ix_promise_commitments_promise: { columns: ['promise_id'] },
      ix_promise_commitments_tenant: { columns: ['tenant_id'] },
    },
  },
  strategic_meetings: {
    columns: {
      id: idText(36),
      tenant_id: idText(100),
      meeting_year: int(),
      meeting_date: day(),
      organisations: text(400),
      decisions: text(4000),
      recorded_by: idText(200),
      recorded_at: timestamp(),
    },
    primaryKey: { name: 'pk_strategic_meetings', columns: ['id'], clustered: false },
    indexes: {
      ix_strategic_meetings_tenant_year: { columns: ['tenant_id', 'meeting_year'] },
    },
  },
  // The lägesbild's counts per channel, dimension, Stockholm day, month or year, and key (migration 0015, issue 14).
  incident_calendar_counts: {
    columns: {
      tenant_id: idText(100),
      conversation_id: idText(400),
      dimension: text(20),
      unit: text(10),
      first_day: day(),
      group_key: keyText(200),
      incident_count: int(),
      youth_given: int(),
      youth_involved: int(),
    },
    primaryKey: {
      name: 'pk_incident_calendar_counts', columns: ['tenant_id', 'conversation_id', 'dimension', 'unit', 'first_day', 'group_key'], clustered: false,
    },
  },

  // Mobilisation (issue 11, migration 0018): call lists per school, call-outs, their recipients and timelines.
  call_list_entries: {
    columns: {
      tenant_id: idText(100),
      school_id: idText(36),
      user_id: idText(200),
      chat_user_id: nullable(idText(200)),
      display_name: text(PERSON_NAME),
      role: text(40),
      step: int(),
      added_by: idText(200),
      added_at: timestamp(),
    },
    primaryKey: { name: 'pk_call_list_entries', columns: ['tenant_id', 'school_id', 'user_id'] },
    foreignKeys: {
      fk_call_list_entries_school: { columns: ['school_id'], table: 'schools', references: ['id'], onDelete: 'cascade' },
    },
  },
  callouts: {
    columns: {
      id: idText(36),
      tenant_id: idText(100),
      conversation_id: idText(400),
      school_id: idText(36),
      school_name: text(200),
      what: text(1000),
      caller_id: idText(200),
      caller_name: text(PERSON_NAME),
      called_at: timestamp(),
      step: int(),
      escalate_at: nullable(timestamp()),
      state: text(10),
      outcome: nullable(text(1000)),
      closed_at: nullable(timestamp()),
      closed_by: nullable(idText(200)),
      activity_id: nullable(idText(36)),
      external_sent_at: nullable(timestamp()),
      external_sent_by: nullable(idText(200)),
      version: int(),
      submit_key: nullable(keyText(64)),
    },
    primaryKey: { name: 'pk_callouts', columns: ['id'], clustered: false },
    indexes: {
      ix_callouts_due: { columns: ['state', 'escalate_at'] },
      ix_callouts_conversation: { columns: ['tenant_id', 'conversation_id'] },
      ux_callouts_tenant_submit_key: { columns: ['tenant_id', 'submit_key'], unique: true, where: 'submit_key IS NOT NULL' },
    },
  },
  callout_recipients: {
    columns: {
      callout_id: idText(36),
      user_id: idText(200),
      chat_user_id: nullable(idText(200)),
      display_name: text(PERSON_NAME),
      role: text(40),
      step: int(),
      delivery: text(16),
      thread_id: nullable(idText(450)),
      activity_id: nullable(idText(200)),
      answer: nullable(text(16)),
      note: nullable(text(400)),
      answered_at: nullable(timestamp()),
      // The personal copy's tries (migration 0025): failed tries, the next one, and a claim while sending.
      send_tries: withDefault(int(), 'df_callout_recipients_send_tries', 0),
      next_send_at: nullable(timestamp()),
      send_claimed_until: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_callout_recipients', columns: ['callout_id', 'user_id'] },
    foreignKeys: {
      fk_callout_recipients_callout: { columns: ['callout_id'], table: 'callouts', references: ['id'], onDelete: 'cascade' },
    },
  },
  callout_events: {
    columns: {
      id: idText(36),
      callout_id: idText(36),
      at: timestamp(),
      kind: text(20),
      actor_id: nullable(idText(200)),
      detail: nullable(text(40)),
    },
    primaryKey: { name: 'pk_callout_events', columns: ['id'], clustered: false },
    foreignKeys: {
      fk_callout_events_callout: { columns: ['callout_id'], table: 'callouts', references: ['id'], onDelete: 'cascade' },
    },
    indexes: {
      ix_callout_events_callout: { columns: ['callout_id', 'at'] },
    },
  },

  // ---------- The EST week (issue 12, migration 0020) ----------
  // A conversation id is up to 400 characters (800 bytes): keys that lead with it stay under SQL Server's
  // 900 bytes for a clustered key, or are nonclustered (up to 1 700 bytes).
  est_reporters: {
    columns: {
      tenant_id: idText(100),
      user_id: idText(200),
      organisation: text(40),
      display_name: text(PERSON_NAME),
      chat_user_id: nullable(idText(200)),
      added_by: idText(200),
      added_at: timestamp(),
    },
    primaryKey: { name: 'pk_est_reporters', columns: ['tenant_id', 'user_id'] },
    indexes: {
      ix_est_reporters_organisation: { columns: ['tenant_id', 'organisation'] },
    },
  },
  est_meetings: {
    columns: {
      conversation_id: idText(400),
      tenant_id: idText(100),
      weekday: int(),
      time_of_day: text(5),
      nudge_time: text(5),
      updated_by: idText(200),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_est_meetings', columns: ['conversation_id'] },
    checks: ['ck_est_meetings_weekday'],
  },
  est_nothing_to_report: {
    columns: {
      conversation_id: idText(400),
      meeting_day: day(),
      organisation: text(40),
      tenant_id: idText(100),
      marked_by: idText(200),
      marked_at: timestamp(),
    },
    primaryKey: { name: 'pk_est_nothing_to_report', columns: ['conversation_id', 'meeting_day', 'organisation'] },
  },
  est_nudges: {
    columns: {
      conversation_id: idText(400),
      meeting_day: day(),
      user_id: idText(200),
      tenant_id: idText(100),
      claimed_at: timestamp(),
      sent_at: nullable(timestamp()),
    },
    primaryKey: { name: 'pk_est_nudges', columns: ['conversation_id', 'meeting_day', 'user_id'], clustered: false },
  },
  area_assessments: {
    columns: {
      conversation_id: idText(400),
      area_id: idText(36),
      week_start: day(),
      tenant_id: idText(100),
      level: int(),
      reason: text(200),
      set_by: idText(200),
      set_at: timestamp(),
    },
    primaryKey: { name: 'pk_area_assessments', columns: ['conversation_id', 'area_id', 'week_start'] },
    checks: ['ck_area_assessments_level'],
  },
  priority_areas: {
    columns: {
      conversation_id: idText(400),
      tertial: keyText(7),
      area_id: idText(36),
      tenant_id: idText(100),
      position: int(),
      chosen_by: idText(200),
      chosen_at: timestamp(),
    },
    primaryKey: { name: 'pk_priority_areas', columns: ['conversation_id', 'tertial', 'area_id'] },
  },
  // ---------- The lägesbild enligt lag (issue 12, migration 0021) ----------
  lagesbild_analyses: {
    columns: {
      conversation_id: idText(400),
      year: int(),
      tenant_id: idText(100),
      analysis: text(4000),
      updated_by: idText(200),
      updated_at: timestamp(),
    },
    primaryKey: { name: 'pk_lagesbild_analyses', columns: ['conversation_id', 'year'] },
  },
} as const satisfies Record<string, TableDefinition>;

export type TableName = keyof typeof SCHEMA;

/** Tables in an order in which each comes after the tables it refers to (create order; reverse it to empty them). */
export function tablesByReference(): TableName[] {
  const names = Object.keys(SCHEMA) as TableName[];
  const ordered: TableName[] = [];
  const visit = (name: TableName, path: TableName[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const table: TableDefinition = SCHEMA[name];
    for (const fk of Object.values(table.foreignKeys ?? {})) if (fk.table !== name) visit(fk.table as TableName, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}
