import { parse } from 'csv-parse/sync';
import { foldText } from '../../domain/place';
import { LIMITS } from '../../domain/limits';
import { SCHOOL_STAGES, schoolKey, type SchoolStage } from '../../domain/schools/school';
import type { SchoolImportRow } from '../../domain/schools/school-register-service';

// A school register as CSV text (pasted on the import card, or a file's text): one school a line,
// "namn;stadier;plats" (a comma also separates fields when no semicolon is used). Parsing stops at the
// first bad line with its number and a reason code; the card says it in the user's language.

/** The most schools one import adds: a municipality has tens. */
export const SCHOOL_IMPORT_MAX = 200;

/** A school as read from its line: what the register's import takes (SchoolImportRow). */
export type SchoolCsvRow = SchoolImportRow;

export type SchoolCsvProblem =
  | { reason: 'columns' | 'name' | 'noStages' | 'quotes' | 'duplicate' }
  | { reason: 'nameTooLong' | 'placeTooLong' | 'tooMany'; max: number }
  | { reason: 'stages'; value: string };

export type SchoolCsv = { ok: true; rows: SchoolCsvRow[] } | { ok: false; line: number; problem: SchoolCsvProblem };

/** How a stage may be written: "F-6", "f–6", "F6", "7-9", "79", "gymnasium", "gy". */
const STAGE_WORDS: Record<string, SchoolStage> = { f6: 'f-6', '79': '7-9', gymnasium: 'gymnasium', gy: 'gymnasium', gymnasiet: 'gymnasium' };

function stageOf(word: string): SchoolStage | null {
  return STAGE_WORDS[foldText(word).replace(/[^a-z0-9]/g, '')] ?? null;
}

/** The first column's name in a header line (namn;stadier;plats / name;stages;place), folded. */
export const SCHOOL_HEADER_WORDS: readonly string[] = ['namn', 'name', 'skola', 'school'];

/** A first line that names the columns is not a school. */
function isHeader(fields: string[]): boolean {
  return SCHOOL_HEADER_WORDS.includes(foldText(fields[0] ?? '').trim());
}

export function parseSchoolCsv(text: string): SchoolCsv {
  const delimiter = text.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { ok: false, line, problem: { reason: 'quotes' } };
  }
  const rows: SchoolCsvRow[] = [];
  const seen = new Set<string>();
  for (const [index, { record, info }] of records.entries()) {
    const line = info.lines;
    if (index === 0 && isHeader(record)) continue;
    if (record.every((f) => f === '')) continue;
    if (rows.length >= SCHOOL_IMPORT_MAX) return { ok: false, line, problem: { reason: 'tooMany', max: SCHOOL_IMPORT_MAX } };
    const checked = readRow(record, line);
    if ('reason' in checked) return { ok: false, line, problem: checked };
    const key = schoolKey(checked.name);
    if (seen.has(key)) return { ok: false, line, problem: { reason: 'duplicate' } };
    seen.add(key);
    rows.push(checked);
  }
  return { ok: true, rows };
}

function readRow(fields: string[], line: number): SchoolCsvRow | SchoolCsvProblem {
  if (fields.length > 3) return { reason: 'columns' };
  const [name = '', stagesText = '', place = ''] = fields;
  if (name === '') return { reason: 'name' };
  if (name.length > LIMITS.placeNameMax) return { reason: 'nameTooLong', max: LIMITS.placeNameMax };
  if (place.length > LIMITS.placeNameMax) return { reason: 'placeTooLong', max: LIMITS.placeNameMax };
  // Within the field, stages are separated by commas, plus signs, slashes or spaces ("F-6, 7-9").
  const words = stagesText.split(/[,+/\s]+/).filter(Boolean);
  if (words.length === 0) return { reason: 'noStages' };
  const stages: SchoolStage[] = [];
  for (const word of words) {
    const stage = stageOf(word);
    if (!stage) return { reason: 'stages', value: word.slice(0, 20) };
    stages.push(stage);
  }
  return { line, name, stages: SCHOOL_STAGES.filter((s) => stages.includes(s)), place: place === '' ? null : place };
}
