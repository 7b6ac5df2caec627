/** Measure 1's grid counting on hand-made points: distance and time edges, letters in time or late. */
import { countIndexBurglaries, type TimedPoint } from '../../server/effect/near-repeat-counts';

const H = 3_600_000;
const D = 24 * H;
const p = (id: number, x: number, y: number, t: number): TimedPoint => ({ id, x, y, t });
const params = { from: 0, to: 100 * D, distanceM: 200, days: 14, letterHours: 48, observedUntil: 200 * D };

test('follow-ons: within 200 m (inclusive) and after, up to 14 days (inclusive); across cells', () => {
  const incidents = [
    p(1, 1000, 1000, 10 * D),
    p(2, 1200, 1000, 11 * D), // exactly 200 m, 1 day later: counts for 1
    p(3, 1000, 1201, 12 * D), // 201 m: no
    p(4, 999, 999, 24 * D), // 14 days later exactly: counts for 1
    p(5, 1000, 1000, 24 * D + 1), // just over 14 days: no
    p(6, 1000, 1000, 10 * D), // same moment: not a follow-on of 1 (nor 1 of it)
  ];
  const r = countIndexBurglaries(incidents, [], params);
  const one = r.find((x) => x.id === 1)!;
  expect(one.followOns).toBe(2);
  expect(r.find((x) => x.id === 6)!.followOns).toBe(2);
  expect(r.every((x) => !x.treated)).toBe(true);
});

test('letters: within 200 m and within 48 hours after the burglary began; late or far ones do not count', () => {
  const incidents = [p(1, 0, 0, 10 * D), p(2, 5000, 0, 10 * D), p(3, 10000, 0, 10 * D)];
  const letters = [
    p(10, 150, 0, 10 * D + 47 * H),
    p(11, 5000, 0, 10 * D + 48 * H),
    p(12, 10300, 0, 10 * D + H),
  ];
  const r = countIndexBurglaries(incidents, letters, params);
  expect(r.map((x) => x.treated)).toEqual([true, false, false]);
});

test('only index burglaries in the period whose follow-up has ended', () => {
  const incidents = [p(1, 0, 0, -1), p(2, 0, 0, 5 * D), p(3, 0, 0, 99 * D)];
  const r = countIndexBurglaries(incidents, [], { ...params, observedUntil: 100 * D });
  expect(r.map((x) => x.id)).toEqual([2]);
});
