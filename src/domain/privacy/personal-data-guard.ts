import { cleanText, matchingView } from './clean-text';

// One guard for every free-text field: personal identity and coordination numbers, phone numbers,
// e-mail addresses and car registration numbers do not belong in reports about places. Each is found,
// explained to the reporter before saving, and masked in what is stored.
//
// How a text is read:
// 1. It is cleaned (NFC, no zero-width or bidi control characters): what is stored is the cleaned text.
// 2. It is matched in a plain view of the cleaned text (full-width digits as ASCII, any dash as "-",
//    any space as " "), one character for one, so a match is also a place in the cleaned text.
// 3. Every pattern proposes matches, including the "never masked" ones (K-nummer, dates, times). Where
//    matches overlap, the longest wins, and of equally long ones the most specific: a phone number beats
//    a three-letter word before it, a K-nummer beats the phone number its digits would make.

export type PersonalDataKind =
  | 'personnummer'
  | 'samordningsnummer'
  /** Shaped like a personal identity number next to a date of birth, but the check digit is wrong (a typo?). */
  | 'möjligt personnummer'
  | 'telefonnummer'
  | 'e-post'
  | 'registreringsnummer';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** How the finding reads once masked, e.g. 20050101-****. Never the original. */
  masked: string;
}

interface Candidate {
  /** null: a protected text (K-nummer, a date, a time) that no match may cut into; never masked. */
  kind: PersonalDataKind | null;
  masked: string;
  start: number;
  end: number;
  /** Of two equally long overlapping matches, the higher wins. */
  specificity: number;
}

const SPECIFICITY = {
  protected: 10,
  email: 8,
  identityWithSeparator: 7,
  phone: 5,
  identityBare: 4,
  possibleIdentityBare: 2,
  registration: 1,
} as const;

/** Not after a digit, nor after a digit and a separator (not in the middle of a longer number). */
const NOT_INSIDE_A_NUMBER = String.raw`(?<!\d)(?<!\d[-./])`;

// 10 or 12 digits, the last four after -, +, ., a space or nothing (+ marks people aged 100 or more).
// Letters may touch it ("pnr811218-9876", "811218-9876a"); digits may not.
const IDENTITY_NUMBER = new RegExp(String.raw`${NOT_INSIDE_A_NUMBER}((?:19|20)?\d{6})( ?[-+.] ?| )?(\d{4})(?!\d)(?![-./]\d)`, 'g');

// local@domain.tld, also with (at), [at], {at}, <at> or (a) for @ and (dot), [dot], (punkt) for the dots.
const AT = String.raw`(?:\s*@\s*|\s*[([{<]\s*(?:at|a|snabel-?a)\s*[)\]}>]\s*)`;
const DOT = String.raw`(?:\.|\s*[([{<]\s*(?:dot|punkt)\s*[)\]}>]\s*)`;
const EMAIL = new RegExp(String.raw`[\p{L}\d_%+-]+(?:\.[\p{L}\d_%+-]+)*${AT}[\p{L}\d-]+(?:${DOT}[\p{L}\d-]+)*${DOT}\p{L}{2,}(?![\p{L}\d])`, 'giu');

// Swedish numbers: +46, 0046, 46 before a mobile 7, or 0; then 7–10 digits, each group apart by up to three
// of space . - / ( ). Whether the digits make a number is decided after (phoneDigits).
const PHONE = new RegExp(String.raw`${NOT_INSIDE_A_NUMBER}(?<![+])(?:\+\s?46|0046|46(?=[\s.\-/]?7)|0)(?:[\s.\-/()]{0,3}\d){7,10}(?!\d)`, 'g');

// ABC123 or ABC12D; Swedish plates never use I, Q, V, Å, Ä or Ö. Capitals may be written apart
// ("ABC 123", "ABC-123", "ABC  123"); small letters only together ("abc123") or in the new form ("abc 12d"),
// so that "och 100 personer" is not a plate.
const REGISTRATION = /(?<![\p{L}\d])([A-HJ-PR-UW-Z]{3})( {0,3}| ?- ?)(\d{2}[\dA-HJ-PR-UW-Z])(?![\p{L}\d])(?![-./]\d)/giu;

// Never masked, and no match may cut into them: police case numbers, dates and times.
const PROTECTED = [
  // K-nummer: K123456-26, 5000-K123456-26 (any case, spaces around the dash).
  /(?<![\p{L}\d])(?:\d{4} ?- ?)?K ?\d{1,8} ?- ?\d{2}(?![\p{L}\d])/giu,
  // 2026-11-24, 2026-11-24 21:15
  /(?<!\d)(?:19|20)\d{2}-[01]\d-[0-3]\d(?!\d)/g,
  // 24/11, 24/11/2026, 24.11.2026
  /(?<![\d/.])[0-3]?\d(?:\/[01]?\d(?:\/(?:\d{4}|\d{2}))?|\.[01]?\d\.(?:\d{4}|\d{2}))(?![\d/])/g,
  // 21:15, 07.30, and ranges: 07.30-08.15, 21:00 - 23:30
  /(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?: ?- ?(?:[01]?\d|2[0-3])[:.][0-5]\d)?(?![\d:])/g,
  // 0730-0815, 2200 - 0200
  /(?<![\d.:])(?:[01]\d|2[0-3])[0-5]\d ?- ?(?:[01]\d|2[0-3])[0-5]\d(?![\d:])/g,
];

