/**
 * The Knox test for near repeats with Monte Carlo permutations (as R's NearRepeat): count the
 * pairs of incidents per distance band x time band, then shuffle the times over the places
 * (keeping both distributions) many times to see what chance alone gives. A ratio above 1 with
 * a small p-value means near repeats hold locally for that band.
 */
import { createRng } from '../incidents/prng';

export interface KnoxInput {
  /** Time of each incident, in days (any origin). */
  days: Float64Array | number[];
  /** Close pairs: indexes into `days` and their distance in metres (pairs beyond the last distance band may be left out). */
  pairs: { a: number; b: number; d: number }[];
  /** Band edges, ascending, starting at 0: [0, 100, 200, 400] gives 0-100, 100-200, 200-400. */
  distanceBands: number[];
  timeBands: number[];
  permutations: number;
  seed: number;
}

export interface KnoxCell {
  distance: [number, number];
  days: [number, number];
  observed: number;
  /** Mean count over the permutations. */
  expected: number;
  /** observed / expected (null when expected is 0). */
  ratio: number | null;
  /** (1 + permutations with a count >= observed) / (permutations + 1). */
  p: number;
}

/** Band index of a value: [edge_k, edge_k+1); -1 outside. */
function band(edges: number[], v: number): number {
  for (let k = 0; k < edges.length - 1; k++) if (v >= edges[k]! && v < edges[k + 1]!) return k;
  return -1;
}

export function knoxTest(input: KnoxInput): { cells: KnoxCell[]; pairs: number; incidents: number } {
  const { distanceBands: ds, timeBands: ts } = input;
  const nd = ds.length - 1,
    nt = ts.length - 1;
  const pairs = input.pairs.map((p) => ({ a: p.a, b: p.b, k: band(ds, p.d) })).filter((p) => p.k >= 0);
  const pa = Int32Array.from(pairs, (p) => p.a);
  const pb = Int32Array.from(pairs, (p) => p.b);
  const pk = Int32Array.from(pairs, (p) => p.k);
  const t = Float64Array.from(input.days);

  const count = (times: Float64Array): Int32Array => {
    const c = new Int32Array(nd * nt);
    for (let i = 0; i < pa.length; i++) {
      const dt = Math.abs(times[pa[i]!]! - times[pb[i]!]!);
      const l = band(ts, dt);
      if (l >= 0) c[pk[i]! * nt + l]!++;
    }
    return c;
  };
  const observed = count(t);
  const sum = new Float64Array(nd * nt);
  const atLeast = new Int32Array(nd * nt);
  const rng = createRng(input.seed);
  const perm = Float64Array.from(t);
  for (let r = 0; r < input.permutations; r++) {
    // Fisher-Yates shuffle of the times over the places.
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const tmp = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = tmp;
    }
    const c = count(perm);
    for (let i = 0; i < c.length; i++) {
      sum[i]! += c[i]!;
      if (c[i]! >= observed[i]!) atLeast[i]!++;
    }
  }
  const cells: KnoxCell[] = [];
  for (let k = 0; k < nd; k++) {
    for (let l = 0; l < nt; l++) {
      const i = k * nt + l;
      const expected = sum[i]! / input.permutations;
      cells.push({
        distance: [ds[k]!, ds[k + 1]!],
        days: [ts[l]!, ts[l + 1]!],
        observed: observed[i]!,
        expected: Math.round(expected * 100) / 100,
        ratio: expected > 0 ? Math.round((observed[i]! / expected) * 100) / 100 : null,
        p: Math.round(((1 + atLeast[i]!) / (input.permutations + 1)) * 10000) / 10000,
      });
    }
  }
  return { cells, pairs: pairs.length, incidents: t.length };
}
