import { validateActivity, type ActivityDraft, type ActivityDraftField, type ValidActivity } from './activity-draft';
import { isStoreUnavailable, isSubmitKeyUsed } from './errors';
import type { FieldErrorCode, FieldErrors } from './form-fields';
import { checkedText, localYear } from './form-fields';
import { validateIncident, type IncidentDraft, type IncidentDraftField, type PlaceChoice, type ValidIncident, type Validation } from './incident-draft';
import { LIMITS } from './limits';
import { placeKindOf } from './places/new-place';
import { PLACE_REGISTER_MAX } from './places/place-register';
import { SCHOOL_REGISTER_MAX, type School } from './schools/school';
import { EVERY_REPORT, listFilter, SCHOOL_NAMES_MAX, schoolsNamed, type LatestQuery } from './latest-query';
import type { Clock } from './ports/clock.port';
import type { ReportChange, ReportRepository, Store } from './ports/store.port';
import type { ReportScope, TenantScope } from './scope';
import type {
  Activity, ActivityFields, Incident, IncidentFields, Person, Report, ReportKind, ReportOrigin, ReportSummary,
} from './report';
import type { FieldFinding } from './privacy/mask-fields';
import { guardActivity, guardIncident, guardResolution, type Guarded, type PrivacyChoice } from './privacy/guard-reports';
import type { AccessPolicy } from './access-policy';
import type { Actor } from './actor';
import { canMoveStatus } from './status';
import type { Organisation, ReportStatus } from './vocabulary';

export type { Actor } from './actor';
export type { PrivacyChoice } from './privacy/guard-reports';

/** Rights and scope are checked before a use case runs (the registry); these are what remains. */
/**
 * `no_status`: an activity has no incident status; `needs_resolution`: closing goes through close(), which asks what was done;
 * `no_follow_up`: only an activity with a follow-up date has a follow-up to mark done.
 */
export type Refusal = 'missing' | 'conflict' | 'invalid_transition' | 'no_status' | 'needs_resolution' | 'no_follow_up';

export type Outcome<R, K extends string = never> =
  | { ok: true; report: R }
  | { ok: false; reason: 'invalid'; errors: FieldErrors<K> }
  /** Personal data found in free text: the reporter is told before anything is stored masked. */
  | { ok: false; reason: 'personal_data'; findings: FieldFinding<K>[] }
  | { ok: false; reason: Refusal; current: R | null };

export interface ReporterDefaults {
  organisation: Organisation | null;
  school: string | null;
}

/**
 * The reporting use cases: create, edit, move status and take a report. Validation happens here again
 * whatever the card checked, and every change names the version it read so that no update is lost.
 * Changes take the report as loaded within the caller's scope, after the caller's right was checked
 * (conversation/registry); the rules that depend on the new values (which organisation) are checked here.
 */
