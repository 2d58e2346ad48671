import { z } from 'zod';
import * as cards from '../cards/report-cards';
import * as schoolCards from '../cards/school-cards';
import { parseSchoolCsv, type SchoolCsvProblem } from '../cards/forms/school-csv';
import { readSchoolForm, SCHOOL_FORM_FIELDS, type SchoolFormField } from '../cards/forms/school-forms';
import { SCHOOL_VERBS } from '../cards/school-verbs';
import { SCHOOL_CSV_MAX } from '../cards/templates/school-import.card';
import { safeText } from '../cards/render';
import type { AdaptiveCard } from '../cards/card-schema';
import type { AccessPolicy } from '../domain/access-policy';
import type { FieldErrors } from '../domain/form-fields';
import type { Place } from '../domain/place';
import type { SchoolRepository } from '../domain/ports/schools.port';
import type { Store } from '../domain/ports/store.port';
import type { PlaceRegisterRepository } from '../domain/ports/place-register.port';
import type { School } from '../domain/schools/school';
import { SchoolRegisterService, type SchoolSave } from '../domain/schools/school-register-service';
import type { Clock } from '../domain/ports/clock.port';
import { PLACE_REGISTER_MAX } from '../domain/places/place-register';
import { format, messages, type Catalogue } from '../i18n/messages';
import { cardReply, textReply, type ChatContext, type Reply } from './chat-context';
import { buildSchoolPicture, pictureSince } from '../domain/schools/school-picture';
import { STOCKHOLM } from '../domain/periods';
import { LIMITS } from '../domain/limits';
import { FINDING_CATEGORY, WALK_FINDINGS } from '../domain/schools/walk-checklist';
import type { ReportingService } from '../domain/reporting-service';
import type { ReportViews } from './report-views';
import { command, verb, type CommandEntry, type VerbEntry } from './registry/entries';
import { commandArgs, flag, formOf, id, nothing, version } from './registry/payloads';
import { noTarget, reportTarget, schoolTarget } from './registry/targets';

// The school register's card verbs and commands (issue 11): `skolor` lists the tenant's schools;
// a school's card shows it to everyone and lets a coordinator or one of its own SSPF contacts edit it;
// coordinators add schools one by one or import many from CSV text.

export interface SchoolFeature {
  service: SchoolRegisterService;
  schools: Pick<SchoolRepository, 'get' | 'findByName' | 'reports'>;
  clock: Clock;
  zone: string;
  /** A walk's finding becomes an incident on the report card, at the walk's place. */
  reporting: Pick<ReportingService, 'get' | 'defaultsFor'>;
  views: Pick<ReportViews, 'newForm'>;
  places: Pick<PlaceRegisterRepository, 'all'>;
  access: Pick<AccessPolicy, 'allows'>;
}

/** The feature over the store port: the register's use cases, and what its cards read. */
export function createSchoolFeature(
  store: Pick<Store, 'schools' | 'places' | 'placeRegister' | 'users'>, clock: Clock, access: Pick<AccessPolicy, 'allows'>,
  reports: Pick<SchoolFeature, 'reporting' | 'views'>, zone = STOCKHOLM,
): SchoolFeature {
  return {
    service: new SchoolRegisterService({ schools: store.schools, places: store.places, users: store.users, clock }),
    schools: store.schools, places: store.placeRegister, access, clock, zone, ...reports,
  };
}

const schoolForm = formOf(SCHOOL_FORM_FIELDS);

