import type { Database } from './schema';

/**
 * How long each table's rows are kept, and why: THE list, one decision per table of schema.ts (the
 * type makes a new table a compile error until it has one; test/store/retention-plan.test.ts holds the
 * migrated tables of both engines to it). The daily job is applyRetention (src/domain/retention.ts);
 * the rules run in repositories/retention.ts and repositories/record-retention.ts.
 *
 * - `anonymised`: the row stays for the counts and history; its free text and names go.
 * - `removed`: the row goes.
 * - `kept`: no period ends it: why.
 *
 * MONTHS is RETENTION_MONTHS (default 36), YEARS is DOCUMENT_RETENTION_YEARS (default 10, full years
 * after the document's year). Bare user ids (Entra object ids) are kept where the audit trail records
 * the same fact under the same id anyway; names and typed text are what retention removes.
 */
export type RetentionDecision = { anonymised: string } | { removed: string } | { kept: string };

const anonymised = (rule: string): RetentionDecision => ({ anonymised: rule });
const removed = (rule: string): RetentionDecision => ({ removed: rule });
const kept = (why: string): RetentionDecision => ({ kept: why });

export const RETENTION_PLAN: Record<keyof Database, RetentionDecision> = {
  // Reports and hot spot work: the lägesbild, hot spot counts and effects keep counting them.
  incidents: anonymised('MONTHS after it happened: description, school, K-nummer, resolution and people go'),
  activities: anonymised('MONTHS after its date: notes and people go (follow-up done stays, not who)'),
  activity_organisations: kept('organisation codes of an activity, no person or text; kept with the anonymised activity'),
  incident_calendar_counts: kept('counts; the school text is recounted away when its incidents are anonymised'),
  hotspots: anonymised('MONTHS after the last change: the analysis and people go; place, stage and dates stay'),
  hotspot_measures: anonymised('MONTHS after it was made: the text and the person go; organisation, dates and done stay'),
  user_profiles: removed('MONTHS after the user was last seen: name, chat id and school go with the row'),
  // Mobilisation.
  callouts: removed('MONTHS after the call-out, with its recipients and events (the mobilisering activity stays, anonymised)'),
  callout_recipients: removed('with its call-out'),
  callout_events: removed('with its call-out'),
  call_list_entries: kept("a school's current call list, curated by its coordinator; a person taken off goes with the row"),
  // The EST week.
  area_assessments: anonymised('MONTHS after the week: the reason typed in the meeting goes; the level stays in the area history'),
  est_nothing_to_report: removed('MONTHS after the meeting day (the audit trail keeps who marked it)'),
  est_nudges: removed('MONTHS after the meeting day: a claim that the nudge was posted once'),
  priority_areas: removed('YEARS: the meeting record of a tertial, removed with the yearly documents'),
  est_reporters: kept('the current roster of rapportörer, curated by the coordinator; a person taken off goes with the row'),
  est_meetings: kept("a conversation's meeting time, no person beyond who set it (audited)"),
  // Yearly documents: the exported årsrapport and lägesbild enligt lag are the municipality's archive copy.
  lagesbild_analyses: removed("YEARS: the coordinator's analysis of the year (guarded text)"),
  promises: removed('YEARS: a medborgarlöfte of the year, with its commitments; activities lose only the link'),
  promise_commitments: removed('with its promise'),
  strategic_meetings: removed("YEARS: the meeting's decisions (guarded text)"),
  // Registers and settings in use.
  places: kept('the place register in use (names of places, guarded); merged places go'),
  place_aliases: kept('other names of registered places, with their place'),
  schools: kept('the school register in use (names of schools, not people)'),
  school_contacts: kept("a school's current SSPF contacts, curated; a person taken off goes with the row"),
  conversations: kept('where the bot is installed (ids and service URL), needed to post; no person'),
  digest_subscriptions: kept('a conversation\'s digest setting while it subscribes'),
  coordinators: kept('current rights (ids only), changed by command'),
  memberships: kept('confirmed organisations (ids and codes), current rights'),
  reference_counters: kept('the last reference number per kind and year; no person'),
  card_messages: kept("Teams ids of an item's card message, one row per item, replaced when the card is posted again; no text, no person"),
  // Exports and the audit trail.
  digest_exports: removed('MONTHS after the link expired (the audit trail keeps who exported and downloaded what)'),
  audit_log: kept('the accountability trail: codes, counts and pseudonymous ids only (never text); how long an audit trail of access to sensitive data is kept is the controller\'s decision, not yet configurable'),
  // Machinery, no personal data.
  digest_deliveries: kept('one claim per conversation and period, so that a digest posts once; bot-written outcomes only'),
  digest_attempts: kept("a delivery's attempts (HTTP status, outcome); no person or text"),
  job_leases: removed('30 days after the job finished (jobLeases.prune in the same daily run)'),
  post_budget_slots: kept('posting counts per tenant and time slot, pruned by the budget itself; no person'),
  schema_migrations: kept('the migrations applied'),
  store_health: kept("the health probe's own row"),
};
