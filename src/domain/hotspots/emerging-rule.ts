/**
 * Emerging hot spots: which places show a new or growing problem, from weekly incident counts alone.
 *
 * The rule of shared/DOMAIN.md, modelled on emerging hot-spot analysis (Getis-Ord Gi* + Mann-Kendall)
 * reduced to what works without neighbours:
 *  1. Baseline rate λ = (incidents in the previous 8 weeks + 1) / 9; the +1 keeps a quiet place from
 *     having λ = 0, where any single incident would be "impossible".
 *  2. A week is a spike when its count c ≥ 3 and the Poisson tail P(X ≥ c | λ) ≤ 0.01.
 *  3. A rising trend: over the last 8–10 weeks (at least 8 weeks of data and 5 incidents),
 *     Mann-Kendall z ≥ 1.645 (one-sided 5 %) and a positive Sen slope.
 *  4. Labels: ny (spike now, none in the 8 weeks before), återkommande (spikes in at least the last
 *     2 weeks in a row), ihållande (spikes in at least 90 % of the weeks looked at), ökande (trend).
 *  5. Many places are tested at once, so the current week's spike and the trend are each kept only
 *     when they survive Benjamini–Hochberg across all places: by chance alone, some of 50 quiet places
 *     would otherwise cross a 1 % line every few weeks.
 *
 * Counts are per week, oldest first, the last being the latest week. Every threshold is in RULE.
 */
export const RULE = {
  baselineWeeks: 8,
  spikeMinCount: 3,
  spikeAlpha: 0.01,
  trendMinWeeks: 8,
  trendMaxWeeks: 10,
  trendMinIncidents: 5,
  /** One-sided 5 %: z ≥ 1.645. */
  trendMinZ: 1.645,
  trendAlpha: 0.05,
  persistentShare: 0.9,
  /** Weeks looked back for ihållande: the trend window. */
  labelWeeks: 10,
} as const;

/** How many weeks of counts the rule needs to see everything it looks at. */
export const WEEKS_NEEDED = RULE.baselineWeeks + RULE.labelWeeks;

export type EmergingLabel = 'ny' | 'aterkommande' | 'ihallande' | 'okande';

export interface PlaceSeries<K extends string = string> {
  key: K;
  /** Incidents per week, oldest first; the last is the latest week. */
  counts: readonly number[];
}

export interface EmergingFinding<K extends string = string> {
  key: K;
  label: EmergingLabel;
  /** Incidents in the latest week. */
  latest: number;
  /** Mean per week over the 8 weeks before the latest. */
  baselineMean: number;
  baselineWeeks: number;
  /** Sen slope in incidents per week, and the weeks it was computed over; null without a trend. */
  trend: { slope: number; weeks: number; z: number } | null;
}

// ---- statistics ---------------------------------------------------------------------------------

/** P(X ≥ c) for X ~ Poisson(λ), summed as 1 − P(X ≤ c − 1) term by term (c is small here). */
export function poissonUpperTail(c: number, lambda: number): number {
  if (c <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let k = 1; k < c; k++) {
    term *= lambda / k;
    below += term;
  }
  return Math.max(0, 1 - below);
}

/** Mann-Kendall S, its variance with the tie correction, and the continuity-corrected z. */
export function mannKendall(xs: readonly number[]): { s: number; variance: number; z: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j]! - xs[i]!);
  const ties = new Map<number, number>();
  for (const x of xs) ties.set(x, (ties.get(x) ?? 0) + 1);
  const tieTerm = [...ties.values()].reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  // All values equal: no variance and no trend (not a division by zero).
  const z = variance <= 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, variance, z };
}

/** Sen's slope: the median of the slopes between every pair of weeks. */
export function senSlope(xs: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length - 1; i++) for (let j = i + 1; j < xs.length; j++) slopes.push((xs[j]! - xs[i]!) / (j - i));
  return median(slopes);
}

