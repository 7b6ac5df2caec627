/**
 * Small helpers for seeded bootstrap intervals: resampling with replacement and the percentile
 * interval. Deterministic for a seed (server/incidents/prng.ts), so a figure shown to the
 * council can be reproduced.
 */
import type { Rng } from '../incidents/prng';

/** The sum of a resample (with replacement, same size) of `values`. */
export function resampledSum(values: readonly number[], rng: Rng): number {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[Math.floor(rng.next() * n)]!;
  return s;
}

/** Values as their distinct values and how often each occurs (for multinomialResampler). */
export function histogram(values: readonly number[]): { values: number[]; counts: number[] } {
  const byValue = new Map<number, number>();
  for (const v of values) byValue.set(v, (byValue.get(v) ?? 0) + 1);
  const keys = [...byValue.keys()].sort((a, b) => a - b);
  return { values: keys, counts: keys.map((k) => byValue.get(k)!) };
}

/** log(k!) for k = 0..: grown as needed (a sum of logs: 1e-11 relative error at 100,000). */
const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[k]!;
}

/**
 * A binomial(n, p) draw by inversion from the mode outwards ("chop-down search"): one uniform,
 * the probability of the mode from log factorials, then the neighbours' probabilities by their
 * ratios, taken from the uniform until it is used up. Exact (to rounding) and about 1.6 standard
 * deviations of steps, so cheap even for n = 100,000.
 */
export function binomialDraw(n: number, p: number, rng: Rng): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  let u =
    rng.next() -
    Math.exp(
      logFactorial(n) -
        logFactorial(mode) -
        logFactorial(n - mode) +
        mode * Math.log(p) +
        (n - mode) * Math.log(q),
    );
  if (u < 0) return mode;
  let lo = mode;
  let hi = mode;
  let pLo = Math.exp(
    logFactorial(n) -
      logFactorial(mode) -
      logFactorial(n - mode) +
      mode * Math.log(p) +
      (n - mode) * Math.log(q),
  );
  let pHi = pLo;
  while (lo > 0 || hi < n) {
    if (hi < n) {
      pHi *= ((n - hi) / (hi + 1)) * (p / q);
      hi++;
      u -= pHi;
      if (u < 0) return hi;
    }
    if (lo > 0) {
      pLo *= (lo / (n - lo + 1)) * (q / p);
      lo--;
      u -= pLo;
      if (u < 0) return lo;
    }
  }
  // Only rounding is left of the uniform: the mode is as good as any.
  return mode;
}

/**
 * The sum of a resample (with replacement, same size) of `values`, drawn as how many times each
 * distinct value is drawn: a multinomial, as one binomial per distinct value (binomialDraw). The
 * same distribution as resampledSum() (a resample is exactly a multinomial draw of the values'
 * counts), but a handful of binomial draws instead of one draw per value: follow-on counts take
 * a few distinct values, so 100,000 index burglaries cost about as much as a few hundred.
 * Deterministic for a seed.
 */
export function multinomialResampler(values: readonly number[], rng: Rng): () => number {
  const h = histogram(values);
  const n = values.length;
  return () => {
    let left = n;
    let leftCount = n;
    let s = 0;
    for (let i = 0; i < h.values.length && left > 0; i++) {
      const c = h.counts[i]!;
      const k = c === leftCount ? left : binomialDraw(left, c / leftCount, rng);
      s += h.values[i]! * k;
      left -= k;
      leftCount -= c;
    }
    return s;
  };
}

/**
 * The 2.5 % and 97.5 % points (for `level` 0.95) of `draws` (a draw may be +Infinity, e.g. a
 * ratio over a resample with no follow-ons in the comparison group); null when either point is
 * not finite: the data cannot bound the figure, and the view says so instead of a number.
 */
export function percentileInterval(draws: number[], level = 0.95): [number, number] | null {
  const sorted = draws.filter((d) => !Number.isNaN(d)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const alpha = (1 - level) / 2;
  const lo = quantile(sorted, alpha);
  const hi = quantile(sorted, 1 - alpha);
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

/** Linear-interpolated quantile (type 7, as R's default) of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return lo === hi || a === b ? a : a + (h - lo) * (b - a);
}
