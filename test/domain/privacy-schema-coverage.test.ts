import assert from 'node:assert/strict';
import path from 'node:path';
import { FREE_TEXT, type FreeTextField, type FreeTextRecord } from '../../src/domain/privacy/free-text';
import { mssqlTextColumns, sqliteTextColumns } from '../support/schema-text-columns';

// Every text column of the database has a decision: it is stored from a free-text field the domain
// declares (src/domain/privacy/free-text.ts, where the personal-data guard runs), it is computed from or
// copied out of such a column, or nobody types free text into it (an id, a code, a time, a hash…).
// A column added later without a decision fails here, in SQLite (the migrated schema, read back) and in
// SQL Server (the migration scripts, read). Add the column below, with the reason — and if people type
// into it, add the field to FREE_TEXT and guard it first.

type FreeTextRef = { [R in FreeTextRecord]: `${R}.${FreeTextField<R>}` }[FreeTextRecord];

type Decision =
  /** Stored from these declared free-text fields, after the guard. */
  | { guarded: FreeTextRef[] }
  /** Computed from, or a copy of, a guarded column. */
  | { derivedFrom: string; how: string }
  /** Not free text: why. */
  | { notFreeText: string };

const guarded = (...refs: FreeTextRef[]): Decision => ({ guarded: refs });
const derived = (column: string, how: string): Decision => ({ derivedFrom: column, how });
const not = (why: string): Decision => ({ notFreeText: why });

const ID = not('an id (uuid) made by the bot');
const TENANT = not('the Entra tenant id of the activity');
const CONVERSATION = not('the Teams conversation id of the activity');
const USER_ID = not("a user's Entra object id or Teams id");
const TEAMS_NAME = not("a user's display name from Teams (who did what), not typed into a form; removed by retention");
const TIME = not('a time or calendar day written by the bot from a parsed value (ISO-8601)');
const CODE = not('a code from a fixed vocabulary (checked by the card layer and the domain)');
const REF = not('a reference the bot makes, e.g. H-2026-0042');

