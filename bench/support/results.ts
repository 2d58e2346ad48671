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
  /** Measures that alternate the two sides: the lowest and highest ratio of a single round, to show how noisy the run was. */
  spread?: { min: number; max: number; rounds: number };
}

export function figure(measure: string, name: string, value: number, unit: string, baseline?: { name: string; value: number }, note?: string): Figure {
  return {
    measure, name, value: round(value), unit,
    baseline: baseline ? { name: baseline.name, value: round(baseline.value) } : null,
    ratio: baseline && baseline.value !== 0 ? round(value / baseline.value) : null,
    ...(note ? { note } : {}),
  };
}

/** The figure with the spread of its per-round ratios (those that are numbers). */
export function withSpread(f: Figure, ratios: readonly number[]): Figure {
  const finite = ratios.filter(Number.isFinite);
  if (finite.length === 0) return f;
  return { ...f, spread: { min: round(Math.min(...finite)), max: round(Math.max(...finite)), rounds: finite.length } };
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
    f.measure, f.name, `${f.value} ${f.unit}`, f.baseline ? `${f.baseline.value} ${f.unit} (${f.baseline.name})` : '–', ratioCell(f),
  ]);
  const head = ['measure', 'figure', 'value', 'baseline', 'ratio'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The pooled ratio, and of an alternating measure the range of its rounds' ratios. */
function ratioCell(f: Figure): string {
  if (f.ratio === null) return '–';
  return f.spread ? `${f.ratio} × (rounds ${f.spread.min}–${f.spread.max})` : `${f.ratio} ×`;
}

export function writeResults(file: string, machine: Machine, figures: readonly Figure[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, figures }, null, 2)}\n`);
}