export class ReportingService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly access: AccessPolicy,
    readonly timeZone = 'Europe/Stockholm',
  ) {
    this.incidentRules = {
      repo: store.incidents,
      validate: (draft, now) => validateIncident(draft, now),
      guard: guardIncident,
      fields: (scope, valid) => this.incidentFields(scope, valid),
      school: (fields) => fields.school,
    };
    this.activityRules = {
      repo: store.activities,
      validate: (draft, now) => validateActivity(draft, now, this.timeZone),
      guard: guardActivity,
      fields: (scope, valid) => this.activityFields(scope, valid),
      school: () => null,
    };
  }

  // What differs between the two kinds of report; the flows below are the same for both.
  private readonly incidentRules: KindRules<IncidentDraft, ValidIncident, IncidentFields, IncidentDraftField, Incident>;
  private readonly activityRules: KindRules<ActivityDraft, ValidActivity, ActivityFields, ActivityDraftField, Activity>;

  /** The confirmed organisation first, else the one the user last reported for in this tenant. */
  async defaultsFor(scope: TenantScope, actor: Pick<Actor, 'userId' | 'email'>): Promise<ReporterDefaults> {
    const [confirmed, profile] = await Promise.all([this.access.organisationOf(scope, actor), this.store.users.get(scope, actor.userId)]);
    return { organisation: confirmed ?? profile?.organisation ?? null, school: profile?.school ?? null };
  }

  /** The scope's latest reports by when they happened, narrowed as `query` asks (in the store query). */
  async latest(scope: ReportScope, query: LatestQuery = EVERY_REPORT): Promise<ReportSummary[]> {
    const school = query.school === null ? undefined : schoolsNamed(
      query.school, await this.store.placeRegister.all(scope, PLACE_REGISTER_MAX), await this.store.reports.schoolNames(scope, SCHOOL_NAMES_MAX),
    );
    const filter = listFilter(query, school);
    return filter ? this.store.reports.latest(scope, LIMITS.latestListSize, filter) : [];
  }

  placeChoices(scope: TenantScope) {
    return this.store.places.list(scope, LIMITS.placeChoices);
  }

  get(scope: ReportScope, kind: ReportKind, id: string): Promise<Report | null> {
    return this.repository(kind).get(scope, id) as Promise<Report | null>;
  }

  /**
   * `submitKey`: the key of the card (or message) that submits. A key that already saved a report (a
   * second press, a replayed invoke, a redelivered message, or presses racing each other) answers with
   * that report and saves nothing new.
   */
  submitIncident(actor: Actor, origin: ReportOrigin, draft: IncidentDraft, privacy: PrivacyChoice = {}, submitKey?: string): Promise<Outcome<Incident, IncidentDraftField>> {
    return this.submit(this.incidentRules, actor, origin, draft, privacy, submitKey);
  }

  submitActivity(actor: Actor, origin: ReportOrigin, draft: ActivityDraft, privacy: PrivacyChoice = {}, submitKey?: string): Promise<Outcome<Activity, ActivityDraftField>> {
    return this.submit(this.activityRules, actor, origin, draft, privacy, submitKey);
  }

  editIncident(actor: Actor, scope: ReportScope, current: Incident, version: number, draft: IncidentDraft, privacy: PrivacyChoice = {}): Promise<Outcome<Incident, IncidentDraftField>> {
    return this.edit(this.incidentRules, actor, scope, current, version, draft, privacy);
  }

  editActivity(actor: Actor, scope: ReportScope, current: Activity, version: number, draft: ActivityDraft, privacy: PrivacyChoice = {}): Promise<Outcome<Activity, ActivityDraftField>> {
    return this.edit(this.activityRules, actor, scope, current, version, draft, privacy);
  }

  /** One step of an incident's status, but not to åtgärdad: closing asks what was done (close). */
  async changeStatus(actor: Actor, scope: ReportScope, current: Report, version: number, status: ReportStatus): Promise<Outcome<Report>> {
    if (current.kind !== 'incident') return { ok: false, reason: 'no_status', current };
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    if (!canMoveStatus(current.status, status)) return { ok: false, reason: 'invalid_transition', current };
    if (status === 'atgardad') return { ok: false, reason: 'needs_resolution', current };
    return this.apply(this.store.incidents, actor, scope, current.id, version, { status });
  }

  /**
   * Closes an incident (status åtgärdad) with what was done: one line, required (the meeting and the
   * exports need it; "inget behövdes" is an answer too), through the personal-data guard.
   */
  async close(actor: Actor, scope: ReportScope, current: Report, version: number, answer: string | null, privacy: PrivacyChoice = {}): Promise<Outcome<Report, 'resolution'>> {
    if (current.kind !== 'incident') return { ok: false, reason: 'no_status', current };
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    if (!canMoveStatus(current.status, 'atgardad')) return { ok: false, reason: 'invalid_transition', current };
    // One line: a pasted line break becomes a space.
    const checked = checkedText(answer?.replace(/\s+/g, ' ') ?? null, LIMITS.resolutionMax, true);
    if (!checked.ok || checked.value === null) return { ok: false, reason: 'invalid', errors: { resolution: checked.ok ? { code: 'required' } : checked.error } };
    const guarded = guardResolution({ resolution: checked.value }, privacy);
    if (!guarded.ok) return guarded;
    return this.apply(this.store.incidents, actor, scope, current.id, version, { status: 'atgardad', resolution: guarded.value.resolution });
  }

  /**
   * "Uppföljning gjord": an activity's follow-up marked done, when and by whom; it then leaves the
   * lägesbild's overdue follow-ups. Done already (a second press of the same card) is not done twice.
   */
  async markFollowUpDone(actor: Actor, scope: ReportScope, current: Report, version: number): Promise<Outcome<Report>> {
    if (current.kind !== 'activity' || current.followUpDate === null) return { ok: false, reason: 'no_follow_up', current };
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    if (current.followUpDone) return { ok: true, report: current };
    return this.apply(this.store.activities, actor, scope, current.id, version, { followUpDone: true });
  }

  async assignToMe(actor: Actor, scope: ReportScope, current: Report, version: number): Promise<Outcome<Report>> {
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    // Taking an incident also starts work on it; an activity has no status to move.
    const status = current.kind === 'incident' && current.status === 'ny' ? 'hanteras' : undefined;
    return this.apply(this.repository(current.kind), actor, scope, current.id, version, { assignee: person(actor), ...(status ? { status } : {}) });
  }

  private async submit<Fm, V extends Owned, F extends Owned, K extends string, R extends Report>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, origin: ReportOrigin, form: Fm, privacy: PrivacyChoice, submitKey?: string,
  ): Promise<Outcome<R, K>> {
    // Looked for within the conversation it was submitted in: a key used elsewhere shows nothing from there.
    const saved = submitKey ? await rules.repo.findBySubmitKey(origin, submitKey) : null;
    if (saved) return { ok: true, report: saved };
    const now = this.clock.now();
    const prepared = await this.prepare(rules, actor, origin, form, privacy, now);
    if (!prepared.ok) return prepared;
    const { fields } = prepared;
    const { allowed, confirmed } = await this.access.reportingOrganisation(origin, actor, fields.organisation);
    if (!allowed) return invalid('organisation', 'not_your_organisation');
    let report: R;
    try {
      // The place was read from origin's register just now (prepare → resolvePlace with origin as the scope).
      report = await rules.repo.create({
        fields, reporter: person(actor), origin, organisationConfirmed: confirmed, refYear: localYear(now, this.timeZone), now,
        placeReadInTenant: true, ...(submitKey ? { submitKey } : {}),
      });
    } catch (error) {
      // A press of the same card won the race: its report is the answer to this press too.
      if (!submitKey || !isSubmitKeyUsed(error)) throw error;
      const winner = await rules.repo.findBySubmitKey(origin, submitKey);
      return winner ? { ok: true, report: winner } : { ok: false, reason: 'conflict', current: null };
    }
    await this.remember(actor, fields.organisation, rules.school(fields));
    return { ok: true, report };
  }

  private async edit<Fm, V extends Owned, F extends Owned, K extends string, R extends Report>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, scope: ReportScope, current: R, version: number, form: Fm, privacy: PrivacyChoice,
  ): Promise<Outcome<R, K>> {
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    const prepared = await this.prepare(rules, actor, scope, form, privacy, this.clock.now());
    if (!prepared.ok) return prepared;
    if (!(await this.access.mayMoveReport(scope, actor, current, prepared.fields.organisation))) return invalid('organisation', 'not_your_organisation');
    return this.apply(rules.repo, actor, scope, current.id, version, { fields: prepared.fields });
  }

  /** Validation, the personal-data guard, and the place (from the tenant's register). */
  private async prepare<Fm, V extends Owned, F extends Owned, K extends string, R>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, scope: TenantScope, form: Fm, privacy: PrivacyChoice, now: Date,
  ): Promise<{ ok: true; fields: F } | Extract<Outcome<R, K>, { reason: 'invalid' | 'personal_data' }>> {
    const checked = rules.validate(form, now);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    const guarded = rules.guard(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await rules.fields(scope, guarded.value);
    return fields ? { ok: true, fields } : invalid('place', 'invalid_choice');
  }

  private async apply<R extends Report, F>(
    repo: ReportRepository<R, F>, actor: Actor, scope: ReportScope, id: string, version: number, change: Pick<ReportChange<F>, 'fields' | 'status' | 'assignee' | 'resolution' | 'followUpDone'>,
  ): Promise<Outcome<R, never>> {
    const result = await repo.update(scope, { id, expectedVersion: version, actorId: actor.userId, now: this.clock.now(), ...change });
    if (result.ok) return { ok: true, report: result.report };
    return { ok: false, reason: result.reason, current: await repo.get(scope, id) };
  }

  private repository(kind: ReportKind): ReportRepository<Report, IncidentFields | ActivityFields> {
    return (kind === 'incident' ? this.store.incidents : this.store.activities) as ReportRepository<Report, IncidentFields | ActivityFields>;
  }

  /** A place of the tenant's register (an id of another tenant's place is no place). */
  private async resolvePlace(scope: TenantScope, choice: PlaceChoice): Promise<{ placeId: string; placeName: string } | null> {
    if ('newPlaceName' in choice) {
      const place = await this.store.places.findOrCreate(scope, choice.newPlaceName, this.clock.now(), placeKindOf(choice.newPlaceName));
      return { placeId: place.id, placeName: place.name };
    }
    const place = await this.store.places.get(scope, choice.placeId);
    return place ? { placeId: place.id, placeName: place.name } : null;
  }

  /** Null when the chosen place has left the register since the card was drawn. */
  private async incidentFields(scope: TenantScope, valid: ValidIncident): Promise<IncidentFields | null> {
    const { place, ...rest } = valid;
    const resolved = await this.resolvePlace(scope, place);
    const school = await this.resolveSchool(scope, valid.schoolId);
    // A school of the register also names the report's school as text: what the lägesbild counts by.
    return resolved ? { ...rest, ...resolved, schoolId: school?.id ?? null, school: school?.name ?? rest.school } : null;
  }

  /** A school of the tenant's register (an id of another tenant's school, or one gone, is no school). */
  private async resolveSchool(scope: TenantScope, schoolId: string | null): Promise<{ id: string; name: string } | null> {
    return schoolId === null ? null : this.store.schools.get(scope, schoolId);
  }

  /** The tenant's schools a report form offers (issue 11). */
  schoolChoices(scope: TenantScope): Promise<School[]> {
    return this.store.schools.list(scope, SCHOOL_REGISTER_MAX);
  }

  private async activityFields(scope: TenantScope, valid: ValidActivity): Promise<ActivityFields | null> {
    const { place, commitmentId, ...rest } = valid;
    const resolved = place ? await this.resolvePlace(scope, place) : null;
    if (place && !resolved) return null;
    // A commitment is kept only when it is one of the tenant's register (an id from elsewhere ties to nothing).
    const [commitment, school] = await Promise.all([
      commitmentId ? this.store.promises.commitment({ tenantId: scope.tenantId }, commitmentId) : null,
      this.resolveSchool(scope, valid.schoolId),
    ]);
    return { ...rest, placeId: resolved?.placeId ?? null, placeName: resolved?.placeName ?? null, schoolId: school?.id ?? null, ...(commitment ? { commitmentId: commitment.id } : {}) };
  }

  /**
   * The reporter's defaults for the next form. Once the report is saved this is a nicety: a store that
   * fails now must not turn a saved report into "could not save, try again" (a retry would be a new card).
   */
  private async remember(actor: Actor, organisation: Organisation, school: string | null): Promise<void> {
    await this.store.users.save({
      userId: actor.userId, tenantId: actor.tenantId, organisation, school, updatedAt: this.clock.now(),
      displayName: actor.name, ...(actor.chatUserId ? { chatUserId: actor.chatUserId } : {}),
    }).catch((error: unknown) => {
      if (!isStoreUnavailable(error)) throw error;
    });
  }
}

type Owned = { organisation: Organisation };

/** One kind of report (incident, activity): its form's rules and where it is stored. */
interface KindRules<Fm, V extends Owned, F extends Owned, K extends string, R> {
  repo: ReportRepository<R, F>;
  validate(form: Fm, now: Date): Validation<V, K>;
  guard(valid: V, privacy: PrivacyChoice): Guarded<V, K>;
  /** Null when the chosen place has left the register since the card was drawn. */
  fields(scope: TenantScope, valid: V): Promise<F | null>;
  /** What to remember as the reporter's school. */
  school(fields: F): string | null;
}

/** A refusal found after validation, shown at its field. Both report forms have these two fields. */
function invalid<K extends string>(field: 'organisation' | 'place', code: FieldErrorCode): { ok: false; reason: 'invalid'; errors: FieldErrors<K> } {
  return { ok: false, reason: 'invalid', errors: { [field]: { code } } as FieldErrors<K> };
}

function person(actor: Actor): Person {
  return { userId: actor.userId, name: actor.name };
}
