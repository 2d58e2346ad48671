import { validateActivityForm, type ActivityForm, type ActivityFormField, type ValidActivity } from './activity-form';
import type { FieldErrors } from './form-fields';
import { localYear } from './form-fields';
import { validateIncidentForm, type IncidentForm, type IncidentFormField, type PlaceChoice, type ValidIncident } from './incident-form';
import { LIMITS } from './limits';
import type { Clock } from './ports/clock.port';
import type { ReportRepository, Store } from './ports/store.port';
import type {
  Activity, ActivityFields, Incident, IncidentFields, Person, Report, ReportKind, ReportOrigin, ReportSummary,
} from './report';
import { maskFields, type FieldFinding } from './privacy/mask-fields';
import { AccessPolicy } from './access-policy';
import type { Actor } from './actor';
import { canMoveStatus } from './status';
import type { Organisation, ReportStatus } from './vocabulary';

export type { Actor } from './actor';

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
  ) {}

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

  async submitIncident(actor: Actor, origin: ReportOrigin, form: IncidentForm, privacy: PrivacyChoice = {}): Promise<Outcome<Incident, IncidentFormField>> {
    const now = this.clock.now();
    const checked = validateIncidentForm(form, now, this.timeZone);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    if (!(await this.access.mayReportAs(actor, checked.value.organisation))) return otherOrganisation();
    const guarded = guardIncident(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await this.incidentFields(guarded.value);
    if (!fields) return placeGone();
    const report = await this.store.incidents.create({ fields, reporter: person(actor), origin, refYear: localYear(now, this.timeZone), now });
    await this.remember(actor, fields.organisation, fields.school);
    return { ok: true, report };
  }

  async submitActivity(actor: Actor, origin: ReportOrigin, form: ActivityForm, privacy: PrivacyChoice = {}): Promise<Outcome<Activity, ActivityFormField>> {
    const now = this.clock.now();
    const checked = validateActivityForm(form);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    if (!(await this.access.mayReportAs(actor, checked.value.organisation))) return otherOrganisation();
    const guarded = guardActivity(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await this.activityFields(guarded.value);
    if (!fields) return placeGone();
    const report = await this.store.activities.create({ fields, reporter: person(actor), origin, refYear: localYear(now, this.timeZone), now });
    await this.remember(actor, fields.organisation, null);
    return { ok: true, report };
  }

  async editIncident(actor: Actor, id: string, version: number, form: IncidentForm, privacy: PrivacyChoice = {}): Promise<Outcome<Incident, IncidentFormField>> {
    const current = await this.store.incidents.get(id);
    const refusal = await this.editRefusal(actor, current, version);
    if (refusal) return { ok: false, reason: refusal, current };
    const checked = validateIncidentForm(form, this.clock.now(), this.timeZone);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    const guarded = guardIncident(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await this.incidentFields(guarded.value);
    return fields ? this.apply(this.store.incidents, actor, id, version, { fields }) : placeGone();
  }

  async editActivity(actor: Actor, id: string, version: number, form: ActivityForm, privacy: PrivacyChoice = {}): Promise<Outcome<Activity, ActivityFormField>> {
    const current = await this.store.activities.get(id);
    const refusal = await this.editRefusal(actor, current, version);
    if (refusal) return { ok: false, reason: refusal, current };
    const checked = validateActivityForm(form);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    const guarded = guardActivity(checked.value, privacy);
    if (!guarded.ok) return guarded;
    const fields = await this.activityFields(guarded.value);
    return fields ? this.apply(this.store.activities, actor, id, version, { fields }) : placeGone();
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

/** Whether the reporter has seen the personal-data warning and chose to save with masking. */
export interface PrivacyChoice {
  maskingConfirmed?: boolean;
}

type Guarded<T, K extends string> = { ok: true; value: T } | { ok: false; reason: 'personal_data'; findings: FieldFinding<K>[] };

function guarded<T, K extends string>(value: T, masked: Partial<T>, findings: FieldFinding<K>[], privacy: PrivacyChoice): Guarded<T, K> {
  if (findings.length > 0 && !privacy.maskingConfirmed) return { ok: false, reason: 'personal_data', findings };
  return { ok: true, value: { ...value, ...masked } };
}

function maskedPlace(place: PlaceChoice, name: string | null | undefined): PlaceChoice {
  return 'newPlaceName' in place && name ? { newPlaceName: name } : place;
}

/** Whatever is saved is masked; the choice only decides whether the reporter is warned first. */
function guardIncident(v: ValidIncident, privacy: PrivacyChoice): Guarded<ValidIncident, IncidentFormField> {
  const { masked, findings } = maskFields<IncidentFormField>({
    description: v.description, school: v.school, newPlace: 'newPlaceName' in v.place ? v.place.newPlaceName : null,
  });
  return guarded(v, { description: masked.description ?? v.description, school: masked.school ?? null, place: maskedPlace(v.place, masked.newPlace) }, findings, privacy);
}

function guardActivity(v: ValidActivity, privacy: PrivacyChoice): Guarded<ValidActivity, ActivityFormField> {
  const { masked, findings } = maskFields<ActivityFormField>({
    notes: v.notes, newPlace: v.place && 'newPlaceName' in v.place ? v.place.newPlaceName : null,
  });
  return guarded(v, { notes: masked.notes ?? '', place: v.place && maskedPlace(v.place, masked.newPlace) }, findings, privacy);
}

function otherOrganisation(): { ok: false; reason: 'invalid'; errors: { organisation: { code: 'not_your_organisation' } } } {
  return { ok: false, reason: 'invalid', errors: { organisation: { code: 'not_your_organisation' } } };
}

function placeGone(): { ok: false; reason: 'invalid'; errors: { placeId: { code: 'invalid_choice' } } } {
  return { ok: false, reason: 'invalid', errors: { placeId: { code: 'invalid_choice' } } };
}

function person(actor: Actor): Person {
  return { userId: actor.userId, name: actor.name };
}
