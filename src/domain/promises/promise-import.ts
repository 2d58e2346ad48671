import { DateTime } from 'luxon';
import { foldText } from '../place';
import { guardFreeText } from '../privacy/free-text';
import { ORGANISATIONS, type Organisation } from '../vocabulary';
import { PROMISE_LIMITS, type NewCommitment, type NewPromise } from './promise';

/**
 * One line of an import file, as read (see examples/medborgarloften-kungsor-2020.csv): a `löfte` line
 * starts a promise (år, titel, text); each `åtagande` line after it is one of its commitments (text,
 * organisationer, från, till). `line` is the line number in the file, for the message.
 */
export interface ImportRow {
  line: number;
  kind: string;
  year: string;
  title: string;
  text: string;
  organisations: string;
  from: string;
  to: string;
}

export type ImportErrorCode =
  | 'unknown_kind' | 'commitment_before_promise' | 'promise_without_commitment' | 'missing_title' | 'missing_text'
  | 'bad_year' | 'missing_organisation' | 'unknown_organisation' | 'bad_day' | 'period_reversed' | 'period_outside_year'
  | 'too_long' | 'personal_data' | 'duplicate_title' | 'too_many' | 'empty' | 'unreadable';

/** What is wrong, and on which line of the file (0: the file as a whole). `detail`: the word or kind in question. */
export interface ImportError {
  line: number;
  code: ImportErrorCode;
  detail?: string;
}

export type ImportRead = { ok: true; promises: NewPromise[]; lines: number[] } | { ok: false; errors: ImportError[] };

/** At most this many errors are listed: a wholly wrong file is not a page of messages. */
const MAX_ERRORS = 10;

/** `löfte` / `åtagande` in any case or accents, and their English words. */
const KINDS: Record<string, 'promise' | 'commitment'> = { lofte: 'promise', promise: 'promise', atagande: 'commitment', commitment: 'commitment' };

/**
 * Reads the lines of an import into promises, or every error found (line and reason). Nothing is
 * half-read: one error anywhere and there is nothing to import. Texts pass the personal-data guard: an
 * import is not a form, there is no "save anyway", so a finding is an error at its line.
 */
export function readImport(rows: readonly ImportRow[]): ImportRead {
  const errors: ImportError[] = [];
  const promises: NewPromise[] = [];
  const lines: number[] = [];
  const fail = (line: number, code: ImportErrorCode, detail?: string) => errors.push({ line, code, ...(detail ? { detail } : {}) });
  let current: { promise: NewPromise; line: number } | null = null;
  const close = () => {
    if (current && current.promise.commitments.length === 0) fail(current.line, 'promise_without_commitment');
  };

  for (const row of rows) {
    const kind = KINDS[foldText(row.kind).trim()];
    if (!kind) {
      fail(row.line, 'unknown_kind', row.kind.slice(0, 40));
      continue;
    }
    if (kind === 'promise') {
      close();
      const promise = readPromise(row, fail);
      current = promise ? { promise, line: row.line } : null;
      if (promise) {
        promises.push(promise);
        lines.push(row.line);
      }
      continue;
    }
    if (!current) {
      // A commitment after a promise line that was wrong is not a second error.
      if (!errors.some((e) => e.line < row.line)) fail(row.line, 'commitment_before_promise');
      continue;
    }
    const commitment = readCommitment(row, current.promise.year, fail);
    if (commitment) current.promise.commitments.push(commitment);
  }
  close();
  if (rows.length === 0) fail(0, 'empty');
  if (promises.length > PROMISE_LIMITS.promisesPerYear || promises.reduce((n, p) => n + p.commitments.length, 0) > PROMISE_LIMITS.commitmentsPerYear) fail(0, 'too_many');
  const seen = new Map<string, number>();
  promises.forEach((p, i) => {
    const key = `${p.year}\n${foldText(p.title)}`;
    if (seen.has(key)) fail(lines[i]!, 'duplicate_title');
    seen.set(key, i);
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS) };
  return { ok: true, promises, lines };
}

