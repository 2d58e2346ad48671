import { guardText, type PersonalDataFinding } from './personal-data-guard';

export interface FieldFinding<K extends string> extends PersonalDataFinding {
  field: K;
}

/** Runs the guard over several free-text fields at once: what was found where, and the masked texts. */
export function maskFields<K extends string>(texts: Partial<Record<K, string | null>>): {
  masked: Partial<Record<K, string | null>>;
  findings: FieldFinding<K>[];
} {
  const masked: Partial<Record<K, string | null>> = {};
  const findings: FieldFinding<K>[] = [];
  for (const field of Object.keys(texts) as K[]) {
    const text = texts[field];
    if (!text) {
      masked[field] = text ?? null;
      continue;
    }
    const read = guardText(text);
    findings.push(...read.findings.map((f) => ({ ...f, field })));
    masked[field] = read.masked;
  }
  return { masked, findings };
}
