import { localDay } from '../date-limits';
import { isSubmitKeyUsed } from '../errors';
import { localYear } from '../form-fields';
import type { Actor } from '../actor';
import { placeKey } from '../place';
import type { AfterAnswer } from '../ports/after-answer.port';
import type { ChangeListener } from '../ports/card-messages.port';
import type { Clock } from '../ports/clock.port';
import type { CalloutMessenger, CalloutRepository, CallListRepository } from '../ports/mobilisation.port';
import type { ActivityRepository } from '../ports/store.port';
import type { FieldFinding } from '../privacy/mask-fields';
import { guardFreeText, type PrivacyChoice } from '../privacy/free-text';
import type { ChatScope, TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';
import { callingOrder, nextStepWithPeople, type Callee } from './call-list';
import { recipientOf, type Answer, type Callout } from './callout';
import { DELIVERY_GRACE_MS, nextTry, refusedForGood, SEND_CLAIM_MS, sendDue } from './delivery';
import { escalationTime, isEscalationDue } from './escalation';
import { CALL_LIST_MAX } from './call-list';
import type { SchoolLookup, SchoolRef } from './school-ref';

/** The longest texts of a call-out: what happened, a note with an answer, the outcome. */
export const MOBILISATION_LIMITS = { whatMax: 500, noteMax: 200, outcomeMax: 500 } as const;

export type CallFailure =
  | { ok: false; reason: 'no_school'; typed: string }
  | { ok: false; reason: 'no_what' | 'too_long'; school: SchoolRef }
  | { ok: false; reason: 'empty_list'; school: SchoolRef }
  | { ok: false; reason: 'personal_data'; school: SchoolRef; findings: FieldFinding<'what'>[] };

export type TextOutcome<F extends string> =
  | { ok: true; callout: Callout }
  | { ok: false; reason: 'closed' | 'not_recipient' | 'too_long' | 'required'; callout: Callout }
  | { ok: false; reason: 'personal_data'; callout: Callout; findings: FieldFinding<F>[] };

export interface MobilisationDeps {
  callLists: CallListRepository;
  callouts: CalloutRepository;
  schools: SchoolLookup;
  activities: Pick<ActivityRepository, 'create'>;
  messenger: CalloutMessenger;
  /** Told after every change of a call-out: its cards (channel and personal copies) are updated. */
  changes: ChangeListener;
  /** Where a call starts sending its personal copies, so that the caller's answer does not wait for them. */
  afterAnswer: AfterAnswer;
  /** The closer's organisation, for the activity the close saves. */
  organisationOf(scope: TenantScope, actor: Actor): Promise<Organisation | null>;
  clock: Clock;
  escalateMinutes: number;
  timeZone: string;
}

const item = (c: Callout) => ({ kind: 'mobilisation' as const, id: c.id });
const scopeOf = (c: Callout): ChatScope => ({ tenantId: c.tenantId, conversationId: c.conversationId });
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** What sending personal copies came to (counts only, for the job's log line). */
export interface DeliveryCounts {
  /** Copies posted. */
  delivered: number;
  /** Failed for a passing reason: tried again later. */
  retrying: number;
  /** Refused for good (403/404), or given up after their tries: marked unreachable. */
  unreachable: number;
}

const noDeliveries = (): DeliveryCounts => ({ delivered: 0, retrying: 0, unreachable: 0 });

/**
 * Call-outs, as a use case: call a school's list, answer, escalate, close. Every change is told to the
 * change feed, which updates the channel card and every recipient's personal copy.
 */
export class MobilisationService {
  constructor(private readonly d: MobilisationDeps) {}

  /** The school the typed words start with (the longest name that fits), and the words after it. */
  async schoolAndWhat(scope: TenantScope, typed: string): Promise<{ school: SchoolRef; what: string } | null> {
    const words = typed.trim().split(/\s+/).filter(Boolean);
    const schools = await this.d.schools.list(scope, 1000);
    for (let n = words.length; n >= 1; n--) {
      const key = placeKey(words.slice(0, n).join(' '));
      const school = schools.find((s) => placeKey(s.name) === key);
      if (school) return { school, what: words.slice(n).join(' ') };
    }
    return null;
  }

  /**
   * Calls the first step of the school's list: the call-out is saved and answered at once (its card says
   * whose copies are being sent), then each person gets a personal copy of its card, after the answer;
   * one Teams refuses is marked unreachable and the others still get theirs. A copy that fails for a
   * passing reason, or that this instance does not get to (it dies, or stops), is sent by the scheduled
   * job (deliverDue).
   *
   * `submitKey`: the key of the card (or message) that calls. A key that already made a call-out (a
   * double press, Teams pressing again when the answer was late, presses racing each other) answers with
   * that call-out: nobody is called twice.
   */
  async call(actor: Actor, origin: ChatScope, school: SchoolRef, what: string, privacy: PrivacyChoice, submitKey?: string): Promise<{ ok: true; callout: Callout } | CallFailure> {
    // Looked for within the conversation it was called in: a key used elsewhere shows nothing from there.
    const made = submitKey ? await this.d.callouts.findBySubmitKey(origin, submitKey) : null;
    if (made) return { ok: true, callout: made };
    const text = what.trim();
    if (text === '') return { ok: false, reason: 'no_what', school };
    if (text.length > MOBILISATION_LIMITS.whatMax) return { ok: false, reason: 'too_long', school };
    const list = await this.d.callLists.list(origin, school.id);
    const first = nextStepWithPeople(list, 1);
    if (first === null) return { ok: false, reason: 'empty_list', school };
    const guarded = guardFreeText('mobilisation', { what: text }, privacy);
    if (!guarded.ok) return { ok: false, reason: 'personal_data', school, findings: guarded.findings };
    const now = this.d.clock.now();
    let callout: Callout;
    try {
      callout = await this.d.callouts.create({
        origin, school: { id: school.id, name: school.name }, what: guarded.texts.what ?? text, caller: { userId: actor.userId, name: actor.name }, now,
        escalateAt: escalationTime(now, this.d.escalateMinutes, nextStepWithPeople(list, first + 1) !== null),
        recipients: callingOrder(list.filter((e) => e.step === first)).slice(0, CALL_LIST_MAX),
        sendDueAt: later(now, DELIVERY_GRACE_MS), ...(submitKey ? { submitKey } : {}),
      });
    } catch (error) {
      // A press of the same card won the race: its call-out (and its copies) is the answer to this one too.
      if (!submitKey || !isSubmitKeyUsed(error)) throw error;
      const winner = await this.d.callouts.findBySubmitKey(origin, submitKey);
      if (!winner) throw error;
      return { ok: true, callout: winner };
    }
    // A call from a card shows the call-out in the pressed message, which becomes its shared card.
    this.d.changes.changed(origin, item(callout));
    // The copies take a Connector call or two each (up to 15 s), and Teams gives a card press about
    // five before it shows an error and presses again: they go after the answer. Started here, through a
    // port, rather than handed back for the verb and the command to start: no caller can forget them,
    // and the domain still knows nothing of requests. Whatever this does not send is the job's.
    this.d.afterAnswer.run('mobilisation.copies', () => this.sendCopies(callout, now));
    return { ok: true, callout };
  }

  /** The copies of a call just made, after its answer; the shared card and the copies show who was reached. */
  private async sendCopies(callout: Callout, now: Date): Promise<Record<string, number | string>> {
    const done = await this.deliver(callout, callout.recipients.map((r) => r.userId), now, false);
    if (anySent(done)) this.d.changes.changed(scopeOf(callout), item(callout));
    return { callout: callout.id, ...done };
  }

  async answer(actor: Actor, callout: Callout, answer: Answer, note: string, privacy: PrivacyChoice): Promise<TextOutcome<'note'>> {
    const recipient = recipientOf(callout, actor);
    if (!recipient) return { ok: false, reason: 'not_recipient', callout };
    if (callout.state === 'closed') return { ok: false, reason: 'closed', callout };
    const text = note.trim();
    if (text.length > MOBILISATION_LIMITS.noteMax) return { ok: false, reason: 'too_long', callout };
    const guarded = guardFreeText('mobilisationAnswer', { note: text === '' ? null : text }, privacy);
    if (!guarded.ok) return { ok: false, reason: 'personal_data', callout, findings: guarded.findings };
    const changed = await this.d.callouts.answer(callout, callout.id, recipient.userId, answer, guarded.texts.note, this.d.clock.now());
    if (!changed) return { ok: false, reason: 'closed', callout };
    this.d.changes.changed(scopeOf(changed), item(changed));
    return { ok: true, callout: changed };
  }

  /** The ready text for people outside Teams was sent (by whoever pressed the button). */
  async markExternalSent(actor: Actor, callout: Callout): Promise<Callout> {
    const changed = await this.d.callouts.markExternalSent(callout, callout.id, actor.userId, this.d.clock.now());
    if (changed) this.d.changes.changed(scopeOf(changed), item(changed));
    return changed ?? callout;
  }

  /** Closes with a short outcome, saved as an activity (mobilisering) at the school's place. */
  async close(actor: Actor, callout: Callout, school: SchoolRef | null, outcome: string, privacy: PrivacyChoice): Promise<TextOutcome<'outcome'>> {
    if (callout.state === 'closed') return { ok: false, reason: 'closed', callout };
    const text = outcome.trim();
    if (text === '') return { ok: false, reason: 'required', callout };
    if (text.length > MOBILISATION_LIMITS.outcomeMax) return { ok: false, reason: 'too_long', callout };
    const guarded = guardFreeText('mobilisationOutcome', { outcome: text }, privacy);
    if (!guarded.ok) return { ok: false, reason: 'personal_data', callout, findings: guarded.findings };
    const now = this.d.clock.now();
    // An unconfirmed closer's activity counts for the school (the call-out is about one), marked unconfirmed.
    const own = await this.d.organisationOf(callout, actor);
    const organisation = own ?? 'skola';
    const activity = await this.d.activities.create({
      fields: {
        type: 'mobilisering', date: localDay(now, this.d.timeZone), placeId: school?.placeId ?? null, placeName: null,
        organisation, organisations: [], notes: `${callout.what}\n${guarded.texts.outcome ?? text}`, peopleMet: null, followUpDate: null,
        schoolId: callout.schoolId, walkFindings: [],
      },
      reporter: { userId: actor.userId, name: actor.name }, origin: scopeOf(callout), organisationConfirmed: own !== null,
      refYear: localYear(now, this.d.timeZone), now,
    });
    const closed = await this.d.callouts.close(callout, callout.id, { actorId: actor.userId, outcome: guarded.texts.outcome ?? text, activityId: activity.id, now });
    if (!closed) return { ok: false, reason: 'closed', callout };
    this.d.changes.changed(scopeOf(closed), item(closed));
    return { ok: true, callout: closed };
  }

  /**
   * The scheduled check: every open call-out whose time has come calls its next step, and the caller is
   * told. Run under a job lease; the repository's conditional write also makes two runs escalate once.
   */
  async escalateDue(now: Date, stopRequested: () => boolean = () => false): Promise<{ escalated: number }> {
    let escalated = 0;
    for (const due of await this.d.callouts.due(now, 100)) {
      if (stopRequested()) break;
      const callout = await this.d.callouts.get(due, due.id);
      if (!callout || !isEscalationDue(callout, now)) continue;
      if (await this.escalate(callout, now)) escalated++;
    }
    return { escalated };
  }

  /**
   * The scheduled check's other half: the personal copies of open call-outs that have not gone out,
   * once the calling instance's grace is over (it died or was stopped before sending them) or their
   * next try has come (the last one failed for a passing reason). Each is claimed before it is posted,
   * so that another instance's run, or the calling instance still at work, never posts it twice.
   */
  async deliverDue(now: Date, stopRequested: () => boolean = () => false): Promise<DeliveryCounts> {
    const counts = noDeliveries();
    for (const due of await this.d.callouts.undelivered(now, 100)) {
      if (stopRequested()) break;
      const callout = await this.d.callouts.get(due, due.id);
      if (!callout || callout.state !== 'open') continue;
      const ids = callout.recipients.filter((r) => sendDue(r, now)).map((r) => r.userId);
      const done = await this.deliver(callout, ids, now, true, stopRequested);
      add(counts, done);
      // The channel card and the copies show who has been reached now (and who will not be).
      if (anySent(done)) this.d.changes.changed(scopeOf(callout), item(callout));
    }
    return counts;
  }

  private async escalate(callout: Callout, now: Date): Promise<boolean> {
    const list = await this.d.callLists.list(callout, callout.schoolId);
    const called = new Set(callout.recipients.map((r) => r.userId));
    const remaining = list.filter((e) => !called.has(e.userId));
    const next = nextStepWithPeople(remaining, callout.step + 1);
    if (next === null) {
      await this.d.callouts.stopEscalating(callout, callout.id, callout.step);
      return false;
    }
    const added: Callee[] = callingOrder(remaining.filter((e) => e.step === next)).slice(0, Math.max(0, CALL_LIST_MAX - callout.recipients.length));
    const laterStep = nextStepWithPeople(remaining.filter((e) => e.step > next), next + 1) !== null;
    const changed = await this.d.callouts.escalate(callout, callout.id, callout.step, next, added, now, escalationTime(now, this.d.escalateMinutes, laterStep), later(now, DELIVERY_GRACE_MS));
    if (!changed) return false;
    const ids = new Set(added.map((a) => a.userId));
    await this.deliver(changed, [...ids], now, false);
    const after = (await this.d.callouts.get(scopeOf(changed), changed.id)) ?? changed;
    await this.d.messenger.tellEscalated(after, after.recipients.filter((r) => ids.has(r.userId)));
    this.d.changes.changed(scopeOf(after), item(after));
    return true;
  }

  /** The later of the run's time and the clock's: a claim or retry made late in a long run is not already past. */
  private notBefore(now: Date): Date {
    return new Date(Math.max(now.getTime(), this.d.clock.now().getTime()));
  }

  /**
   * Sends the personal copies, one after the other, each claimed first (one claimed elsewhere, already
   * sent, or of a call-out closed meanwhile is left alone): a refusal for good (403/404) marks the
   * recipient unreachable, a failure for a passing reason is tried again later (or given up after its
   * tries), and the rest still go. `dueOnly`: the scheduled job's sends, only of copies whose time has come.
   */
  private async deliver(callout: Callout, userIds: string[], now: Date, dueOnly: boolean, stopRequested: () => boolean = () => false): Promise<DeliveryCounts> {
    const counts = noDeliveries();
    for (const recipient of callout.recipients.filter((r) => userIds.includes(r.userId))) {
      if (stopRequested()) break;
      const claim = await this.d.callouts.claimSend(callout, callout.id, recipient.userId, { now, until: later(this.notBefore(now), SEND_CLAIM_MS), dueOnly });
      if (!claim) continue;
      const outcome = await this.d.messenger.sendPersonal(callout, recipient).catch(() => ({ ok: false as const, status: 0 }));
      if (outcome.ok || refusedForGood(outcome.status)) {
        await this.d.callouts.delivered(callout, callout.id, recipient.userId, outcome, this.d.clock.now());
        counts[outcome.ok ? 'delivered' : 'unreachable']++;
        continue;
      }
      const retryAt = nextTry(claim.tries + 1, this.notBefore(now));
      await this.d.callouts.sendFailed(callout, callout.id, recipient.userId, { retryAt, now: this.d.clock.now() });
      counts[retryAt ? 'retrying' : 'unreachable']++;
    }
    return counts;
  }
}

/** Whether any copy went out, was given up or was put off: the cards then show who has been reached. */
function anySent(done: DeliveryCounts): boolean {
  return done.delivered + done.retrying + done.unreachable > 0;
}

function add(to: DeliveryCounts, more: DeliveryCounts): void {
  to.delivered += more.delivered;
  to.retrying += more.retrying;
  to.unreachable += more.unreachable;
}
