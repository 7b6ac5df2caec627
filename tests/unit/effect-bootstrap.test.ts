/** The multinomial resampler draws resample sums with the distribution of resampling one by one. */
import { binomialDraw, histogram, multinomialResampler, resampledSum } from '../../server/effect/bootstrap';
import { createRng } from '../../server/incidents/prng';

const stats = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean: m, variance: xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) };
};

test('histogram: distinct values in order with their counts', () => {
  expect(histogram([3, 0, 0, 1, 3, 0])).toEqual({ values: [0, 1, 3], counts: [3, 1, 2] });
});

test.each([
  {
    name: 'overdispersed counts',
    values: [...Array(300).fill(0), ...Array(60).fill(1), ...Array(15).fill(2), 5, 9, 14],
  },
  { name: 'few values', values: [0, 0, 1, 4] },
])('$name: the same mean and variance as resampling one by one', ({ values }) => {
  const n = values.length;
  const mu = values.reduce((s, v) => s + v, 0) / n;
  // The variance of a resample's sum: n times the values' (population) variance.
  const expectedVar = values.reduce((s, v) => s + (v - mu) ** 2, 0);
  const fast = multinomialResampler(values, createRng(5));
  const rng = createRng(6);
  const a = stats(Array.from({ length: 20_000 }, () => fast()));
  const b = stats(Array.from({ length: 20_000 }, () => resampledSum(values, rng)));
  for (const s of [a, b]) {
    // Within 4 standard errors of the mean of 20,000 sums.
    expect(Math.abs(s.mean - n * mu)).toBeLessThan(4 * Math.sqrt(expectedVar / 20_000));
    expect(Math.abs(s.variance / expectedVar - 1)).toBeLessThan(0.05);
  }
});

test('deterministic for a seed; a constant sample always sums to n times its value; sums are whole', () => {
  const values = [0, 1, 1, 2, 7];
  const x = multinomialResampler(values, createRng(9));
  const y = multinomialResampler(values, createRng(9));
  const xs = Array.from({ length: 50 }, () => x());
  expect(xs).toEqual(Array.from({ length: 50 }, () => y()));
  for (const s of xs) expect(Number.isInteger(s)).toBe(true);
  const c = multinomialResampler(Array(1000).fill(2), createRng(1));
  expect(c()).toBe(2000);
});

test.each([
  [378, 78 / 378],
  [78, 3 / 78],
  [100_000, 0.3],
  [10, 0.5],
  [5, 0.01],
  [1, 0.3],
])('binomialDraw(%i, %f): the mean and variance of a binomial, never outside 0..n', (n, p) => {
  const rng = createRng(3);
  const xs = Array.from({ length: 20_000 }, () => binomialDraw(n, p, rng));
  const s = stats(xs);
  const v = n * p * (1 - p);
  expect(Math.abs(s.mean - n * p)).toBeLessThan(4 * Math.sqrt(v / 20_000) + 1e-9);
  expect(Math.abs(s.variance / v - 1)).toBeLessThan(0.06);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThanOrEqual(n);
});

test('2,000 resamples of 100,000 index burglaries take milliseconds, not seconds', () => {
  const big = Array.from({ length: 100_000 }, (_, i) =>
    i % 7 === 0 ? 1 : i % 31 === 0 ? 2 : i % 101 === 0 ? 5 : 0,
  );
  const t0 = performance.now();
  const f = multinomialResampler(big, createRng(1));
  for (let i = 0; i < 2000; i++) f();
  expect(performance.now() - t0).toBeLessThan(1000);
});
