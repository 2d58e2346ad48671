import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import { pastedLines, readImportFile } from '../cards/forms/promise-import-file';
import { formatDay } from '../cards/formatting';
import * as promiseCards from '../cards/promise-cards';
import { PROMISE_VERBS } from '../cards/promise-verbs';
import { notice } from '../cards/report-cards';
import type { MeetingFormField } from '../cards/templates/meeting-form.card';
import type { PromiseFormField } from '../cards/templates/promise-form.card';
import type { Target } from '../domain/access-policy';
import { choiceList, day, given, type Parsed } from '../domain/form-fields';
import { COMMITMENT_STATUSES } from '../domain/promises/promise';
import type { PromiseRegister } from '../domain/promises/promise-register';
import { ORGANISATIONS } from '../domain/vocabulary';
import { format, messages } from '../i18n/messages';
import { commandWords } from './command-parser';
import { oneCard, type ChatContext } from './chat-context';
import { command, verb, type CommandEntry, type TargetSpec, type VerbEntry } from './registry/entries';
import { commandArgs, flag, formOf, id, nothing, year } from './registry/payloads';
import { noTarget } from './registry/targets';

export interface PromiseFeature {
  register: PromiseRegister;
}

type CommitmentTarget = Extract<Target, { kind: 'commitment' }>;

const PROMISE_FIELDS = ['title', 'text', 'commitment', 'organisations', 'periodFrom', 'periodTo'] as const satisfies readonly PromiseFormField[];
const MEETING_FIELDS = ['date', 'organisations', 'decisions'] as const satisfies readonly MeetingFormField[];
/** Up to a few hundred pasted lines. */
const PASTED_MAX = 200_000;
const IMPORT_WORDS = commandWords('promisesImport');

/** A commitment of the caller's tenant: an id from another tenant finds nothing. */
const commitmentTarget = (f: PromiseFeature): TargetSpec<{ commitmentId: string }, CommitmentTarget> => ({
  kind: 'commitment',
  load: async (ctx, p) => {
    const commitment = await f.register.commitment(ctx.scope, p.commitmentId);
    return commitment ? { kind: 'commitment', commitment } : null;
  },
});

/** What a form sent, as typed, for drawing it again (the store could not be reached). */
const typedValues = <F extends string>(fields: readonly F[], raw: Record<string, unknown>): Partial<Record<F, string>> =>
  Object.fromEntries(fields.map((k) => [k, typeof raw[k] === 'string' ? raw[k] : ''])) as Partial<Record<F, string>>;

/** The card answers, shared by commands and buttons. */
function answers(f: PromiseFeature) {
  const { register } = f;
  const show = async (ctx: ChatContext, y: number) => promiseCards.promises(ctx.locale, await register.followUp(ctx.scope, y));

  return {
    show,
    async showArgs(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const words = args.trim();
      if (words === '') return show(ctx, register.thisYear());
      const asked = year.safeParse(words);
      return asked.success ? show(ctx, asked.data) : notice(messages(ctx.locale).promises.unknownYear, { tone: 'attention' });
    },

    promiseForm: (ctx: ChatContext, y: number) => promiseCards.promiseForm(ctx.locale, y, { values: { periodFrom: `${y}-01-01`, periodTo: `${y}-12-31` } }),

    async savePromise(ctx: ChatContext, p: { year: number; maskingConfirmed?: boolean | undefined } & Partial<Record<PromiseFormField, string>>): Promise<AdaptiveCard> {
      const values = Object.fromEntries(PROMISE_FIELDS.map((k) => [k, p[k] ?? ''])) as Record<PromiseFormField, string>;
      const errors: Partial<Record<PromiseFormField, 'required' | 'invalid_date'>> = {};
      const read = <T>(field: PromiseFormField, parsed: Parsed<T>): T | undefined => {
        if (parsed.ok) return parsed.value;
        errors[field] = parsed.error.code === 'required' ? 'required' : 'invalid_date';
        return undefined;
      };
      const organisations = read('organisations', choiceList(values.organisations, ORGANISATIONS)) ?? [];
      const periodFrom = read('periodFrom', day(values.periodFrom, true));
      const periodTo = read('periodTo', day(values.periodTo, true));
      if (!periodFrom || !periodTo || Object.keys(errors).length > 0) return promiseCards.promiseForm(ctx.locale, p.year, { values, errors });
      const saved = await register.addPromise(ctx.scope, ctx.actor, {
        year: p.year, title: given(values.title) ?? '', text: given(values.text) ?? '',
        commitment: { text: given(values.commitment) ?? '', organisations, periodFrom, periodTo },
      }, { maskingConfirmed: p.maskingConfirmed === true });
      if (saved.ok) return show(ctx, p.year);
      if (saved.reason === 'personal_data') return promiseCards.promiseForm(ctx.locale, p.year, { values, personalData: saved.findings });
      return promiseCards.promiseForm(ctx.locale, p.year, { values, errors: saved.errors });
    },

    meetingForm: (ctx: ChatContext) => promiseCards.meetingForm(ctx.locale, { values: { date: register.today() } }),

    async saveMeeting(ctx: ChatContext, p: { maskingConfirmed?: boolean | undefined } & Partial<Record<MeetingFormField, string>>): Promise<AdaptiveCard> {
      const values = Object.fromEntries(MEETING_FIELDS.map((k) => [k, p[k] ?? ''])) as Record<MeetingFormField, string>;
      const date = day(values.date, true);
      const organisations = choiceList(values.organisations, ORGANISATIONS);
      if (!date.ok || !date.value || !organisations.ok) {
        return promiseCards.meetingForm(ctx.locale, {
          values, errors: { ...(!date.ok || !date.value ? { date: date.ok || date.error.code === 'required' ? 'required' : 'invalid_date' } : {}), ...(!organisations.ok ? { organisations: 'required' } : {}) },
        });
      }
      const saved = await register.recordMeeting(ctx.scope, ctx.actor, { date: date.value, organisations: organisations.value, decisions: values.decisions }, { maskingConfirmed: p.maskingConfirmed === true });
      if (saved.ok) {
        const t = messages(ctx.locale).promises;
        return notice(format(t.meetingForm.saved, { date: formatDay(saved.value.date, ctx.locale) }), {
          tone: 'good', actions: [{ title: t.reminder.show, verb: PROMISE_VERBS.show, data: { year: saved.value.year } }],
        });
      }
      if (saved.reason === 'personal_data') return promiseCards.meetingForm(ctx.locale, { values, personalData: saved.findings });
      return promiseCards.meetingForm(ctx.locale, { values, errors: saved.errors });
    },

    /** Pasted lines after the command; nothing pasted: how to import. Nothing is stored unless every line is right. */
    async importPasted(ctx: ChatContext, text: string): Promise<AdaptiveCard> {
      const t = messages(ctx.locale).promises.import;
      const lines = pastedLines(text, IMPORT_WORDS);
      if (lines.trim() === '') return notice(t.howTo);
      return importPromiseCsv(register, ctx, lines);
    },
  };
}

