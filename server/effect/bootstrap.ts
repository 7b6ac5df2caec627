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
