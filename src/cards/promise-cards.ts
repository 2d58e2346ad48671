import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { CommitmentProgress, YearFollowUp } from '../domain/promises/progress';
import { COMMITMENT_STATUSES, PROMISE_LIMITS } from '../domain/promises/promise';
import type { ImportError } from '../domain/promises/promise-import';
import type { PromiseReminder } from '../domain/promises/promise-reminders';
import { ORGANISATIONS } from '../domain/vocabulary';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import type { AdaptiveCard, MentionEntity } from './card-schema';
import { formatDay } from './formatting';
import { organisationCounts, organisationNames } from './organisation-names';
import { PROMISE_VERBS } from './promise-verbs';
import { render, safeText } from './render';
import { confirmsMasking } from './masking';
import { choices, notice, personalDataWarning, shortened } from './report-cards';
import { meetingFormCard, type MeetingFormField } from './templates/meeting-form.card';
import { promiseFormCard, type PromiseFormField } from './templates/promise-form.card';
import { promisesCard } from './templates/promises.card';

function progressLine(p: CommitmentProgress, m: Catalogue, locale: Locale): string {
  const t = m.promises;
  if (p.total === 0) return t.noActivities;
  const byOrganisation = organisationCounts(m, p.byOrganisation);
  const last = p.last ? ` · ${format(t.last, { date: formatDay(p.last.date, locale), type: m.activityType[p.last.type], ref: p.last.ref })}` : '';
  return format(t.activities, { count: p.total, byOrganisation }, locale) + last;
}

/** `löften`: the year's promises, each commitment's progress and status (buttons for the other statuses), and the strategic meeting. */
export function promises(locale: Locale, f: YearFollowUp): AdaptiveCard {
  const m = messages(locale);
  const t = m.promises;
  const meeting = f.meetings.at(-1);
  return render(promisesCard, {
    title: format(t.title, { year: f.year }),
    intro: t.intro,
    empty: format(t.empty, { year: f.year }),
    promises: f.promises.map(({ promise, commitments }) => ({
      title: safeText(shortened(promise.title, PROMISE_LIMITS.titleShown)),
      commitments: commitments.map((p) => ({
        text: safeText(shortened(p.commitment.text, PROMISE_LIMITS.commitmentShown)),
        responsible: format(t.responsible, {
          organisations: organisationNames(m, p.commitment.organisations), from: formatDay(p.commitment.periodFrom, locale), to: formatDay(p.commitment.periodTo, locale),
        }),
        progress: progressLine(p, m, locale),
        status: format(t.statusLine, { status: t.status[p.status] }),
        actions: COMMITMENT_STATUSES.filter((s) => s !== p.status).map((status) => ({
          title: t.setStatus[status], verb: PROMISE_VERBS.setStatus, data: { commitmentId: p.commitment.id, status, year: f.year },
        })),
      })),
    })),
    meeting: meeting
      ? format(t.meeting, { date: formatDay(meeting.date, locale), organisations: organisationNames(m, meeting.organisations), decisions: safeText(meeting.decisions) })
      : format(t.noMeeting, { year: f.year }),
    actions: [
      { title: t.newPromise, verb: PROMISE_VERBS.openForm, data: {} },
      { title: t.recordMeeting, verb: PROMISE_VERBS.openMeetingForm, data: {} },
    ],
  });
}

type FormErrorCode = keyof Catalogue['promises']['form']['error'];

/** What a form shows again: the values as typed, the errors (codes) at their fields, a personal-data warning. */
export interface PromiseFormState<F extends string> {
  values: Partial<Record<F, string>>;
  errors?: Partial<Record<F, FormErrorCode>>;
  personalData?: PersonalDataFinding[];
  /** The database could not be reached: try again, everything typed is still there. */
  storeDown?: boolean;
}

const PROMISE_FIELDS: readonly PromiseFormField[] = ['title', 'text', 'commitment', 'organisations', 'periodFrom', 'periodTo'];
const MEETING_FIELDS: readonly MeetingFormField[] = ['date', 'organisations', 'decisions'];

export function formParts<F extends string>(fields: readonly F[], s: PromiseFormState<F>, m: Catalogue, fixErrors: string) {
  const errors: Partial<Record<F, FormErrorCode>> = s.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return {
    values: Object.fromEntries(fields.map((f) => [f, s.values[f] ?? ''])) as Record<F, string>,
    errors: Object.fromEntries(fields.map((f) => {
      const code = errors[f];
      return [f, code ? m.promises.form.error[code] : ''];
    })) as Record<F, string>,
    banner: s.storeDown ? m.form.storeDown : hasErrors ? fixErrors : s.personalData?.length ? personalDataWarning(m, s.personalData) : '',
    requiredMessage: m.fieldError.required,
    // Saving again after the warning means "mask it and save".
    confirm: confirmsMasking(s.personalData),
  };
}