/** THE list: every text column of every table, with its decision. */
const TEXT_COLUMNS: Record<string, Decision> = {
  // Reports.
  'incidents.id': ID, 'incidents.ref': REF, 'incidents.occurred_at': TIME, 'incidents.place_id': ID,
  'incidents.place_name': derived('places.name', 'copied from the place register when the report is saved'),
  'incidents.category': CODE, 'incidents.description': guarded('incident.description'), 'incidents.severity': CODE,
  'incidents.organisation': CODE, 'incidents.school': guarded('incident.school'), 'incidents.resolution': guarded('resolution.resolution'),
  'incidents.police_report_number': not('a police case number, accepted only as K123456-26 or 5000-K123456-26 (incident-draft.ts)'),
  'incidents.status': CODE, 'incidents.assignee_id': USER_ID, 'incidents.assignee_name': TEAMS_NAME, 'incidents.reporter_id': USER_ID,
  'incidents.reporter_name': TEAMS_NAME, 'incidents.tenant_id': TENANT, 'incidents.conversation_id': CONVERSATION,
  'incidents.created_at': TIME, 'incidents.updated_at': TIME, 'incidents.anonymised_at': TIME,
  'incidents.submit_key': not('a random key a form card carries, or a hash of the Teams message'),
  'activities.id': ID, 'activities.ref': REF, 'activities.type': CODE, 'activities.activity_date': TIME, 'activities.place_id': ID,
  'activities.place_name': derived('places.name', 'copied from the place register when the report is saved'),
  'activities.organisation': CODE, 'activities.notes': guarded('activity.notes'), 'activities.follow_up_date': TIME, 'activities.status': CODE,
  'activities.assignee_id': USER_ID, 'activities.assignee_name': TEAMS_NAME, 'activities.reporter_id': USER_ID,
  'activities.reporter_name': TEAMS_NAME, 'activities.tenant_id': TENANT, 'activities.conversation_id': CONVERSATION,
  'activities.created_at': TIME, 'activities.updated_at': TIME, 'activities.anonymised_at': TIME,
  'activities.follow_up_done_at': TIME, 'activities.follow_up_done_by': USER_ID,
  'activities.submit_key': not('a random key a form card carries, or a hash of the Teams message'),
  'activity_organisations.activity_id': ID, 'activity_organisations.organisation': CODE,
  'reference_counters.tenant_id': TENANT, 'reference_counters.kind': CODE,

  // The place register.
  'places.id': ID, 'places.tenant_id': TENANT,
  'places.name': guarded('place.name', 'incident.place', 'activity.place'),
  'places.name_key': derived('places.name', 'placeKey(name): folded for matching'),
  'places.created_at': TIME, 'places.kind': CODE, 'places.parent_id': ID,
  'place_aliases.tenant_id': TENANT,
  // An alias is typed on the place card, or is the name of a place merged into another.
  'place_aliases.alias': guarded('place.alias', 'place.name'),
  'place_aliases.alias_key': derived('place_aliases.alias', 'placeKey(alias): folded for matching'),
  'place_aliases.place_id': ID,

  // Hot spots.
  'hotspots.id': ID, 'hotspots.place_id': ID, 'hotspots.state': CODE, 'hotspots.owner_organisation': CODE, 'hotspots.owner_id': USER_ID,
  'hotspots.owner_name': TEAMS_NAME, 'hotspots.created_by_id': USER_ID, 'hotspots.created_by_name': TEAMS_NAME, 'hotspots.tenant_id': TENANT,
  'hotspots.conversation_id': CONVERSATION,
  'hotspots.analysis_who': guarded('analysis.who'), 'hotspots.analysis_what': guarded('analysis.what'),
  'hotspots.analysis_when': guarded('analysis.when'), 'hotspots.analysis_why': guarded('analysis.why'),
  'hotspots.follow_up_date': TIME, 'hotspots.follow_up_reminded': TIME, 'hotspots.created_at': TIME, 'hotspots.updated_at': TIME,
  'hotspots.anonymised_at': TIME,
  'hotspot_measures.id': ID, 'hotspot_measures.hotspot_id': ID, 'hotspot_measures.what': guarded('measure.what'),
  'hotspot_measures.organisation': CODE, 'hotspot_measures.due_date': TIME, 'hotspot_measures.done_at': TIME,
  'hotspot_measures.created_by_id': USER_ID, 'hotspot_measures.created_by_name': TEAMS_NAME, 'hotspot_measures.created_at': TIME,
  'hotspot_measures.anonymised_at': TIME,

  // People and rights.
  'user_profiles.tenant_id': TENANT, 'user_profiles.user_id': USER_ID, 'user_profiles.organisation': CODE,
  'user_profiles.school': derived('incidents.school', "the reporter's last school, remembered from a saved (guarded) incident"),
  'user_profiles.updated_at': TIME, 'user_profiles.chat_user_id': USER_ID, 'user_profiles.display_name': TEAMS_NAME,
  'user_profiles.last_seen_at': TIME,
  'coordinators.tenant_id': TENANT, 'coordinators.user_id': USER_ID, 'coordinators.added_by': USER_ID, 'coordinators.added_at': TIME,
  'memberships.tenant_id': TENANT, 'memberships.user_id': USER_ID, 'memberships.organisation': CODE, 'memberships.source': CODE,
  'memberships.confirmed_by': USER_ID, 'memberships.confirmed_at': TIME,
  'audit_log.id': ID, 'audit_log.at': TIME, 'audit_log.tenant_id': TENANT, 'audit_log.actor_id': USER_ID, 'audit_log.action': CODE,
  'audit_log.entity_kind': CODE, 'audit_log.entity_id': ID, 'audit_log.entity_ref': REF,
  'audit_log.detail': not('a code or field names written by the bot (e.g. the new status), never typed text'),

  // Conversations and the lägesbild.
  'conversations.conversation_id': CONVERSATION, 'conversations.tenant_id': TENANT, 'conversations.scope': CODE,
  'conversations.team_id': not('the Teams team id'), 'conversations.channel_id': not('the Teams channel id'),
  'conversations.service_url': not('the Bot Framework service URL of the conversation'),
  'conversations.reference_json': not('the Bot Framework conversation reference (ids and URLs) as JSON'),
  'conversations.installed_at': TIME, 'conversations.updated_at': TIME,
  'digest_subscriptions.conversation_id': CONVERSATION, 'digest_subscriptions.tenant_id': TENANT, 'digest_subscriptions.cadence': CODE,
  'digest_subscriptions.time_of_day': TIME, 'digest_subscriptions.locale': CODE, 'digest_subscriptions.status': CODE,
  'digest_subscriptions.paused_reason': not('a reason written by the bot (e.g. "bot removed from conversation (HTTP 403)")'),
  'digest_subscriptions.created_by': USER_ID, 'digest_subscriptions.created_at': TIME, 'digest_subscriptions.updated_at': TIME,
  'digest_deliveries.id': ID, 'digest_deliveries.conversation_id': CONVERSATION, 'digest_deliveries.period_key': CODE,
  'digest_deliveries.scheduled_for': TIME, 'digest_deliveries.claimed_by': not('the id of the bot instance that claimed the delivery'),
  'digest_deliveries.claimed_at': TIME, 'digest_deliveries.status': CODE, 'digest_deliveries.finished_at': TIME, 'digest_deliveries.sending_at': TIME,
  'digest_deliveries.detail': not('an outcome written by the bot (e.g. "HTTP 503 after 3 attempt(s)")'),
  'digest_attempts.delivery_id': ID, 'digest_attempts.at': TIME, 'digest_attempts.outcome': CODE,
  'digest_exports.id': ID, 'digest_exports.token_hash': not('a hash of the export link token'), 'digest_exports.tenant_id': TENANT,
  'digest_exports.conversation_id': CONVERSATION, 'digest_exports.user_id': USER_ID, 'digest_exports.period_kind': CODE,
  'digest_exports.period_from': TIME, 'digest_exports.period_to': TIME, 'digest_exports.created_at': TIME, 'digest_exports.expires_at': TIME,

  // Shared cards (0008): where a report's or hot spot's card was posted.
  'card_messages.tenant_id': TENANT, 'card_messages.conversation_id': CONVERSATION, 'card_messages.item_kind': CODE, 'card_messages.item_id': ID,
  'card_messages.thread_id': not('the Teams conversation id of the message, with its thread suffix'),
  'card_messages.activity_id': not('the Teams id of the message the bot posted'), 'card_messages.updated_at': TIME,

  // The store itself.
  'schema_migrations.name': not('the file name of a migration'), 'schema_migrations.applied_at': TIME,
  'store_health.checked_at': TIME, 'store_health.pad': not('padding the health probe writes, made by the bot'),
  'job_leases.job': CODE, 'job_leases.period_key': not('a period the bot computes from the clock (a day or a time slot)'),
  'job_leases.holder': not('a random id the instance makes when it starts'), 'job_leases.leased_until': TIME, 'job_leases.finished_at': TIME,
  'post_budget_slots.tenant_id': TENANT, 'post_budget_slots.slot_at': TIME,

  // The EST week (0020).
  'est_reporters.tenant_id': TENANT, 'est_reporters.user_id': USER_ID, 'est_reporters.organisation': CODE,
  'est_reporters.display_name': TEAMS_NAME, 'est_reporters.chat_user_id': USER_ID, 'est_reporters.added_by': USER_ID, 'est_reporters.added_at': TIME,
  'est_meetings.conversation_id': CONVERSATION, 'est_meetings.tenant_id': TENANT, 'est_meetings.time_of_day': TIME, 'est_meetings.nudge_time': TIME,
  'est_meetings.updated_by': USER_ID, 'est_meetings.updated_at': TIME,
  'est_nothing_to_report.conversation_id': CONVERSATION, 'est_nothing_to_report.meeting_day': TIME, 'est_nothing_to_report.organisation': CODE,
  'est_nothing_to_report.tenant_id': TENANT, 'est_nothing_to_report.marked_by': USER_ID, 'est_nothing_to_report.marked_at': TIME,
  'est_nudges.conversation_id': CONVERSATION, 'est_nudges.meeting_day': TIME, 'est_nudges.user_id': USER_ID, 'est_nudges.tenant_id': TENANT,
  'est_nudges.claimed_at': TIME, 'est_nudges.sent_at': TIME,
  'area_assessments.conversation_id': CONVERSATION, 'area_assessments.area_id': ID, 'area_assessments.week_start': TIME,
  'area_assessments.tenant_id': TENANT, 'area_assessments.reason': guarded('assessment.reason'), 'area_assessments.set_by': USER_ID,
  'area_assessments.set_at': TIME,
  'priority_areas.conversation_id': CONVERSATION, 'priority_areas.tertial': not('a tertial the bot computes, e.g. 2026-T3'),
  'priority_areas.area_id': ID, 'priority_areas.tenant_id': TENANT, 'priority_areas.chosen_by': USER_ID, 'priority_areas.chosen_at': TIME,
  // The lägesbild enligt lag (0021).
  'lagesbild_analyses.conversation_id': CONVERSATION, 'lagesbild_analyses.tenant_id': TENANT,
  'lagesbild_analyses.analysis': guarded('lawAnalysis.analysis'), 'lagesbild_analyses.updated_by': USER_ID, 'lagesbild_analyses.updated_at': TIME,
  // The school register (0017), and reports tied to a school.
  'schools.id': ID, 'schools.tenant_id': TENANT, 'schools.name': guarded('school.name'),
  'schools.name_key': derived('schools.name', 'schoolKey(name): folded for matching'),
  'schools.stages': CODE, 'schools.place_id': ID, 'schools.created_at': TIME, 'schools.updated_at': TIME,
  'school_contacts.tenant_id': TENANT, 'school_contacts.school_id': ID, 'school_contacts.user_id': USER_ID,
  'school_contacts.display_name': TEAMS_NAME, 'school_contacts.role': CODE,
  'incidents.school_id': ID, 'activities.school_id': ID,
  'activities.walk_findings': not("codes of a trygghetsvandring's checklist, ticked on the card"),

  // Mobilisation (0018): call lists, call-outs, their recipients and timelines.
  'call_list_entries.tenant_id': TENANT, 'call_list_entries.school_id': ID, 'call_list_entries.user_id': USER_ID,
  'call_list_entries.chat_user_id': USER_ID, 'call_list_entries.display_name': TEAMS_NAME, 'call_list_entries.role': CODE,
  'call_list_entries.added_by': USER_ID, 'call_list_entries.added_at': TIME,
  'callouts.id': ID, 'callouts.tenant_id': TENANT, 'callouts.conversation_id': CONVERSATION, 'callouts.school_id': ID,
  'callouts.school_name': derived('schools.name', 'copied from the school register when the call-out is made'),
  'callouts.what': guarded('mobilisation.what'), 'callouts.outcome': guarded('mobilisationOutcome.outcome'),
  'callouts.caller_id': USER_ID, 'callouts.caller_name': TEAMS_NAME, 'callouts.called_at': TIME, 'callouts.escalate_at': TIME,
  'callouts.state': CODE, 'callouts.closed_at': TIME, 'callouts.closed_by': USER_ID, 'callouts.activity_id': ID,
  'callouts.external_sent_at': TIME, 'callouts.external_sent_by': USER_ID,
  'callouts.submit_key': not('a random key the mobilise card carries, or a hash of the Teams message'),
  'callout_recipients.callout_id': ID, 'callout_recipients.user_id': USER_ID, 'callout_recipients.chat_user_id': USER_ID,
  'callout_recipients.display_name': TEAMS_NAME, 'callout_recipients.role': CODE, 'callout_recipients.delivery': CODE,
  'callout_recipients.thread_id': not('the Teams conversation id of the personal copy'),
  'callout_recipients.activity_id': not('the Teams id of the personal copy the bot posted'),
  'callout_recipients.answer': CODE, 'callout_recipients.note': guarded('mobilisationAnswer.note'), 'callout_recipients.answered_at': TIME,
  'callout_recipients.next_send_at': TIME, 'callout_recipients.send_claimed_until': TIME,
  'callout_events.id': ID, 'callout_events.callout_id': ID, 'callout_events.at': TIME, 'callout_events.kind': CODE,
  'callout_events.actor_id': USER_ID,
  'callout_events.detail': not('a code written by the bot: an answer, a step number or an HTTP status'),
  // Medborgarlöften (0019).
  'promises.id': ID, 'promises.tenant_id': TENANT, 'promises.title': guarded('promise.title'), 'promises.body': guarded('promise.text'),
  'promises.title_key': derived('promises.title', 'foldText(title): one promise of a title per tenant and year'),
  'promises.created_by': USER_ID, 'promises.created_at': TIME,
  'promise_commitments.id': ID, 'promise_commitments.promise_id': ID, 'promise_commitments.tenant_id': TENANT,
  'promise_commitments.body': guarded('commitment.text'),
  'promise_commitments.organisations': not('organisation codes from the fixed vocabulary, comma-separated'),
  'promise_commitments.period_from': TIME, 'promise_commitments.period_to': TIME, 'promise_commitments.status': CODE,
  'promise_commitments.status_by': USER_ID, 'promise_commitments.status_at': TIME,
  'strategic_meetings.id': ID, 'strategic_meetings.tenant_id': TENANT, 'strategic_meetings.meeting_date': TIME,
  'strategic_meetings.organisations': not('organisation codes from the fixed vocabulary, comma-separated'),
  'strategic_meetings.decisions': guarded('meeting.decisions'), 'strategic_meetings.recorded_by': USER_ID, 'strategic_meetings.recorded_at': TIME,
  'activities.commitment_id': ID,
  // The lägesbild's counts per day, month and year (migration 0015): a school's text is copied, and goes when retention empties incidents.school.
  'incident_calendar_counts.tenant_id': TENANT, 'incident_calendar_counts.conversation_id': CONVERSATION, 'incident_calendar_counts.dimension': CODE,
  'incident_calendar_counts.unit': CODE, 'incident_calendar_counts.first_day': TIME,
  'incident_calendar_counts.group_key': derived('incidents.school', 'a category or organisation code, a place id, or the exact school text of counted incidents'),
};

