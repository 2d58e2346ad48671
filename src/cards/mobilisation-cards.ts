import { CALL_ROLES, CALL_STEPS, type CallListEntry, type CallStep } from '../domain/mobilisation/call-list';
import { ANSWERS, beingSent, notYetReached, triedAgain, unreachable, waitingFor, type Callout, type CalloutEvent } from '../domain/mobilisation/callout';
import { MOBILISATION_LIMITS } from '../domain/mobilisation/mobilisation-service';
import type { SchoolRef } from '../domain/mobilisation/school-ref';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import type { AdaptiveCard } from './card-schema';
import { formatWhen } from './formatting';
import { MOBILISATION_VERBS } from './mobilisation-verbs';
import { render, safeText } from './render';
import { confirmsMasking } from './masking';
import { choices, newSubmitKey, notice, personalDataWarning } from './report-cards';
import { callListCard } from './templates/call-list.card';
import { calloutCard } from './templates/callout.card';
import { mobilisationFormCard } from './templates/mobilisation-form.card';

const time = (at: Date, locale: Locale) => formatWhen(at, locale, undefined, 'HH:mm');
const stepLabel = (m: Catalogue, step: number) => m.mobilisation.step[`s${step as CallStep}`] ?? '';

/** What the one who answered typed, when the guard warned: kept on their card, saved masked on the next press. */
export interface TypedAnswer {
  note: string;
  findings: readonly PersonalDataFinding[];
}

/**
 * A call-out's card: the answers so far, who has not answered, whose copy is being sent, who the call
 * has not reached yet (the bot tries again), who could not be reached, the time
 * since the call, the timeline, and (while open) the answer buttons. The same for everyone; only the
 * one whose note the guard warned about gets it back with the warning.
 */
export function calloutView(locale: Locale, c: Callout, now: Date, typed?: TypedAnswer): AdaptiveCard {
  const m = messages(locale);
  const k = m.mobilisation;
  const names = (list: { name: string }[]) => list.map((r) => safeText(r.name)).join(', ');
  const open = c.state === 'open';
  const nameOf = (userId: string | null) => (userId === c.caller.userId ? c.caller.name : c.recipients.find((r) => r.userId === userId)?.name ?? '');
  const waiting = waitingFor(c);
  const pending = notYetReached(c);
  const sending = beingSent(c);
  const retried = triedAgain(c);
  const lost = unreachable(c);
  return render(calloutCard, {
    title: format(open ? k.card.title : k.card.closedTitle, { school: safeText(c.schoolName) }),
    what: format(k.card.what, { what: safeText(c.what) }),
    called: format(k.card.called, { name: safeText(c.caller.name), time: time(c.calledAt, locale), minutes: Math.max(0, Math.floor((now.getTime() - c.calledAt.getTime()) / 60_000)) }),
    escalation: open && c.escalateAt ? format(k.card.escalatesAt, { time: time(c.escalateAt, locale) }) : '',
    answers: c.recipients.filter((r) => r.answer !== null).map((r) => ({
      text: format(k.card.answerLine, {
        name: safeText(r.name), role: k.role[r.role], answer: k.answer[r.answer!], note: r.note ? ` – ${safeText(r.note)}` : '', time: time(r.answeredAt ?? c.calledAt, locale),
      }),
      color: (r.answer === 'kommer' ? 'good' : r.answer === 'kan_inte' ? 'attention' : 'default') as 'good' | 'attention' | 'default',
    })),
    // "Everyone reached has answered" only when someone was reached, or nobody is still being tried.
    waiting: open ? (waiting.length > 0 ? format(k.card.waiting, { names: names(waiting) })
      : pending.length === 0 || c.recipients.some((r) => r.delivery === 'sent') ? k.card.allAnswered : '') : '',
    // A copy not tried yet is on its way; one that failed is tried again: two lines, never one for both.
    sending: open && sending.length > 0 ? format(k.card.sending, { names: names(sending) }) : '',
    pending: open && retried.length > 0 ? format(k.card.pending, { names: names(retried) }) : '',
    unreachable: lost.length > 0 ? format(k.card.unreachable, { names: names(lost) }) : '',
    external: c.externalSentAt ? format(k.card.externalSent, { time: time(c.externalSentAt, locale) }) : '',
    outcome: c.outcome ? format(k.card.outcome, { outcome: safeText(c.outcome) }) : '',
    // The answer buttons confirm here, not "Spara": the warning names them.
    warning: typed?.findings.length ? personalDataWarning(m, typed.findings, k.card.notePersonalData, { buttons: ANSWERS.map((a) => k.answer[a]).join(' / ') }) : '',
    open,
    answerHint: k.card.answerHint,
    note: { label: k.card.note, value: typed?.note ?? '', max: MOBILISATION_LIMITS.noteMax },
    answerActions: ANSWERS.map((answer) => ({
      title: k.answer[answer], verb: MOBILISATION_VERBS.answer, data: { id: c.id, answer, ...confirmsMasking(typed?.findings) },
    })),
    timelineTitle: k.card.timeline,
    timeline: c.events.map((e) => ({ text: timelineLine(m, locale, e, nameOf(e.actorId)) })),
    actions: [
      { title: k.card.external, verb: MOBILISATION_VERBS.external, data: { id: c.id } },
      ...(open ? [{ title: k.card.close, verb: MOBILISATION_VERBS.openClose, data: { id: c.id } }] : []),
    ],
  });
}