/** Luhn over the ten-digit form YYMMDDNNNC, as Skatteverket computes the check digit. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Month 01–12; day 01–31, or 61–91 for a coordination number (day + 60). */
function identityKind(date: string): 'personnummer' | 'samordningsnummer' | null {
  const month = Number(date.slice(-4, -2));
  const day = Number(date.slice(-2));
  if (month < 1 || month > 12) return null;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return null;
}

function identityNumbers(view: string): Candidate[] {
  return [...view.matchAll(IDENTITY_NUMBER)].flatMap((m) => {
    const [whole, date, separator = '', last] = m as unknown as [string, string, string | undefined, string];
    const dateKind = identityKind(date);
    if (!dateKind) return [];
    const valid = luhnValid(date.slice(-6) + last);
    const marked = separator.trim() !== '' || date.length === 8;
    const kind: PersonalDataKind = valid ? dateKind : 'möjligt personnummer';
    const specificity = marked ? SPECIFICITY.identityWithSeparator : valid ? SPECIFICITY.identityBare : SPECIFICITY.possibleIdentityBare;
    return [{ kind, masked: `${date}${separator.trim() === '+' ? '+' : '-'}****`, start: m.index, end: m.index + whole.length, specificity }];
  });
}

/** The national number (0 first) the digits make, or null when they cannot be a Swedish phone number. */
function phoneDigits(found: string): string | null {
  const digits = found.replace(/\D/g, '');
  const national = found.trimStart().startsWith('+') || digits.startsWith('0046') || (digits.startsWith('46') && !found.startsWith('0'))
    ? `0${digits.replace(/^(00)?46/, '').replace(/^0/, '')}`
    : digits;
  return national.length >= 8 && national.length <= 10 && !national.startsWith('00') ? national : null;
}

function phones(view: string): Candidate[] {
  return [...view.matchAll(PHONE)].flatMap((m) => {
    const found = m[0];
    if (!phoneDigits(found)) return [];
    return [{
      kind: 'telefonnummer' as const, masked: `${found.slice(0, 3)}${found.slice(3).replace(/\d/g, '*')}`,
      start: m.index, end: m.index + found.length, specificity: SPECIFICITY.phone,
    }];
  });
}

function registrations(view: string): Candidate[] {
  return [...view.matchAll(REGISTRATION)].flatMap((m) => {
    const [whole, letters, separator, tail] = m as unknown as [string, string, string, string];
    const capitals = letters === letters.toUpperCase();
    const newForm = /\p{L}$/u.test(tail);
    if (!capitals && separator !== '' && !newForm) return [];
    return [{ kind: 'registreringsnummer' as const, masked: '[reg.nr]', start: m.index, end: m.index + whole.length, specificity: SPECIFICITY.registration }];
  });
}

function emails(view: string): Candidate[] {
  return [...view.matchAll(EMAIL)].map((m) => ({
    kind: 'e-post' as const, masked: '[e-post]', start: m.index, end: m.index + m[0].length, specificity: SPECIFICITY.email,
  }));
}

function protectedTexts(view: string): Candidate[] {
  return PROTECTED.flatMap((pattern) => [...view.matchAll(pattern)].map((m) => ({
    kind: null, masked: m[0], start: m.index, end: m.index + m[0].length, specificity: SPECIFICITY.protected,
  })));
}

/** The matches kept: no two overlap; the longest wins, then the most specific, then the first. */
function resolve(candidates: Candidate[]): (Candidate & { kind: PersonalDataKind })[] {
  const ranked = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.specificity - a.specificity || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.filter((c): c is Candidate & { kind: PersonalDataKind } => c.kind !== null).sort((a, b) => a.start - b.start);
}

function allMatches(cleaned: string) {
  const view = matchingView(cleaned);
  return resolve([...protectedTexts(view), ...identityNumbers(view), ...emails(view), ...phones(view), ...registrations(view)]);
}

type Match = ReturnType<typeof allMatches>[number];

const findingsOf = (matches: readonly Match[]): PersonalDataFinding[] => matches.map(({ kind, masked }) => ({ kind, masked }));

/** The cleaned text with each match (in reading order) replaced by its masked form, the last first so that the earlier places hold. */
function masking(cleaned: string, matches: readonly Match[]): string {
  let out = cleaned;
  for (let i = matches.length - 1; i >= 0; i--) out = out.slice(0, matches[i]!.start) + matches[i]!.masked + out.slice(matches[i]!.end);
  return out;
}

/** What the guard finds in a text, in reading order, each as it reads once masked. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  return findingsOf(allMatches(cleanText(text)));
}

/** The text as stored: cleaned, with every finding replaced by its masked form. */
export function maskPersonalData(text: string): string {
  const cleaned = cleanText(text);
  return masking(cleaned, allMatches(cleaned));
}

/**
 * Both of the above from one reading of the text: the guard before a save needs the findings and the
 * stored text, and reading twice was half of its time in a report submit (issue 14).
 */
export function guardText(text: string): { findings: PersonalDataFinding[]; masked: string } {
  const cleaned = cleanText(text);
  const matches = allMatches(cleaned);
  return { findings: findingsOf(matches), masked: masking(cleaned, matches) };
}