type Fail = (line: number, code: ImportErrorCode, detail?: string) => void;

/** The errors of one line: each is reported as found, and the line is read only when it had none. */
function lineErrors(row: ImportRow, fail: Fail) {
  let found = 0;
  return {
    bad: (code: ImportErrorCode, detail?: string) => {
      found += 1;
      fail(row.line, code, detail);
    },
    none: () => found === 0,
  };
}

function readPromise(row: ImportRow, fail: Fail): NewPromise | null {
  const { bad, none } = lineErrors(row, fail);
  const year = /^\d{4}$/.test(row.year.trim()) ? Number(row.year.trim()) : NaN;
  if (!(year >= 2000 && year <= 2100)) bad('bad_year', row.year.slice(0, 10));
  const title = row.title.trim();
  const text = row.text.trim();
  if (title === '') bad('missing_title');
  if (title.length > PROMISE_LIMITS.titleMax || text.length > PROMISE_LIMITS.textMax) bad('too_long');
  const guarded = guardFreeText('promise', { title, text }, {});
  if (!guarded.ok) bad('personal_data', guarded.findings[0]?.kind);
  if (!none() || !guarded.ok) return null;
  return { year, title: guarded.texts.title ?? title, text: guarded.texts.text ?? '', commitments: [] };
}

function readCommitment(row: ImportRow, year: number, fail: Fail): NewCommitment | null {
  const { bad, none } = lineErrors(row, fail);
  const text = row.text.trim();
  if (text === '') bad('missing_text');
  else if (text.length > PROMISE_LIMITS.commitmentMax) bad('too_long');
  const organisations = organisationsIn(row.organisations);
  if (organisations.unknown) bad('unknown_organisation', organisations.unknown.slice(0, 40));
  else if (organisations.found.length === 0) bad('missing_organisation');
  // An empty period is the promise's year.
  const from = row.from.trim() === '' ? `${year}-01-01` : row.from.trim();
  const to = row.to.trim() === '' ? `${year}-12-31` : row.to.trim();
  const days = [from, to].filter((d) => !isDay(d));
  if (days.length > 0) bad('bad_day', days[0]!.slice(0, 20));
  else if (from > to) bad('period_reversed');
  else if (!from.startsWith(String(year)) && !to.startsWith(String(year))) bad('period_outside_year');
  const guarded = guardFreeText('commitment', { text }, {});
  if (!guarded.ok) bad('personal_data', guarded.findings[0]?.kind);
  if (!none() || !guarded.ok) return null;
  return { text: guarded.texts.text ?? text, organisations: organisations.found, periodFrom: from, periodTo: to };
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;

/**
 * Organisations named by their code or their Swedish name ("Polisen, skolan, socialtjänsten och
 * kommunen"): folded, a label's definite form ("skolan") is its code. `unknown`: the first word that
 * names none.
 */
export function organisationsIn(text: string): { found: Organisation[]; unknown: string | null } {
  const found: Organisation[] = [];
  for (const word of text.split(/\s*(?:,|;|\/|\boch\b|\band\b)\s*/i).map((w) => w.trim()).filter(Boolean)) {
    const organisation = organisationNamed(word);
    if (!organisation) return { found, unknown: word };
    if (!found.includes(organisation)) found.push(organisation);
  }
  return { found, unknown: null };
}

const SYNONYMS: Record<string, Organisation> = {
  skolan: 'skola', socialtjansten: 'socialtjanst', kommun: 'kommunen', sakerhetssamordnare: 'kommunen',
  sakerhetssamordnaren: 'kommunen', fritiden: 'fritid', raddningstjansten: 'raddningstjanst', police: 'polisen', school: 'skola',
};

function organisationNamed(word: string): Organisation | null {
  const folded = foldText(word).replace(/[^a-z]/g, '');
  return ORGANISATIONS.find((o) => o === folded) ?? SYNONYMS[folded] ?? null;
}