function timelineLine(m: Catalogue, locale: Locale, e: CalloutEvent, name: string): string {
  const k = m.mobilisation;
  const answer = e.kind === 'answered' && e.detail && (ANSWERS as readonly string[]).includes(e.detail) ? k.answer[e.detail as (typeof ANSWERS)[number]] : '';
  return format(k.timeline[e.kind], { time: time(e.at, locale), name: safeText(name), step: e.detail ?? '', tries: e.detail ?? '', answer });
}

export interface MobiliseFormOptions {
  schools: SchoolRef[];
  values?: { schoolId: string; what: string };
  banner?: string;
  personalData?: readonly PersonalDataFinding[];
  /**
   * The key the card's call sends, so that the same card makes at most one call-out (a double press,
   * Teams pressing again when the answer was late). A card drawn again after a refused call keeps its
   * key; a new card gets a new one.
   */
  submitKey?: string;
}

/** The `mobilisera` card: the school and what happened. */
export function mobiliseForm(locale: Locale, o: MobiliseFormOptions): AdaptiveCard {
  const m = messages(locale);
  const k = m.mobilisation;
  if (o.schools.length === 0) return notice(k.form.noSchools, { tone: 'attention' });
  return render(mobilisationFormCard, {
    title: k.form.title, intro: k.form.intro,
    banner: o.personalData?.length ? personalDataWarning(m, o.personalData) : o.banner ?? '',
    requiredMessage: m.fieldError.required, showSchool: true,
    labels: { school: k.form.school, text: k.form.what, submit: k.form.call, cancel: k.form.cancel },
    values: { schoolId: o.values?.schoolId ?? '', text: o.values?.what ?? '' }, errors: { schoolId: '', text: '' },
    schools: o.schools.map((s) => ({ title: s.name, value: s.id })), textId: 'what', max: MOBILISATION_LIMITS.whatMax,
    submit: { verb: MOBILISATION_VERBS.call, data: { ...confirmsMasking(o.personalData), submitKey: o.submitKey ?? newSubmitKey() } },
    cancel: { verb: 'cancel', data: {} },
  });
}

/** Closing a call-out: how it went. */
export function closeForm(locale: Locale, c: Callout, typed = '', banner = '', personalData?: readonly PersonalDataFinding[]): AdaptiveCard {
  const m = messages(locale);
  const k = m.mobilisation;
  return render(mobilisationFormCard, {
    title: format(k.closeForm.title, { school: safeText(c.schoolName) }), intro: '',
    banner: personalData?.length ? personalDataWarning(m, personalData) : banner,
    requiredMessage: m.fieldError.required, showSchool: false,
    labels: { school: '', text: k.closeForm.outcome, submit: k.closeForm.save, cancel: k.closeForm.cancel },
    values: { schoolId: '', text: typed }, errors: { schoolId: '', text: '' }, schools: [], textId: 'outcome', max: MOBILISATION_LIMITS.outcomeMax,
    submit: { verb: MOBILISATION_VERBS.close, data: { id: c.id, ...confirmsMasking(personalData) } },
    cancel: { verb: MOBILISATION_VERBS.show, data: { id: c.id } },
  });
}

/**
 * The ready text for people outside Teams, in Swedish whatever the reader's language (it goes to
 * Swedish parents): the school and what the call-out said, nothing else; no names.
 */
export function externalMessage(c: Pick<Callout, 'schoolName' | 'what'>): string {
  const k = messages('sv').mobilisation.external;
  return format(k.text, { school: c.schoolName, what: c.what.replace(/[.!\s]+$/, '') });
}

export function externalView(locale: Locale, c: Callout): AdaptiveCard {
  const k = messages(locale).mobilisation;
  return notice(`${k.external.intro}\n\n${safeText(externalMessage(c))}`, {
    title: k.external.title,
    actions: [
      { title: k.external.markSent, verb: MOBILISATION_VERBS.externalSent, data: { id: c.id } },
      { title: k.card.show, verb: MOBILISATION_VERBS.show, data: { id: c.id } },
    ],
  });
}

export interface CallListViewOptions {
  canEdit: boolean;
  note?: string;
  warning?: string;
}

/** A school's call list; its contacts not yet on it can be added from the card. */
export function callListView(locale: Locale, school: SchoolRef, entries: CallListEntry[], o: CallListViewOptions): AdaptiveCard {
  const m = messages(locale);
  const k = m.mobilisation;
  const listed = new Set(entries.map((e) => e.userId));
  const people = school.contacts.filter((c) => !listed.has(c.userId)).map((c) => ({ title: c.name, value: c.userId }));
  return render(callListCard, {
    title: format(k.callList.title, { school: safeText(school.name) }),
    intro: format(k.callList.intro, { school: safeText(school.name) }),
    note: o.note ?? '', warning: o.warning ?? '', empty: k.callList.empty,
    rows: entries.map((e) => ({
      text: format(k.callList.entry, { name: safeText(e.name), role: k.role[e.role], step: stepLabel(m, e.step) }),
      canRemove: o.canEdit,
      remove: { title: k.callList.remove, verb: MOBILISATION_VERBS.removeFromCallList, data: { schoolId: school.id, userId: e.userId } },
    })),
    canEdit: o.canEdit, canAdd: people.length > 0, addTitle: k.callList.addTitle,
    labels: { person: k.callList.person, role: k.callList.role, step: k.callList.step, add: k.callList.add },
    people, roles: choices(CALL_ROLES, k.role), steps: CALL_STEPS.map((s) => ({ title: `${s} – ${stepLabel(m, s)}`, value: String(s) })),
    add: { verb: MOBILISATION_VERBS.addToCallList, data: { schoolId: school.id } },
    byMention: format(k.callList.addByMention, { school: safeText(school.name) }),
    requiredMessage: m.fieldError.required,
  });
}
