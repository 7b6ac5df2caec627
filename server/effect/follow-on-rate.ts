/**
 * Measure 1, the near-repeat follow-on rate: follow-on burglaries per index burglary for index
 * burglaries whose cocoon got letters in time ("letters") and those whose cocoon got none
 * ("none"), their ratio and a 95 % interval from a seeded bootstrap over index burglaries.
 *
 * The bootstrap resamples index burglaries (with all their follow-ons) within each group, so
 * the clumping of follow-ons around one index burglary widens the interval as it should. It does
 * not model that two index burglaries close together share follow-ons (docs/readme/effect.md).
 */
import { createRng } from '../incidents/prng';
import { multinomialResampler, percentileInterval } from './bootstrap';

/** One index burglary: whether its cocoon got letters in time, and its follow-ons. */
export interface IndexBurglary {
  treated: boolean;
  followOns: number;
}

export interface RateOptions {
  /** Below this many index burglaries in a group the ratio is "too few to tell". */
  minIndex: number;
  seed: number;
  /** Bootstrap replicates (default 2,000). */
  replicates?: number;
}

/** One group's counts: every figure states them. */
export interface GroupRate {
  indexBurglaries: number;
  followOns: number;
  /** Follow-ons per index burglary; null when there are no index burglaries. */
  rate: number | null;
  /** 95 % bootstrap interval of the rate; null when there are too few index burglaries. */
  interval: [number, number] | null;
}

export interface FollowOnRate {
  letters: GroupRate;
  none: GroupRate;
  /** 'ok', or 'too-few' when a group has fewer index burglaries than `minIndex` (no ratio then). */
  status: 'ok' | 'too-few';
  minIndex: number;
  /** Rate with letters / rate without; null unless status is 'ok' and the rate without is above 0. */
  ratio: number | null;
  /** 95 % percentile interval of the ratio; null when the ratio is null or cannot be bounded. */
  interval: [number, number] | null;
  seed: number;
  replicates: number;
}

function group(values: number[], minIndex: number, seed: number, replicates: number): GroupRate {
  const n = values.length;
  const sum = values.reduce((s, v) => s + v, 0);
  let interval: [number, number] | null = null;
  if (n >= minIndex && n > 0) {
    const resample = multinomialResampler(values, createRng(seed));
    const draws = Array.from({ length: replicates }, () => resample() / n);
    interval = percentileInterval(draws);
  }
  return { indexBurglaries: n, followOns: sum, rate: n ? sum / n : null, interval };
}

/** The follow-on rates of both groups, their ratio and its interval (deterministic for a seed). */
export function followOnRate(indexes: readonly IndexBurglary[], opts: RateOptions): FollowOnRate {
  const replicates = opts.replicates ?? 2000;
  const treated = indexes.filter((i) => i.treated).map((i) => i.followOns);
  const control = indexes.filter((i) => !i.treated).map((i) => i.followOns);
  const letters = group(treated, opts.minIndex, opts.seed, replicates);
  const none = group(control, opts.minIndex, opts.seed + 1, replicates);
  const base = { letters, none, minIndex: opts.minIndex, seed: opts.seed, replicates };
  if (treated.length < opts.minIndex || control.length < opts.minIndex || control.length === 0)
    return { ...base, status: 'too-few', ratio: null, interval: null };
  const ratio = none.rate ? letters.rate! / none.rate : null;
  let interval: [number, number] | null = null;
  if (ratio !== null) {
    // Stratified: each replicate resamples both groups at their own size.
    const rng = createRng(opts.seed + 2);
    const resampleT = multinomialResampler(treated, rng);
    const resampleC = multinomialResampler(control, rng);
    const draws = Array.from({ length: replicates }, () => {
      const t = resampleT() / treated.length;
      const c = resampleC() / control.length;
      return c > 0 ? t / c : Number.POSITIVE_INFINITY;
    });
    interval = percentileInterval(draws);
  }
  return { ...base, status: 'ok', ratio, interval };
}

/** The rate of one group alone (the period before the first campaign, where nobody got letters). */
export function singleRate(followOns: readonly number[], opts: RateOptions): GroupRate {
  return group([...followOns], opts.minIndex, opts.seed, opts.replicates ?? 2000);
}
