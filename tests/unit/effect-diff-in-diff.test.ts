/** Measure 2's matching and difference in differences on data where the answer is known. */
import { diffInDiff, type StreetWindow } from '../../server/effect/diff-in-diff';
import { createRng } from '../../server/incidents/prng';

const w = (p: Partial<StreetWindow> & { streetId: number }): StreetWindow => ({
  campaignId: 1,
  addresses: 20,
  before: 0,
  after: 0,
  treated: false,
  busy: false,
  ...p,
});

test('known answer: matched on burglaries before, then addresses; busy streets never compared', () => {
  const rows = [
    w({ streetId: 1, treated: true, before: 2, after: 0, addresses: 20 }),
    w({ streetId: 2, before: 2, after: 1, addresses: 21 }), // match
    w({ streetId: 3, before: 2, after: 2, addresses: 400 }), // same burglaries, far in size
    w({ streetId: 4, before: 0, after: 0, addresses: 20 }), // other burglaries before
    w({ streetId: 5, before: 2, after: 2, addresses: 20, busy: true }), // had letters: never a comparison
  ];
  const r = diffInDiff(rows, { matches: 1, minStreets: 1, seed: 1, replicates: 100 });
  expect(r.status).toBe('ok');
  // treated: 2 -> 0 (change -2); its match street 2: 2 -> 1 (change -1); difference -1.
  expect(r.difference).toBe(-1);
  expect(r.treated).toEqual({ streets: 1, before: 2, after: 0 });
  expect(r.comparison).toEqual({ streets: 1, before: 2, after: 1 });
  expect(r.interval).toEqual([-1, -1]);
});

test('too few treated streets: no difference, the counts only', () => {
  const rows = [w({ streetId: 1, treated: true, before: 1 }), w({ streetId: 2, before: 1 })];
  const r = diffInDiff(rows, { minStreets: 10, seed: 1 });
  expect(r.status).toBe('too-few');
  expect(r.difference).toBeNull();
  expect(r.treated.streets).toBe(1);
});

function poisson(rng: ReturnType<typeof createRng>, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  for (;;) {
    p *= rng.next();
    if (p <= l) return k;
    k++;
  }
}

/** 40 campaigns of 5 streets among 60; the treated ones' after-rate is multiplied by `effect`. */
function synthetic(seed: number, effect: number): StreetWindow[] {
  const rng = createRng(seed);
  const rows: StreetWindow[] = [];
  for (let c = 1; c <= 40; c++)
    for (let s = 1; s <= 60; s++) {
      // Bigger streets have more burglaries; each campaign's streets have their own level.
      const rate = (0.2 + rng.next()) * (0.5 + s / 60);
      const treated = (s + c) % 12 === 0;
      rows.push({
        campaignId: c,
        streetId: s,
        addresses: 10 + 3 * s,
        before: poisson(rng, rate),
        after: poisson(rng, rate * (treated ? effect : 1)),
        treated,
        busy: false,
      });
    }
  return rows;
}

test('planted effect: fewer burglaries after on treated streets gives an interval below 0', () => {
  const r = diffInDiff(synthetic(3, 0.3), { minStreets: 10, seed: 1 });
  expect(r.interval![1]).toBeLessThan(0);
});

test('no planted effect: over 40 seeds the interval holds 0 in at least 90 % of them', () => {
  let covered = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const r = diffInDiff(synthetic(500 + seed, 1), { minStreets: 10, seed, replicates: 500 });
    if (r.interval && r.interval[0] <= 0 && r.interval[1] >= 0) covered++;
  }
  expect(covered).toBeGreaterThanOrEqual(36);
});
