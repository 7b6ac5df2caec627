/**
 * Measure 1's statistics on synthetic data where the answer is known: a planted effect (treated
 * cocoons get half the follow-ons) is found, and without one the 95 % interval holds 1 in at
 * least 90 % of 40 seeds (the intervals are calibrated).
 */
import { followOnRate, singleRate, type IndexBurglary } from '../../server/effect/follow-on-rate';
import { percentileInterval, quantile } from '../../server/effect/bootstrap';
import { createRng, type Rng } from '../../server/incidents/prng';

/** Poisson(lambda) by Knuth's method (small lambda). */
function poisson(rng: Rng, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  for (;;) {
    p *= rng.next();
    if (p <= l) return k;
    k++;
  }
}

/**
 * Index burglaries with clumped follow-ons: each index has a latent risk (gamma-like, from a
 * sum of exponentials) so follow-ons are overdispersed, as near repeats are.
 */
function synthetic(seed: number, n: number, effect: number): IndexBurglary[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const treated = i % 2 === 0;
    const risk = -Math.log(1 - rng.next()) * 0.8;
    return { treated, followOns: poisson(rng, risk * (treated ? effect : 1)) };
  });
}

test('known answer: rates, ratio and counts on a hand-made set', () => {
  const idx: IndexBurglary[] = [
    ...[0, 1, 2, 1].map((f) => ({ treated: true, followOns: f })),
    ...[2, 2, 2, 2].map((f) => ({ treated: false, followOns: f })),
  ];
  const r = followOnRate(idx, { minIndex: 4, seed: 1, replicates: 500 });
  expect(r.status).toBe('ok');
  expect(r.letters).toMatchObject({ indexBurglaries: 4, followOns: 4, rate: 1 });
  expect(r.none).toMatchObject({ indexBurglaries: 4, followOns: 8, rate: 2 });
  expect(r.ratio).toBe(0.5);
  // The comparison group is constant: its interval is a point, the ratio's is rate/2.
  expect(r.none.interval).toEqual([2, 2]);
  expect(r.interval![0]).toBeGreaterThanOrEqual(0);
  expect(r.interval![1]).toBeLessThanOrEqual(1);
});

test('below the minimum of index burglaries there is no ratio, only the counts', () => {
  const idx = synthetic(3, 30, 1);
  const r = followOnRate(idx, { minIndex: 20, seed: 1 });
  expect(r.status).toBe('too-few');
  expect(r.ratio).toBeNull();
  expect(r.interval).toBeNull();
  expect(r.letters.indexBurglaries + r.none.indexBurglaries).toBe(30);
  expect(r.letters.interval).toBeNull();
});

test('deterministic for a seed, different for another', () => {
  const idx = synthetic(5, 400, 1);
  const a = followOnRate(idx, { minIndex: 20, seed: 7 });
  const b = followOnRate(idx, { minIndex: 20, seed: 7 });
  const c = followOnRate(idx, { minIndex: 20, seed: 8 });
  expect(a).toEqual(b);
  expect(c.interval).not.toEqual(a.interval);
  expect(c.ratio).toBe(a.ratio);
});

test('planted effect: treated cocoons get half the follow-ons; the interval holds 0.5 and not 1', () => {
  const idx = synthetic(11, 1600, 0.5);
  const r = followOnRate(idx, { minIndex: 20, seed: 1 });
  expect(r.status).toBe('ok');
  expect(r.interval![0]).toBeLessThan(0.5);
  expect(r.interval![1]).toBeGreaterThan(0.5);
  expect(r.interval![1]).toBeLessThan(1);
});

test('no planted effect: over 40 seeds the interval holds 1 in at least 90 % of them', () => {
  let covered = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const r = followOnRate(synthetic(1000 + seed, 600, 1), { minIndex: 20, seed, replicates: 600 });
    if (r.interval && r.interval[0] <= 1 && r.interval[1] >= 1) covered++;
  }
  expect(covered).toBeGreaterThanOrEqual(36);
});

test('a comparison group without any follow-on gives no ratio (not Infinity)', () => {
  const idx: IndexBurglary[] = Array.from({ length: 40 }, (_, i) => ({
    treated: i < 20,
    followOns: i < 20 ? 1 : 0,
  }));
  const r = followOnRate(idx, { minIndex: 20, seed: 1 });
  expect(r.ratio).toBeNull();
  expect(JSON.stringify(r)).not.toMatch(/Infinity/);
});

test('single rate and percentile helpers', () => {
  expect(singleRate([1, 1, 1], { minIndex: 2, seed: 1 })).toEqual({
    indexBurglaries: 3,
    followOns: 3,
    rate: 1,
    interval: [1, 1],
  });
  expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  expect(quantile([1, 2], 0.25)).toBe(1.25);
  expect(percentileInterval([1, 2, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY])).toBeNull();
});