export function promiseForm(locale: Locale, year: number, s: PromiseFormState<PromiseFormField>): AdaptiveCard {
  const m = messages(locale);
  const l = m.promises.form;
  const { confirm, ...parts } = formParts(PROMISE_FIELDS, s, m, l.fixErrors);
  return render(promiseFormCard, {
    title: format(l.title, { year }), intro: l.intro, ...parts,
    labels: {
      title: l.promiseTitle, text: l.text, commitment: l.commitment, organisations: l.organisations, periodFrom: l.periodFrom, periodTo: l.periodTo,
      submit: l.submit, cancel: l.cancel,
    },
    choices: { organisations: choices(ORGANISATIONS, m.organisation) },
    submit: { verb: PROMISE_VERBS.save, data: { year, ...confirm } },
  });
}

export function meetingForm(locale: Locale, s: PromiseFormState<MeetingFormField>): AdaptiveCard {
  const m = messages(locale);
  const l = m.promises.meetingForm;
  const { confirm, ...parts } = formParts(MEETING_FIELDS, s, m, m.promises.form.fixErrors);
  return render(meetingFormCard, {
    title: l.title, intro: l.intro, ...parts,
    labels: { date: l.date, organisations: l.organisations, decisions: l.decisions, submit: l.submit, cancel: l.cancel },
    choices: { organisations: choices(ORGANISATIONS, m.organisation) },
    submit: { verb: PROMISE_VERBS.saveMeeting, data: { ...confirm } },
  });
}

/** Why an import was refused: every error with its line, in the user's language. Nothing was imported. */
export function importRefused(locale: Locale, errors: readonly ImportError[]): AdaptiveCard {
  const t = messages(locale).promises.import;
  const lines = errors.map((e) => {
    const reason = format(t.reason[e.code], { detail: safeText(e.detail ?? '') });
    return e.line > 0 ? format(t.line, { line: e.line, reason }) : format(t.whole, { reason });
  });
  return notice([t.intro, ...lines.map((l) => `- ${l}`)].join('\n\n'), { title: t.title, tone: 'attention' });
}

export function imported(locale: Locale, count: number, commitments: number, years: readonly number[]): AdaptiveCard {
  const t = messages(locale).promises;
  return notice(format(t.import.done, { count, commitments, years: years.join(', ') }, locale), {
    tone: 'good', actions: years.slice(0, 1).map((year) => ({ title: t.reminder.show, verb: PROMISE_VERBS.show, data: { year } })),
  });
}

/**
 * A scheduled reminder, @mentioning the people named: the quarterly list of commitments with nothing
 * done, or the strategic meeting not yet recorded. `people`: Teams id and name of each user id named.
 */
export function promiseReminder(locale: Locale, reminder: PromiseReminder, people: ReadonlyMap<string, { id: string; name: string }>): AdaptiveCard {
  const t = messages(locale).promises;
  const r = t.reminder;
  const entities: MentionEntity[] = [];
  const tags = (userIds: readonly string[]) => {
    const named = userIds.map((u) => people.get(u)).filter((p): p is { id: string; name: string } => p !== undefined);
    for (const p of named) if (!entities.some((e) => e.mentioned.id === p.id)) entities.push({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: p });
    return named.length > 0 ? named.map((p) => `<at>${p.name}</at>`).join(', ') : r.nobody;
  };
  let shown: AdaptiveCard;
  if (reminder.kind === 'idle_commitments') {
    const quarter = format(r.quarterName, { quarter: reminder.quarter.quarter, year: reminder.quarter.year });
    const rows = reminder.commitments.map((c) => `- ${format(r.quarterRow, { promise: safeText(c.promiseTitle), commitment: safeText(c.progress.commitment.text), owners: tags(c.owners) })}`);
    shown = notice([format(r.quarterIntro, { quarter }), ...rows].join('\n\n'), {
      title: format(r.quarterTitle, { quarter }), actions: [{ title: r.show, verb: PROMISE_VERBS.show, data: { year: reminder.quarter.year } }],
    });
  } else {
    shown = notice(format(r.meetingText, { coordinators: tags(reminder.coordinators), year: reminder.year }), {
      title: format(r.meetingTitle, { year: reminder.year }), actions: [{ title: t.recordMeeting, verb: PROMISE_VERBS.openMeetingForm, data: {} }],
    });
  }
  return { ...shown, msteams: { width: 'Full', entities } };
}
