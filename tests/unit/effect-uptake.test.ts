/** Measure 3's uptake comparison and the subsidy file's amounts, on known answers. */
import { uptake, type UptakeWindow } from '../../server/effect/uptake';
import { parseAmountCents } from '../../server/subsidies/subsidy-rows';
import { createRng } from '../../server/incidents/prng';

const w = (p: Partial<UptakeWindow> & { streetId: number }): UptakeWindow => ({
  campaignId: 1,
  addresses: 100,
  before: 0,
  after: 0,
  treated: false,
  busy: false,
  ...p,
});

test('known answer: rates per 1,000 addresses and their ratio; busy streets left out', () => {
  const r = uptake(
    [
      w({ streetId: 1, treated: true, after: 4, before: 1 }),
      w({ streetId: 2, treated: true, after: 2, before: 1 }),
      w({ streetId: 3, after: 1 }),
      w({ streetId: 4, after: 2 }),
      w({ streetId: 5, after: 50, busy: true }),
    ],
    { minStreets: 2, seed: 1, replicates: 200 },
  );
  expect(r.letters).toEqual({
    streets: 2,
    addresses: 200,
    applicationsBefore: 2,
    applicationsAfter: 6,
    ratePer1000After: 30,
    ratePer1000Before: 10,
  });
  expect(r.none.ratePer1000After).toBe(15);
  expect(r.ratio).toBe(2);
  expect(r.interval![0]).toBeLessThanOrEqual(2);
  expect(r.interval![1]).toBeGreaterThanOrEqual(2);
});

test('too few streets with letters: no ratio', () => {
  const r = uptake([w({ streetId: 1, treated: true, after: 3 }), w({ streetId: 2, after: 1 })], {
    minStreets: 10,
    seed: 1,
  });
  expect(r.status).toBe('too-few');
  expect(r.ratio).toBeNull();
  expect(r.letters.applicationsAfter).toBe(3);
});

// 100 seeds rather than 40: the interval's coverage is about 94 % in a longer simulation, and
// with 40 seeds a calibrated interval falls below 36 one time in five.
test('no planted effect over many campaigns: the interval holds 1 in at least 90 % of 100 seeds', () => {
  let covered = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const rng = createRng(seed);
    const rows: UptakeWindow[] = [];
    for (let c = 1; c <= 30; c++)
      for (let s = 1; s <= 30; s++) {
        const addresses = 20 + ((s * 7) % 40);
        let after = 0;
        for (let a = 0; a < addresses; a++) if (rng.next() < 0.02) after++;
        rows.push(w({ campaignId: c, streetId: s, addresses, after, treated: (s + c) % 6 === 0 }));
      }
    const r = uptake(rows, { minStreets: 10, seed, replicates: 300 });
    if (r.interval && r.interval[0] <= 1 && r.interval[1] >= 1) covered++;
  }
  expect(covered).toBeGreaterThanOrEqual(90);
});

test('amounts as Dutch and English write them', () => {
  expect(parseAmountCents('70')).toBe(7000);
  expect(parseAmountCents('70,50')).toBe(7050);
  expect(parseAmountCents('1.234,56')).toBe(123456);
  expect(parseAmountCents('1234.56')).toBe(123456);
  expect(parseAmountCents('€ 70')).toBe(7000);
  expect(parseAmountCents('-5')).toBeUndefined();
  expect(parseAmountCents('veel')).toBeUndefined();
  expect(parseAmountCents('1e9')).toBeUndefined();
});
