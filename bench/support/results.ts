import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One figure of the benchmark: what was measured, its baseline from the same run, and their ratio. */
export interface Figure {
  measure: string;
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number } | null;
  /** value / baseline.value; null when the figure has no baseline (a count of duplicates, say). */
  ratio: number | null;
  note?: string;
}

export function figure(measure: string, name: string, value: number, unit: string, baseline?: { name: string; value: number }, note?: string): Figure {
  return {
    measure, name, value: round(value), unit,
    baseline: baseline ? { name: baseline.name, value: round(baseline.value) } : null,
    ratio: baseline && baseline.value !== 0 ? round(value / baseline.value) : null,
    ...(note ? { note } : {}),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  quick: boolean;
}

/** The table printed on the terminal (and pasted into the README). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.measure, f.name, `${f.value} ${f.unit}`, f.baseline ? `${f.baseline.value} ${f.unit} (${f.baseline.name})` : '–', f.ratio === null ? '–' : `${f.ratio} ×`,
  ]);
  const head = ['measure', 'figure', 'value', 'baseline', 'ratio'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function writeResults(file: string, machine: Machine, figures: readonly Figure[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, figures }, null, 2)}\n`);
}
