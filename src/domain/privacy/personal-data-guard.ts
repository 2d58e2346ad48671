// One guard for every free-text field: personal identity and coordination numbers, phone numbers,
// e-mail addresses and car registration numbers do not belong in reports about places. Each is found,
// explained to the reporter before saving, and masked in what is stored.

export type PersonalDataKind = 'personnummer' | 'samordningsnummer' | 'telefonnummer' | 'e-post' | 'registreringsnummer';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** How the finding reads once masked, e.g. 20050101-****. Never the original. */
  masked: string;
}

interface Match extends PersonalDataFinding {
  start: number;
  end: number;
}

// 10 or 12 digits, optionally with - or + before the last four (+ marks people aged 100 or more).
const IDENTITY_NUMBER = /(?<![\d\p{L}-])((?:19|20)?\d{6})([-+]?)(\d{4})(?![\d\p{L}])/gu;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;
// Swedish numbers: +46 or 0, then 7–9 more digits in groups separated by spaces or dashes.
const PHONE = /(?<![\d\p{L}])(?:\+46|0046|0)[\s-]?\(?0?\d{1,3}\)?(?:[\s-]?\d){5,8}(?![\d\p{L}])/gu;
// ABC123 or ABC12D; Swedish plates never use I, Q, V, Å, Ä or Ö.
const REGISTRATION = /(?<![\p{L}\d])([A-HJ-PR-UW-Z]{3})\s?(\d{2}[\dA-HJ-PR-UW-Z])(?![\p{L}\d])/giu;

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

function identityNumbers(text: string): Match[] {
  return [...text.matchAll(IDENTITY_NUMBER)].flatMap((m) => {
    const [whole, date, separator, last] = m as unknown as [string, string, string, string];
    const kind = identityKind(date);
    if (!kind || !luhnValid(date.slice(-6) + last)) return [];
    return [{ kind, masked: `${date}${separator || '-'}****`, start: m.index, end: m.index + whole.length }];
  });
}

function simple(text: string, pattern: RegExp, kind: PersonalDataKind, mask: (found: string) => string): Match[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, masked: mask(m[0]), start: m.index, end: m.index + m[0].length }));
}

function digitsOf(text: string): number {
  return text.replace(/\D/g, '').length;
}

function allMatches(text: string): Match[] {
  const found = [
    ...identityNumbers(text),
    ...simple(text, EMAIL, 'e-post', () => '[e-post]'),
    ...simple(text, PHONE, 'telefonnummer', (p) => `${p.slice(0, 3)}${p.slice(3).replace(/\d/g, '*')}`)
      .filter((m) => digitsOf(text.slice(m.start, m.end)) >= 8),
    ...simple(text, REGISTRATION, 'registreringsnummer', () => '[reg.nr]'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // Where patterns overlap (a phone number that also passes as an identity number), the first, longest wins.
  const kept: Match[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept;
}

export function findPersonalData(text: string): PersonalDataFinding[] {
  return allMatches(text).map(({ kind, masked }) => ({ kind, masked }));
}

export function maskPersonalData(text: string): string {
  let out = text;
  for (const m of allMatches(text).reverse()) out = out.slice(0, m.start) + m.masked + out.slice(m.end);
  return out;
}
