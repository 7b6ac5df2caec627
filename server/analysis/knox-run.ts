/**
 * One whole Knox test on plain numbers: the close pairs (grid pair search) and the Monte Carlo
 * permutations (knox.ts). Pure and synchronous; the server runs it in a worker thread
 * (knox-worker.ts), because a large test takes seconds to minutes of CPU.
 */
import { knoxTest, type KnoxCell } from './knox';
import { forEachSpaceTimePair } from './space-time-pairs';

export interface KnoxRunInput {
  /** RD metres and days of each located incident. */
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
  distanceBands: number[];
  timeBands: number[];
  permutations: number;
  seed: number;
}

export type KnoxRunResult =
  { ok: true; cells: KnoxCell[]; pairs: number; incidents: number } | { ok: false; message: string };

/** Most close pairs the pair search keeps (memory). */
export const KNOX_MAX_PAIRS = 2_000_000;
/**
 * Most pairs x permutations a test may cost. About 1 µs each with 20 time bands on the 2-core
 * test machine under load: at most a minute or so of one core.
 */
export const KNOX_MAX_WORK = 50_000_000;

export function runKnox(input: KnoxRunInput): KnoxRunResult {
  const maxDistance = input.distanceBands.at(-1)!;
  // All pairs within the largest distance band, whatever their time: the permutations move times.
  const pairs: { a: number; b: number; d: number }[] = [];
  forEachSpaceTimePair(input, maxDistance, Infinity, (a, b, d) => {
    if (pairs.length > KNOX_MAX_PAIRS) return;
    pairs.push({ a, b, d });
  });
  if (pairs.length > KNOX_MAX_PAIRS) {
    return {
      ok: false,
      message: `more than ${KNOX_MAX_PAIRS} pairs within ${maxDistance} m: narrow the period or the distance bands`,
    };
  }
  const work = pairs.length * input.permutations;
  if (work > KNOX_MAX_WORK) {
    const fewer = Math.max(19, Math.floor(KNOX_MAX_WORK / Math.max(pairs.length, 1)));
    return {
      ok: false,
      message:
        `${pairs.length} pairs within ${maxDistance} m times ${input.permutations} permutations is more than this server ` +
        `computes for one request (${KNOX_MAX_WORK} pair permutations): use at most ${fewer} permutations, ` +
        'a smaller largest distance or a shorter period',
    };
  }
  const r = knoxTest({
    days: input.t,
    pairs,
    distanceBands: input.distanceBands,
    timeBands: input.timeBands,
    permutations: input.permutations,
    seed: input.seed,
  });
  return { ok: true, ...r };
}