/** An activity of the caller's conversation (a walk), as the report verbs load it. */
export function schoolVerbs(f: SchoolFeature): VerbEntry[] {
  const target = schoolTarget(f.schools, 'id');
  const isCoordinator = (ctx: ChatContext) => f.access.allows('coordinator', ctx.scope, ctx.actor, { kind: 'none' });
  const places = (ctx: ChatContext) => f.places.all(ctx.scope, PLACE_REGISTER_MAX);

  const view = async (ctx: ChatContext, school: School | null, manage: boolean, extra: Pick<schoolCards.SchoolCardInput, 'note' | 'typed'> = {}) =>
    schoolCards.schoolView(ctx.locale, { school, manage, places: await places(ctx), people: manage ? await f.service.knownPeople(ctx.scope) : [], ...extra });

  /** Saves a school from its form; whatever the refusal, what was typed stays on the card. */
  const save = async (ctx: ChatContext, values: Partial<Record<SchoolFormField, string>>, existing: { school: School; version: number } | null, maskingConfirmed: boolean) => {
    const c = messages(ctx.locale).schools.card;
    const read = readSchoolForm(values);
    if (!read.ok) return view(ctx, existing?.school ?? null, true, { typed: { values, errors: read.errors } });
    const outcome = await f.service.save(ctx.actor.userId, ctx.scope, read.draft, existing, { maskingConfirmed });
    if (outcome.ok) return view(ctx, outcome.school, true, { note: existing ? c.saved : c.added });
    if (outcome.reason === 'personal_data') return view(ctx, existing?.school ?? null, true, { typed: { values, personalData: outcome.findings } });
    return view(ctx, existing?.school ?? null, true, { typed: { values, ...refusal(messages(ctx.locale), outcome) } });
  };

  return [
    verb({
      verb: SCHOOL_VERBS.list, payload: nothing, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx }) => listCard(f, ctx, await isCoordinator(ctx)),
    }),
    verb({
      verb: SCHOOL_VERBS.show, payload: z.object({ id }), target, right: 'member', writes: false,
      // The card answers the one who pressed: the form is theirs only when they may change the school.
      handle: async ({ ctx, target: { school } }) => view(ctx, school, await f.access.allows('school.manage', ctx.scope, ctx.actor, { kind: 'school', school })),
    }),
    verb({
      verb: SCHOOL_VERBS.picture, payload: z.object({ id }), target, right: 'member', writes: false,
      handle: async ({ ctx, target: { school } }) => picture(f, ctx, school),
    }),
    verb({
      verb: SCHOOL_VERBS.walkFindingReport, payload: z.object({ id, finding: z.enum(WALK_FINDINGS) }).transform((p) => ({ ...p, kind: 'activity' as const })),
      target: reportTarget<{ kind: 'activity'; id: string }>(f.reporting), right: 'member', writes: false,
      handle: async ({ ctx, payload, target: { report } }) => {
        const m = messages(ctx.locale);
        if (report.kind !== 'activity' || !report.placeId || !report.walkFindings.includes(payload.finding)) return cards.notice(m.trust.unavailable, { tone: 'attention' });
        return f.views.newForm('incident', ctx, {
          placeId: report.placeId, category: FINDING_CATEGORY[payload.finding], schoolId: report.schoolId ?? '', description: schoolCards.walkFindingText(m, payload.finding),
        });
      },
    }),
    verb({
      verb: SCHOOL_VERBS.newForm, payload: nothing, target: noTarget, right: 'coordinator', writes: false,
      handle: async ({ ctx }) => view(ctx, null, true),
    }),
    verb({
      verb: SCHOOL_VERBS.add, payload: schoolForm.extend({ maskingConfirmed: flag }), target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload: { maskingConfirmed, ...values } }) => save(ctx, values, null, maskingConfirmed === true),
    }),
    verb({
      verb: SCHOOL_VERBS.save, payload: schoolForm.extend({ id, version, maskingConfirmed: flag }), target, right: 'school.manage', writes: true,
      handle: async ({ ctx, payload: { id: _id, version: v, maskingConfirmed, ...values }, target: { school } }) =>
        save(ctx, values, { school, version: v }, maskingConfirmed === true),
    }),
    verb({
      verb: SCHOOL_VERBS.importForm, payload: nothing, target: noTarget, right: 'coordinator', writes: false,
      handle: async ({ ctx }) => schoolCards.schoolImport(ctx.locale),
    }),
    verb({
      verb: SCHOOL_VERBS.import, payload: z.object({ csv: z.string().max(SCHOOL_CSV_MAX) }), target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => importSchools(f, ctx, payload.csv),
    }),
  ];
}

export function schoolCommands(f: SchoolFeature): CommandEntry[] {
  return [
    command({
      command: 'schools', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx }) => [cardReply(await listCard(f, ctx, await f.access.allows('coordinator', ctx.scope, ctx.actor, { kind: 'none' })))],
    }),
    command({
      command: 'school', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx, payload }) => [await pictureByName(f, ctx, payload.args)],
    }),
  ];
}

/** The most reports of each kind a picture counts: far more than a school has in the windows it looks at. */
const PICTURE_ROWS_MAX = 5000;

/** The school's picture, counted from the reports the caller may see (their conversation's). */
async function picture(f: SchoolFeature, ctx: ChatContext, school: School): Promise<AdaptiveCard> {
  const now = f.clock.now();
  const reports = await f.schools.reports(ctx.scope, school.id, pictureSince(now, f.zone), PICTURE_ROWS_MAX);
  return schoolCards.schoolPictureCard(ctx.locale, buildSchoolPicture(school, reports, now, f.zone));
}