/** One-sided p-value of a standard normal z: P(Z ≥ z). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Benjamini–Hochberg: which of the p-values are kept at false discovery rate q. Returns a flag per
 * p-value, in the order given; null p-values (not tested) are never kept but count as tests.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[], q: number): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).filter((e): e is { p: number; i: number } => e.p !== null).sort((a, b) => a.p - b.p);
  let cutoff = -1;
  order.forEach((e, rank) => { if (e.p <= ((rank + 1) / m) * q) cutoff = rank; });
  const kept = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank <= cutoff; rank++) kept[order[rank]!.i] = true;
  return kept;
}

// ---- the rule -----------------------------------------------------------------------------------

interface WeekCheck {
  count: number;
  pValue: number;
  spike: boolean;
}

/** Each week's spike check against the up-to-8 weeks before it (fewer at the start of the data). */
function weekChecks(counts: readonly number[]): WeekCheck[] {
  return counts.map((count, week) => {
    const before = counts.slice(Math.max(0, week - RULE.baselineWeeks), week);
    const lambda = (sum(before) + 1) / (RULE.baselineWeeks + 1);
    const pValue = poissonUpperTail(count, lambda);
    return { count, pValue, spike: count >= RULE.spikeMinCount && pValue <= RULE.spikeAlpha };
  });
}

function trendOf(counts: readonly number[]): { slope: number; weeks: number; z: number; pValue: number } | null {
  const window = counts.slice(-RULE.trendMaxWeeks);
  if (window.length < RULE.trendMinWeeks || sum(window) < RULE.trendMinIncidents) return null;
  const { z } = mannKendall(window);
  const slope = senSlope(window);
  return { slope, weeks: window.length, z, pValue: slope > 0 ? normalUpperTail(z) : 1 };
}

/** The places whose latest week or recent weeks stand out, with the label that says how. */
export function findEmerging<K extends string>(places: readonly PlaceSeries<K>[]): EmergingFinding<K>[] {
  const checked = places.map((place) => {
    const weeks = weekChecks(place.counts);
    const latest = weeks.at(-1);
    return { place, weeks, latest, trend: trendOf(place.counts) };
  });
  // The current week's spike and the trend each survive only if they hold across all places.
  const spikeKept = benjaminiHochberg(checked.map((c) => (c.latest?.spike ? c.latest.pValue : null)), RULE.spikeAlpha);
  const trendKept = benjaminiHochberg(checked.map((c) => c.trend?.pValue ?? null), RULE.trendAlpha);

  const findings: EmergingFinding<K>[] = [];
  checked.forEach((c, i) => {
    const spikeNow = spikeKept[i] === true;
    const rising = trendKept[i] === true && c.trend !== null && c.trend.slope > 0 && c.trend.z >= RULE.trendMinZ;
    const label = labelOf(c.weeks, spikeNow, rising);
    if (!label || !c.latest) return;
    const before = c.place.counts.slice(-1 - RULE.baselineWeeks, -1);
    findings.push({
      key: c.place.key,
      label,
      latest: c.latest.count,
      baselineMean: before.length > 0 ? sum(before) / before.length : 0,
      baselineWeeks: before.length,
      trend: rising && c.trend ? { slope: c.trend.slope, weeks: c.trend.weeks, z: c.trend.z } : null,
    });
  });
  return findings;
}

/** The strongest description that fits: persistent, then recurring, then new, then rising. */
function labelOf(weeks: readonly WeekCheck[], spikeNow: boolean, rising: boolean): EmergingLabel | null {
  const recent = weeks.slice(-RULE.labelWeeks);
  const spikes = recent.filter((w) => w.spike).length;
  if (spikeNow && recent.length >= RULE.labelWeeks && spikes >= RULE.persistentShare * recent.length) return 'ihallande';
  if (spikeNow && weeks.at(-2)?.spike) return 'aterkommande';
  if (spikeNow && !weeks.slice(-1 - RULE.baselineWeeks, -1).some((w) => w.spike)) return 'ny';
  if (rising) return 'okande';
  // A spike after earlier ones, but not in a row: still worth a look, described as recurring.
  return spikeNow ? 'aterkommande' : null;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