/** CSV text of promises (pasted lines or a file's text): nothing is stored unless every line is right; each wrong line is named with its reason. */
export async function importPromiseCsv(register: Pick<PromiseRegister, 'importRows'>, ctx: ChatContext, csv: string): Promise<AdaptiveCard> {
  const file = readImportFile(csv);
  if (!file.ok) return promiseCards.importRefused(ctx.locale, [file.error]);
  const outcome = await register.importRows(ctx.scope, ctx.actor, file.rows);
  if (!outcome.ok) return promiseCards.importRefused(ctx.locale, outcome.errors);
  const years = [...new Set(outcome.promises.map((p) => p.year))];
  return promiseCards.imported(ctx.locale, outcome.promises.length, outcome.promises.reduce((n, p) => n + p.commitments.length, 0), years);
}

/** `löften`, `löften nytt`, `löften import`, `strategiskt möte`: anyone reads the follow-up; coordinators enter. */
export function promiseCommands(f: PromiseFeature): CommandEntry[] {
  const a = answers(f);
  const base = { payload: commandArgs, target: noTarget } as const;
  return [
    command({ ...base, command: 'promises', right: 'member', writes: false, handle: ({ ctx, payload }) => oneCard(a.showArgs(ctx, payload.args)) }),
    command({
      ...base, command: 'promisesNew', right: 'coordinator', writes: false,
      handle: ({ ctx, payload }) => oneCard(Promise.resolve(a.promiseForm(ctx, year.safeParse(payload.args.trim()).data ?? f.register.thisYear()))),
    }),
    command({
      command: 'promisesImport', payload: commandArgs.extend({ text: z.string().max(PASTED_MAX).default('') }), target: noTarget, right: 'coordinator', writes: true,
      handle: ({ ctx, payload }) => oneCard(a.importPasted(ctx, payload.text)),
    }),
    command({ ...base, command: 'meeting', right: 'coordinator', writes: false, handle: ({ ctx }) => oneCard(Promise.resolve(a.meetingForm(ctx))) }),
  ];
}

/** The buttons of the `löften` card, its forms and the reminders. */
export function promiseVerbs(f: PromiseFeature): VerbEntry[] {
  const a = answers(f);
  return [
    verb({ verb: PROMISE_VERBS.show, payload: z.object({ year }), target: noTarget, right: 'member', writes: false, handle: ({ ctx, payload }) => a.show(ctx, payload.year) }),
    verb({
      verb: PROMISE_VERBS.setStatus, payload: z.object({ commitmentId: id, status: z.enum(COMMITMENT_STATUSES), year }),
      target: commitmentTarget(f), right: 'commitment.status', writes: true,
      handle: async ({ ctx, payload, target }) => {
        await f.register.setStatus(ctx.scope, ctx.actor, target.commitment, payload.status);
        return a.show(ctx, payload.year);
      },
    }),
    verb({ verb: PROMISE_VERBS.openForm, payload: nothing, target: noTarget, right: 'coordinator', writes: false, handle: async ({ ctx }) => a.promiseForm(ctx, f.register.thisYear()) }),
    verb({
      verb: PROMISE_VERBS.save, payload: formOf(PROMISE_FIELDS).extend({ year, maskingConfirmed: flag }), target: noTarget, right: 'coordinator', writes: true,
      handle: ({ ctx, payload }) => a.savePromise(ctx, payload),
      storeDown: async (ctx, raw) => promiseCards.promiseForm(ctx.locale, year.safeParse(raw.year).data ?? f.register.thisYear(), { values: typedValues(PROMISE_FIELDS, raw), storeDown: true }),
    }),
    verb({ verb: PROMISE_VERBS.openMeetingForm, payload: nothing, target: noTarget, right: 'coordinator', writes: false, handle: async ({ ctx }) => a.meetingForm(ctx) }),
    verb({
      verb: PROMISE_VERBS.saveMeeting, payload: formOf(MEETING_FIELDS).extend({ maskingConfirmed: flag }), target: noTarget, right: 'coordinator', writes: true,
      handle: ({ ctx, payload }) => a.saveMeeting(ctx, payload),
      storeDown: async (ctx, raw) => promiseCards.meetingForm(ctx.locale, { values: typedValues(MEETING_FIELDS, raw), storeDown: true }),
    }),
  ];
}
