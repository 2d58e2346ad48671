import { validateActivityForm, type ActivityForm, type ActivityFormField, type ValidActivity } from './activity-form';
import type { FieldErrorCode, FieldErrors } from './form-fields';
import { localYear } from './form-fields';
import {
  validateIncidentForm, type IncidentForm, type IncidentFormField, type PlaceChoice, type ValidIncident, type Validation,
} from './incident-form';
import { LIMITS } from './limits';
import type { Clock } from './ports/clock.port';
import type { ReportRepository, Store } from './ports/store.port';
import type {
  Activity, ActivityFields, Incident, IncidentFields, Person, Report, ReportKind, ReportOrigin, ReportSummary,
} from './report';
import type { FieldFinding } from './privacy/mask-fields';
import { guardActivity, guardIncident, type Guarded, type PrivacyChoice } from './privacy/guard-reports';
import { AccessPolicy } from './access-policy';
import type { Actor } from './actor';
import { canMoveStatus } from './status';
import type { Organisation, ReportStatus } from './vocabulary';

export type { Actor } from './actor';
export type { PrivacyChoice } from './privacy/guard-reports';

export type Refusal = 'missing' | 'conflict' | 'forbidden' | 'invalid_transition';

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
 */
export class ReportingService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly access: AccessPolicy = new AccessPolicy([], store),
    readonly timeZone = 'Europe/Stockholm',
  ) {
    this.incidentRules = {
      repo: store.incidents,
      validate: (form, now) => validateIncidentForm(form, now, timeZone),
      guard: guardIncident,
      fields: (valid) => this.incidentFields(valid),
      school: (fields) => fields.school,
    };
    this.activityRules = {
      repo: store.activities,
      validate: (form) => validateActivityForm(form),
      guard: guardActivity,
      fields: (valid) => this.activityFields(valid),
      school: () => null,
    };
  }

  // What differs between the two kinds of report; the flows below are the same for both.
  private readonly incidentRules: KindRules<IncidentForm, ValidIncident, IncidentFields, IncidentFormField, Incident>;
  private readonly activityRules: KindRules<ActivityForm, ValidActivity, ActivityFields, ActivityFormField, Activity>;

  async defaultsFor(userId: string): Promise<ReporterDefaults> {
    const profile = await this.store.users.get(userId);
    return { organisation: profile?.organisation ?? null, school: profile?.school ?? null };
  }

  latest(conversationId: string): Promise<ReportSummary[]> {
    return this.store.reports.latest(conversationId, LIMITS.latestListSize);
  }

  placeChoices() {
    return this.store.places.list(LIMITS.placeChoices);
  }

  get(kind: ReportKind, id: string): Promise<Report | null> {
    return this.repository(kind).get(id) as Promise<Report | null>;
  }

  submitIncident(actor: Actor, origin: ReportOrigin, form: IncidentForm, privacy: PrivacyChoice = {}): Promise<Outcome<Incident, IncidentFormField>> {
    return this.submit(this.incidentRules, actor, origin, form, privacy);
  }

  submitActivity(actor: Actor, origin: ReportOrigin, form: ActivityForm, privacy: PrivacyChoice = {}): Promise<Outcome<Activity, ActivityFormField>> {
    return this.submit(this.activityRules, actor, origin, form, privacy);
  }

  editIncident(actor: Actor, id: string, version: number, form: IncidentForm, privacy: PrivacyChoice = {}): Promise<Outcome<Incident, IncidentFormField>> {
    return this.edit(this.incidentRules, actor, id, version, form, privacy);
  }

  editActivity(actor: Actor, id: string, version: number, form: ActivityForm, privacy: PrivacyChoice = {}): Promise<Outcome<Activity, ActivityFormField>> {
    return this.edit(this.activityRules, actor, id, version, form, privacy);
  }

  async changeStatus(actor: Actor, kind: ReportKind, id: string, version: number, status: ReportStatus): Promise<Outcome<Report>> {
    const repo = this.repository(kind);
    const current = await repo.get(id);
    if (!current) return { ok: false, reason: 'missing', current: null };
    if (!(await this.access.mayChangeStatus(actor, current))) return { ok: false, reason: 'forbidden', current };
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    if (!canMoveStatus(current.status, status)) return { ok: false, reason: 'invalid_transition', current };
    return this.apply(repo, actor, id, version, { status });
  }

  async assignToMe(actor: Actor, kind: ReportKind, id: string, version: number): Promise<Outcome<Report>> {
    const repo = this.repository(kind);
    const current = await repo.get(id);
    if (!current) return { ok: false, reason: 'missing', current: null };
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    // Taking a report also starts work on it.
    const status = current.status === 'ny' ? 'hanteras' : undefined;
    return this.apply(repo, actor, id, version, { assignee: person(actor), ...(status ? { status } : {}) });
  }

  private async submit<Fm, V extends Owned, F extends Owned, K extends string, R extends Report>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, origin: ReportOrigin, form: Fm, privacy: PrivacyChoice,
  ): Promise<Outcome<R, K>> {
    const now = this.clock.now();
    const prepared = await this.prepare(rules, actor, form, privacy, now, 'new');
    if (!prepared.ok) return prepared;
    const { fields } = prepared;
    const report = await rules.repo.create({ fields, reporter: person(actor), origin, refYear: localYear(now, this.timeZone), now });
    await this.remember(actor, fields.organisation, rules.school(fields));
    return { ok: true, report };
  }

  private async edit<Fm, V extends Owned, F extends Owned, K extends string, R extends Report>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, id: string, version: number, form: Fm, privacy: PrivacyChoice,
  ): Promise<Outcome<R, K>> {
    const current = await rules.repo.get(id);
    const refusal = await this.editRefusal(actor, current, version);
    if (refusal) return { ok: false, reason: refusal, current };
    const prepared = await this.prepare(rules, actor, form, privacy, this.clock.now(), 'existing');
    return prepared.ok ? this.apply(rules.repo, actor, id, version, { fields: prepared.fields }) : prepared;
  }

  /** Validation, the reporter's organisation (for new reports), the personal-data guard, and the place. */
  private async prepare<Fm, V extends Owned, F extends Owned, K extends string, R>(
    rules: KindRules<Fm, V, F, K, R>, actor: Actor, form: Fm, privacy: PrivacyChoice, now: Date, report: 'new' | 'existing',
  ): Promise<{ ok: true; fields: F } | Extract<Outcome<R, K>, { reason: 'invalid' | 'personal_data' }>> {
    const checked = rules.validate(form, now);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    if (report === 'new' && !(await this.access.mayReportAs(actor, checked.value.organisation))) return invalid('organisation', 'not_your_organisation');
    const guarded = rules.guard(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await rules.fields(guarded.value);
    return fields ? { ok: true, fields } : invalid('placeId', 'invalid_choice');
  }

  mayEdit(actor: Actor, report: Report): Promise<boolean> {
    return this.access.mayEdit(actor, report);
  }

  private async editRefusal(actor: Actor, current: Report | null, version: number): Promise<Refusal | null> {
    if (!current) return 'missing';
    if (!(await this.mayEdit(actor, current))) return 'forbidden';
    return current.version === version ? null : 'conflict';
  }

  private async apply<R extends Report, F>(
    repo: ReportRepository<R, F>, actor: Actor, id: string, version: number, change: { fields?: F; status?: ReportStatus; assignee?: Person },
  ): Promise<Outcome<R, never>> {
    const result = await repo.update({ id, expectedVersion: version, actorId: actor.userId, now: this.clock.now(), ...change });
    if (result.ok) return { ok: true, report: result.report };
    return { ok: false, reason: result.reason, current: await repo.get(id) };
  }

  private repository(kind: ReportKind): ReportRepository<Report, IncidentFields | ActivityFields> {
    return (kind === 'incident' ? this.store.incidents : this.store.activities) as ReportRepository<Report, IncidentFields | ActivityFields>;
  }

  private async resolvePlace(choice: PlaceChoice): Promise<{ placeId: string; placeName: string } | null> {
    if ('newPlaceName' in choice) {
      const place = await this.store.places.findOrCreate(choice.newPlaceName, this.clock.now());
      return { placeId: place.id, placeName: place.name };
    }
    const place = await this.store.places.get(choice.placeId);
    return place ? { placeId: place.id, placeName: place.name } : null;
  }

  /** Null when the chosen place has left the register since the card was drawn. */
  private async incidentFields(valid: ValidIncident): Promise<IncidentFields | null> {
    const { place, ...rest } = valid;
    const resolved = await this.resolvePlace(place);
    return resolved ? { ...rest, ...resolved } : null;
  }

  private async activityFields(valid: ValidActivity): Promise<ActivityFields | null> {
    const { place, ...rest } = valid;
    const resolved = place ? await this.resolvePlace(place) : null;
    if (place && !resolved) return null;
    return { ...rest, placeId: resolved?.placeId ?? null, placeName: resolved?.placeName ?? null };
  }

  private async remember(actor: Actor, organisation: Organisation, school: string | null): Promise<void> {
    await this.store.users.save({
      userId: actor.userId, tenantId: actor.tenantId, organisation, school, updatedAt: this.clock.now(),
      displayName: actor.name, ...(actor.chatUserId ? { chatUserId: actor.chatUserId } : {}),
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
  fields(valid: V): Promise<F | null>;
  /** What to remember as the reporter's school. */
  school(fields: F): string | null;
}

/** A refusal found after validation, shown at its field. Both report forms have these two fields. */
function invalid<K extends string>(field: 'organisation' | 'placeId', code: FieldErrorCode): { ok: false; reason: 'invalid'; errors: FieldErrors<K> } {
  return { ok: false, reason: 'invalid', errors: { [field]: { code } } as FieldErrors<K> };
}

function person(actor: Actor): Person {
  return { userId: actor.userId, name: actor.name };
}
