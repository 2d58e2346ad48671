import type { Actor } from '../actor';
import { localDay } from '../date-limits';
import { localYear } from '../form-fields';
import { STOCKHOLM } from '../periods';
import type { AuditRepository } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { PromiseRepository } from '../ports/promises.port';
import type { PrivacyChoice } from '../privacy/free-text';
import type { PersonalDataFinding } from '../privacy/personal-data-guard';
import type { TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';
import { guardTexts } from './guard-promises';
import { rollUp, type PromiseFollowUpSource, type YearFollowUp } from './progress';
import { covers, PROMISE_LIMITS, type CitizenPromise, type Commitment, type CommitmentStatus, type NewCommitment, type NewPromise, type StrategicMeeting } from './promise';
import { readImport, type ImportError, type ImportRow } from './promise-import';

/** A promise typed on the card: its title and text, and its first commitment. Already parsed by the card layer. */
export interface PromiseDraft extends Omit<NewPromise, 'commitments'> {
  commitment: NewCommitment;
}

export type PromiseDraftField = 'title' | 'text' | 'commitment' | 'organisations' | 'periodFrom' | 'periodTo';

/** The strategic meeting typed on its card. */
export interface MeetingDraft {
  date: string;
  organisations: Organisation[];
  decisions: string;
}

export type MeetingDraftField = 'date' | 'organisations' | 'decisions';

export type Saved<T, K extends string> =
  | { ok: true; value: T }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<K, 'required' | 'too_long' | 'before_date' | 'duplicate' | 'outside_year' | 'too_many'>> }
  | { ok: false; reason: 'personal_data'; findings: PersonalDataFinding[] };

export type ImportOutcome = { ok: true; promises: CitizenPromise[] } | { ok: false; errors: ImportError[] };

/** A commitment offered on the activity card: its text and its promise's title. */
export interface CommitmentChoice {
  commitment: Commitment;
  promiseTitle: string;
}

/**
 * At most this many commitments (and an edited activity's own) are offered on the activity card: the
 * card is a dialog (28 KB in Teams) that also lists places and schools, and a choice list stays short.
 */
export const COMMITMENT_CHOICES_MAX = 12;

/**
 * The promise register's use cases: entering promises (card or import), the follow-up (progress per
 * commitment), a commitment's status, the strategic meeting, and the commitment an activity serves.
 * Rights are checked before these run (the registry and the AccessPolicy).
 */
export class PromiseRegister implements PromiseFollowUpSource {
  constructor(
    private readonly promises: PromiseRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    readonly zone = STOCKHOLM,
  ) {}

  /** The current year in the register's zone. */
  thisYear(): number {
    return localYear(this.clock.now(), this.zone);
  }

  today(): string {
    return localDay(this.clock.now(), this.zone);
  }

  /** Imports the lines of a file: all of them (one transaction), or none and every error with its line. */
  async importRows(scope: TenantScope, actor: Actor, rows: readonly ImportRow[]): Promise<ImportOutcome> {
    const read = readImport(rows);
    if (!read.ok) return read;
    if (await this.overLimit(scope, read.promises)) return { ok: false, errors: [{ line: 0, code: 'too_many' }] };
    const added = await this.promises.add(scope, read.promises, actor.userId, this.clock.now());
    if (!added.ok) return { ok: false, errors: [{ line: read.lines[added.duplicate] ?? 0, code: 'duplicate_title' }] };
    await this.recordAdded(scope, actor, read.promises);
    return { ok: true, promises: added.promises };
  }

  /** A promise with its first commitment, from the card. */
  async addPromise(scope: TenantScope, actor: Actor, d: PromiseDraft, privacy: PrivacyChoice): Promise<Saved<CitizenPromise, PromiseDraftField>> {
    const errors: Partial<Record<PromiseDraftField, 'required' | 'too_long' | 'before_date' | 'duplicate' | 'outside_year' | 'too_many'>> = {};
    if (d.title.trim() === '') errors.title = 'required';
    else if (d.title.length > PROMISE_LIMITS.titleMax) errors.title = 'too_long';
    if (d.text.length > PROMISE_LIMITS.textMax) errors.text = 'too_long';
    if (d.commitment.text.trim() === '') errors.commitment = 'required';
    else if (d.commitment.text.length > PROMISE_LIMITS.commitmentMax) errors.commitment = 'too_long';
    if (d.commitment.organisations.length === 0) errors.organisations = 'required';
    if (d.commitment.periodTo < d.commitment.periodFrom) errors.periodTo = 'before_date';
    else if (!d.commitment.periodFrom.startsWith(String(d.year)) && !d.commitment.periodTo.startsWith(String(d.year))) errors.periodFrom = 'outside_year';
    if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
    const texts = guardTexts('promise', { title: d.title.trim(), text: d.text.trim() }, privacy);
    const commitmentText = guardTexts('commitment', { text: d.commitment.text.trim() }, privacy);
    const findings = [...(texts.ok ? [] : texts.findings), ...(commitmentText.ok ? [] : commitmentText.findings)];
    if (!texts.ok || !commitmentText.ok) return { ok: false, reason: 'personal_data', findings };
    const promise: NewPromise = { year: d.year, ...texts.value, commitments: [{ ...d.commitment, text: commitmentText.value.text }] };
    if (await this.overLimit(scope, [promise])) return { ok: false, reason: 'invalid', errors: { title: 'too_many' } };
    const added = await this.promises.add(scope, [promise], actor.userId, this.clock.now());
    if (!added.ok) return { ok: false, reason: 'invalid', errors: { title: 'duplicate' } };
    await this.recordAdded(scope, actor, [promise]);
    return { ok: true, value: added.promises[0]! };
  }