/** `skola <namn>`: the school the name matches; never a guess between two, and a clear answer when none fits. */
async function pictureByName(f: SchoolFeature, ctx: ChatContext, args: string): Promise<Reply> {
  const s = messages(ctx.locale).schools;
  const typed = args.trim().slice(0, LIMITS.placeNameMax);
  if (typed === '') return textReply(s.whichSchool);
  const match = await f.schools.findByName(ctx.scope, typed);
  if (match.kind === 'sure') return cardReply(await picture(f, ctx, match.school));
  const notFound = format(s.notFound, { typed: safeText(typed) });
  if (match.candidates.length === 0) return cardReply(cards.notice(`${notFound} ${s.whichSchool}`, { tone: 'attention' }));
  return cardReply(cards.notice(`${notFound} ${s.closeMatches}`, {
    tone: 'attention', actions: match.candidates.map((c) => ({ title: safeText(c.name), verb: SCHOOL_VERBS.picture, data: { id: c.id } })),
  }));
}

async function listCard(f: SchoolFeature, ctx: ChatContext, mayAdd: boolean): Promise<AdaptiveCard> {
  const [schools, places] = await Promise.all([f.service.list(ctx.scope), f.places.all(ctx.scope, PLACE_REGISTER_MAX)]);
  return schoolCards.schoolList(ctx.locale, schools, new Map(places.map((p: Place) => [p.id, p])), mayAdd);
}

/** A refusal of the whole form in the user's words; a field it is about gets the message too. */
function refusal(m: Catalogue, outcome: Extract<SchoolSave, { ok: false }>): { warning: string; errors?: FieldErrors<SchoolFormField> } {
  const c = m.schools.card;
  switch (outcome.reason) {
    case 'name_taken': return { warning: c.nameTaken };
    case 'place_missing': return { warning: c.placeMissing };
    case 'conflict': return { warning: c.conflict };
    case 'unknown_person': return { warning: c.unknownPerson };
    case 'missing': return { warning: m.trust.unavailable };
    case 'personal_data': return { warning: '' };
  }
}

/** What an import of school CSV came to: the confirmation card, or why nothing was imported (a line and its reason). */
export type SchoolCsvImport = { ok: true; card: AdaptiveCard } | { ok: false; problem: string };

/** CSV text (pasted on the import card, or a file's) to schools: all or nothing; a bad line is named with its number and reason. */
export async function importSchoolCsv(f: Pick<SchoolFeature, 'service'>, ctx: ChatContext, csv: string): Promise<SchoolCsvImport> {
  const m = messages(ctx.locale);
  const i = m.schools.import;
  const parsed = parseSchoolCsv(csv);
  const failed = (line: number, reason: string): SchoolCsvImport => ({ ok: false, problem: format(i.failed, { line, reason }) });
  if (!parsed.ok) return failed(parsed.line, problemText(m, parsed.problem));
  if (parsed.rows.length === 0) return { ok: false, problem: i.empty };
  const outcome = await f.service.import(ctx.actor.userId, ctx.scope, parsed.rows);
  if (!outcome.ok) {
    const reason = outcome.reason === 'personal_data'
      ? format(i.reason.personalData, { what: [...new Set(outcome.findings.map((x) => m.personalDataKind[x.kind]))].join(', ') })
      : outcome.reason === 'name_taken' ? i.reason.nameTaken : m.schools.card.placeMissing;
    return failed(outcome.line, reason);
  }
  return {
    ok: true,
    card: cards.notice(format(i.done, { count: outcome.schools.length, names: outcome.schools.map((s) => safeText(s.name)).join(', ') }), {
      tone: 'good', actions: [{ title: m.schools.list.title, verb: SCHOOL_VERBS.list, data: {} }],
    }),
  };
}

/** The import card's answer: on failure the card again, with the text kept and the reason. */
async function importSchools(f: SchoolFeature, ctx: ChatContext, csv: string): Promise<AdaptiveCard> {
  const imported = await importSchoolCsv(f, ctx, csv);
  return imported.ok ? imported.card : schoolCards.schoolImport(ctx.locale, csv, imported.problem);
}

function problemText(m: Catalogue, problem: SchoolCsvProblem): string {
  const r = m.schools.import.reason;
  switch (problem.reason) {
    case 'nameTooLong': case 'placeTooLong': case 'tooMany': return format(r[problem.reason], { max: problem.max });
    case 'stages': return format(r.stages, { value: safeText(problem.value) });
    default: return r[problem.reason];
  }
}
