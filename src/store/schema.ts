import type { ColumnType, Selectable } from 'kysely';

// The database as Kysely sees it. Both dialects share these types; each migration folder creates them.

/** A UTC instant: written as a Date; read back as ISO-8601 text from SQLite and as a Date from SQL Server. */
export type Timestamp = ColumnType<Date | string, Date, Date>;

/** A calendar day YYYY-MM-DD: TEXT in SQLite, DATE in SQL Server (which reads back as a Date at UTC midnight). */
export type CalendarDay = ColumnType<Date | string, string, string>;

export interface PlacesTable {
  id: string;
  name: string;
  /** placeKey(name): what makes two spellings the same place; unique. */
  name_key: string;
  created_at: Timestamp;
}

/** Columns every report table has, so that shared code can update either table. */
export interface ReportColumns {
  id: string;
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
}

export interface ActivitiesTable extends ReportColumns {
  type: string;
  activity_date: CalendarDay;
  place_id: string | null;
  place_name: string | null;
  notes: string;
  people_met: number | null;
  follow_up_date: CalendarDay | null;
}

export interface ActivityOrganisationsTable {
  activity_id: string;
  organisation: string;
  /** 0-based order in which the organisations were given. */
  position: number;
}

export interface ReferenceCountersTable {
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

export interface UserProfilesTable {
  user_id: string;
  tenant_id: string;
  organisation: string;
  school: string | null;
  updated_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  places: PlacesTable;
  incidents: IncidentsTable;
  activities: ActivitiesTable;
  activity_organisations: ActivityOrganisationsTable;
  reference_counters: ReferenceCountersTable;
  conversations: ConversationsTable;
  user_profiles: UserProfilesTable;
  schema_migrations: SchemaMigrationsTable;
}

export type IncidentRow = Selectable<IncidentsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type PlaceRow = Selectable<PlacesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type UserProfileRow = Selectable<UserProfilesTable>;