  /** The year's promises, each commitment with its progress, and the strategic meetings: what `löften` and the yearly documents show. */
  async followUp(scope: TenantScope, year: number): Promise<YearFollowUp> {
    const [promises, activities, meetings] = await Promise.all([
      this.promises.year(scope, year), this.promises.tiedActivities(scope, year), this.promises.meetings(scope, year),
    ]);
    // A planned activity (dated ahead) is progress once its day has come, not before.
    const today = this.today();
    return { year, promises: rollUp(promises, activities.filter((a) => a.date <= today)), activities, meetings };
  }

  commitment(scope: TenantScope, id: string): Promise<Commitment | null> {
    return this.promises.commitment(scope, id);
  }

  async setStatus(scope: TenantScope, actor: Actor, commitment: Commitment, status: CommitmentStatus): Promise<Commitment | null> {
    const now = this.clock.now();
    const set = await this.promises.setStatus(scope, commitment.id, status, actor.userId, now);
    if (set) {
      await this.audit.record({ at: now, tenantId: scope.tenantId, actorId: actor.userId, action: 'commitment.status', entityKind: 'commitment', entityId: set.id, entityRef: null, detail: status });
    }
    return set;
  }

  /** Records the strategic meeting; its year is the year of its date. */
  async recordMeeting(scope: TenantScope, actor: Actor, d: MeetingDraft, privacy: PrivacyChoice): Promise<Saved<StrategicMeeting, MeetingDraftField>> {
    const errors: Partial<Record<MeetingDraftField, 'required' | 'too_long'>> = {};
    if (d.organisations.length === 0) errors.organisations = 'required';
    if (d.decisions.trim() === '') errors.decisions = 'required';
    else if (d.decisions.length > PROMISE_LIMITS.decisionsMax) errors.decisions = 'too_long';
    if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
    const guarded = guardTexts('meeting', { decisions: d.decisions.trim() }, privacy);
    if (!guarded.ok) return { ok: false, reason: 'personal_data', findings: guarded.findings };
    const now = this.clock.now();
    const year = Number(d.date.slice(0, 4));
    const meeting = await this.promises.recordMeeting(scope, {
      year, date: d.date, organisations: d.organisations, decisions: guarded.value.decisions, recordedBy: actor.userId, recordedAt: now,
    });
    await this.audit.record({ at: now, tenantId: scope.tenantId, actorId: actor.userId, action: 'meeting.recorded', entityKind: 'meeting', entityId: meeting.id, entityRef: null, detail: String(year) });
    return { ok: true, value: meeting };
  }

  /**
   * The commitments an activity logged today can serve: this year's whose period covers today; and
   * `keep`, the one an edited activity already serves, even from another year (an edit must not untie it).
   */
  async commitmentChoices(scope: TenantScope, keep?: string): Promise<CommitmentChoice[]> {
    const today = this.today();
    const promises = await this.promises.year(scope, this.thisYear());
    const choices = promises.flatMap((p) => p.commitments.filter((c) => covers(c, today)).map((commitment) => ({ commitment, promiseTitle: p.title }))).slice(0, COMMITMENT_CHOICES_MAX);
    if (!keep || choices.some((c) => c.commitment.id === keep)) return choices;
    const kept = await this.promises.commitment(scope, keep);
    return kept ? [{ commitment: kept, promiseTitle: '' }, ...choices] : choices;
  }

  /** Whether adding these would take a year past PROMISE_LIMITS (the `löften` card must fit in a Teams message). */
  private async overLimit(scope: TenantScope, added: readonly NewPromise[]): Promise<boolean> {
    for (const year of new Set(added.map((p) => p.year))) {
      const stored = await this.promises.year(scope, year);
      const all = [...stored, ...added.filter((p) => p.year === year)];
      if (all.length > PROMISE_LIMITS.promisesPerYear || all.reduce((n, p) => n + p.commitments.length, 0) > PROMISE_LIMITS.commitmentsPerYear) return true;
    }
    return false;
  }

  private async recordAdded(scope: TenantScope, actor: Actor, promises: readonly NewPromise[]): Promise<void> {
    const years = [...new Set(promises.map((p) => p.year))].join(',');
    await this.audit.record({ at: this.clock.now(), tenantId: scope.tenantId, actorId: actor.userId, action: 'promise.added', entityKind: 'promise', entityId: null, entityRef: null, detail: years });
  }
}

/**
 * The commitment an activity form starts with, when it is obvious: the only one offered (its period
 * covers today) whose responsible organisations include the reporter's. With none or several, the
 * reporter chooses; nothing is guessed.
 */
export function obviousCommitment(choices: readonly CommitmentChoice[], organisation: Organisation | null): string | null {
  if (!organisation) return null;
  const own = choices.filter((c) => c.commitment.organisations.includes(organisation));
  return own.length === 1 ? own[0]!.commitment.id : null;
}