describe('personal data: every text column of the schema is decided', () => {
  let sqlite: string[];
  before(async () => { sqlite = await sqliteTextColumns(); });

  it('When the SQLite schema is migrated, then every text column is declared guarded free text, derived from it, or not free text', () => {
    assert.ok(sqlite.length > 50, `read ${sqlite.length} text columns: is the schema there?`);
    const undecided = sqlite.filter((c) => !(c in TEXT_COLUMNS));
    assert.deepEqual(undecided, [], `text columns without a decision (add them to TEXT_COLUMNS in ${path.basename(__filename)}, and guard them if people type into them): ${undecided.join(', ')}`);
  });

  it('When the SQL Server migrations are read, then every character column has a decision too', () => {
    const mssql = mssqlTextColumns();
    assert.ok(mssql.includes('incidents.description') && mssql.includes('hotspot_measures.what'), 'the migration scripts were read');
    const undecided = mssql.filter((c) => !(c in TEXT_COLUMNS));
    assert.deepEqual(undecided, [], `SQL Server columns without a decision: ${undecided.join(', ')}`);
  });

  it('When a decision names a column, then the column exists (no stale entries)', () => {
    const known = new Set([...sqlite, ...mssqlTextColumns()]);
    assert.deepEqual(Object.keys(TEXT_COLUMNS).filter((c) => !known.has(c)), []);
  });

  it('When a column is derived, then it is derived from a guarded column', () => {
    for (const [column, decision] of Object.entries(TEXT_COLUMNS)) {
      if (!('derivedFrom' in decision)) continue;
      const source = TEXT_COLUMNS[decision.derivedFrom];
      assert.ok(source && 'guarded' in source, `${column} is derived from ${decision.derivedFrom}, which is not guarded`);
    }
  });

  it('When the domain declares a free-text field, then some column stores it (the declaration is not dead)', () => {
    const stored = new Set(Object.values(TEXT_COLUMNS).flatMap((d) => ('guarded' in d ? d.guarded : [])));
    const declared = (Object.keys(FREE_TEXT) as FreeTextRecord[]).flatMap((r) => (FREE_TEXT[r] as readonly string[]).map((f) => `${r}.${f}`));
    assert.deepEqual(declared.filter((f) => !stored.has(f as FreeTextRef)), []);
  });

  it('When a column is missing from the list, then this test says so (the check bites)', () => {
    const withNewColumn = [...sqlite, 'hotspots.mobilisation_notes'];
    assert.deepEqual(withNewColumn.filter((c) => !(c in TEXT_COLUMNS)), ['hotspots.mobilisation_notes']);
  });
});
