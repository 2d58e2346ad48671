import assert from 'node:assert/strict';
import {
  benjaminiHochberg, findEmerging, mannKendall, normalUpperTail, poissonUpperTail, RULE, senSlope,
} from '../../../src/domain/hotspots/emerging-rule';

// Reference values are computed here from the textbook formulas, not by the module under test.
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
const poissonTailByHand = (c: number, l: number) => 1 - Array.from({ length: c }, (_, k) => (Math.exp(-l) * l ** k) / factorial(k)).reduce((a, b) => a + b, 0);

/** Deterministic Poisson counts (Knuth's method on a seeded mulberry32), so the tests never flicker. */
function poissonCounts(seed: number, mean: number, weeks: number): number[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: weeks }, () => {
    let k = 0;
    let p = random();
    while (p > Math.exp(-mean)) { k++; p *= random(); }
    return k;
  });
}

const quietPlaces = (n: number, seed = 1) => Array.from({ length: n }, (_, i) => ({ key: `quiet-${i}`, counts: poissonCounts(seed * 1000 + i, 0.3, 18) }));

describe('emerging hot spot rule', () => {
  describe('statistics against known values', () => {
    it('Poisson tail: P(X ≥ 3 | λ = 1) = 1 − 2.5/e, and other values by the formula', () => {
      assert.ok(Math.abs(poissonUpperTail(3, 1) - (1 - 2.5 / Math.E)) < 1e-12);
      assert.ok(Math.abs(poissonUpperTail(3, 1) - 0.0803013970713942) < 1e-12);
      for (const [c, l] of [[5, 0.8], [3, 1 / 9], [7, 5.4444], [1, 2], [10, 3]] as const) {
        assert.ok(Math.abs(poissonUpperTail(c, l) - poissonTailByHand(c, l)) < 1e-12, `c=${c} λ=${l}`);
      }
      assert.equal(poissonUpperTail(0, 3), 1);
    });

    it('Mann-Kendall: 1..5 gives S = 10, Var = 50/3, z = 9/√(50/3); ties are corrected', () => {
      const strict = mannKendall([1, 2, 3, 4, 5]);
      assert.equal(strict.s, 10);
      assert.ok(Math.abs(strict.variance - 50 / 3) < 1e-12);
      assert.ok(Math.abs(strict.z - 9 / Math.sqrt(50 / 3)) < 1e-12);
      // [1, 2, 2, 3]: five rising pairs, one tie; Var = (4·3·13 − 2·1·9)/18 = 138/18.
      const tied = mannKendall([1, 2, 2, 3]);
      assert.equal(tied.s, 5);
      assert.ok(Math.abs(tied.variance - 138 / 18) < 1e-12);
      assert.ok(Math.abs(tied.z - 4 / Math.sqrt(138 / 18)) < 1e-12);
      assert.deepEqual(mannKendall([2, 2, 2, 2]), { s: 0, variance: 0, z: 0 });
    });

    it('Sen slope is the median pairwise slope; the normal tail matches tables', () => {
      assert.equal(senSlope([0, 1, 2, 3]), 1);
      assert.equal(senSlope([3, 0, 3, 0, 3]), 0);
      assert.ok(Math.abs(normalUpperTail(1.645) - 0.05) < 1e-4);
      assert.ok(Math.abs(normalUpperTail(0) - 0.5) < 1e-7);
      assert.ok(Math.abs(normalUpperTail(2.326) - 0.01) < 1e-4);
    });

    it('Benjamini–Hochberg keeps the p-values under the step-up line, untested ones never', () => {
      // m = 4, q = 0.05: lines 0.0125, 0.025, 0.0375, 0.05; only 0.01 is under its line.
      assert.deepEqual(benjaminiHochberg([0.01, 0.04, 0.03, 0.2], 0.05), [true, false, false, false]);
      // Sorted 0.001, 0.008, 0.039, 0.041 with m = 5, q = 0.05: lines 0.01, 0.02, 0.03, 0.04 → the first two.
      assert.deepEqual(benjaminiHochberg([0.041, 0.001, null, 0.039, 0.008], 0.05), [false, true, false, false, true]);
    });
  });

  describe('on generated data', () => {
    it('finds a real rise among 50 quiet places and calls it ny', () => {
      const riser = { key: 'torget', counts: [0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 6] };
      const found = findEmerging([...quietPlaces(50), riser]);
      assert.deepEqual(found.map((f) => [f.key, f.label, f.latest]), [['torget', 'ny', 6]]);
      assert.equal(found[0]!.baselineMean, 3 / 8);
    });

    it('does not flag a stable busy place', () => {
      const busy = { key: 'centrum', counts: [6, 5, 7, 6, 6, 5, 7, 6, 6, 7, 5, 6, 6, 7, 5, 6, 6, 7] };
      assert.deepEqual(findEmerging([busy]), []);
    });

    it('labels a slow steady rise ökande (no single week is a spike)', () => {
      const rising = { key: 'parken', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3] };
      const [finding] = findEmerging([...quietPlaces(10, 7), rising]);
      assert.equal(finding?.key, 'parken');
      assert.equal(finding?.label, 'okande');
      assert.ok(finding!.trend!.slope > 0 && finding!.trend!.z >= RULE.trendMinZ);
    });

    it('labels spikes in the last two weeks återkommande and spikes nearly every week ihållande', () => {
      const twice = { key: 'a', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 7] };
      assert.equal(findEmerging([twice])[0]?.label, 'aterkommande');
      const always = { key: 'b', counts: [0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 7, 9, 11, 13, 15, 18, 21, 25] };
      assert.equal(findEmerging([always])[0]?.label, 'ihallande');
    });

    it('gives no false alarms for 50 quiet places, over many generated samples', () => {
      let alarms = 0;
      for (let seed = 1; seed <= 20; seed++) alarms += findEmerging(quietPlaces(50, seed)).length;
      assert.ok(alarms <= 1, `${alarms} false alarms in 20 × 50 quiet places`);
      assert.deepEqual(findEmerging(quietPlaces(50, 3)), []);
    });

    it('takes an empty week, an all-empty history and too little data in its stride', () => {
      assert.deepEqual(findEmerging([{ key: 'x', counts: new Array(18).fill(0) }]), []);
      assert.deepEqual(findEmerging([{ key: 'x', counts: [] }]), []);
      assert.deepEqual(findEmerging([]), []);
      const gapThenSpike = { key: 'y', counts: [0, 0, 0, 0, 0, 0, 0, 0, 5] };
      assert.equal(findEmerging([gapThenSpike])[0]?.label, 'ny');
      const recentEmpty = { key: 'z', counts: [1, 0, 1, 0, 1, 0, 1, 0, 0] };
      assert.deepEqual(findEmerging([recentEmpty]), []);
    });
  });
});
