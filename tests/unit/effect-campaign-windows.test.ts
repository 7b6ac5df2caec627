/**
 * Measures 2 and 3 from the lists (server/effect/campaign-windows.ts) give exactly the figures
 * of diffInDiff() and uptake() over the reference rows (one per campaign and street, built here
 * by the definition), on random data with many ties in size and counts, for one and for many
 * campaigns, with streets that got letters of several campaigns and campaigns made at the same moment.
 */
import {
  diffInDiffFromWindows,
  uptakeFromWindows,
  type WindowInput,
} from '../../server/effect/campaign-windows';
import { diffInDiff, type StreetWindow } from '../../server/effect/diff-in-diff';
import { uptake } from '../../server/effect/uptake';
import { createRng } from '../../server/incidents/prng';

function randomInput(seed: number, campaigns: number): WindowInput {
  const rng = createRng(seed);
  const int = (n: number) => Math.floor(rng.next() * n);
  const streets = Array.from({ length: 60 }, (_, i) => ({
    id: 1000 + ((i * 37) % 60),
    // Few sizes, so ties in size are common; one size of 0 addresses.
    addresses: [0, 10, 10, 20, 40, 40, 41, 80][int(8)]!,
  }));
  const w = 50;
  const list = Array.from({ length: campaigns }, (_, i) => {
    // Some campaigns made at the same moment.
    const t = 100 + int(20) * 25;
    return {
      id: 1 + ((i * 7) % (campaigns + 3)) + i * 10,
      t,
      lo: t - w,
      mid: t,
      hi: t + w,
      busyLo: t - w,
      busyHi: t + w,
    };
  });
  const letters = [
    ...list.flatMap((c) =>
      Array.from({ length: 1 + int(6) }, () => ({
        campaignId: c.id,
        t: c.t,
        streetId: streets[int(60)]!.id,
      })),
    ),
    // Letters of campaigns that are not judged (outside the period), and to a street that is not residential.
    { campaignId: 9999, t: 120, streetId: streets[3]!.id },
    { campaignId: 9998, t: 300, streetId: 42 },
  ];
  const events = Array.from({ length: 400 }, () => ({
    t: int(700),
    streetId: rng.next() < 0.97 ? streets[int(60)]!.id : 42,
  }));
  return { streets, campaigns: list, letters, events };
}

/** The reference rows, by the definition of street-windows.sql. */
function referenceRows(input: WindowInput): StreetWindow[] {
  const rows: StreetWindow[] = [];
  for (const c of input.campaigns)
    for (const s of input.streets) {
      const on = input.events.filter((e) => e.streetId === s.id);
      rows.push({
        campaignId: c.id,
        streetId: s.id,
        addresses: s.addresses,
        before: on.filter((e) => e.t >= c.lo && e.t < c.mid).length,
        after: on.filter((e) => e.t >= c.mid && e.t < c.hi).length,
        treated: input.letters.some((l) => l.campaignId === c.id && l.streetId === s.id),
        busy: input.letters.some((l) => l.streetId === s.id && l.t >= c.busyLo && l.t < c.busyHi),
      });
    }
  return rows.sort((a, b) => a.campaignId - b.campaignId || a.streetId - b.streetId);
}

const opts = { minStreets: 1, seed: 3, replicates: 300 };

test.each([1, 2, 5, 12, 30])(
  '%i campaigns: the same difference in differences and uptake as the rows',
  (n) => {
    for (let seed = 1; seed <= 15; seed++) {
      const input = randomInput(seed * 100 + n, n);
      const rows = referenceRows(input);
      for (const matches of [1, 3, 5])
        expect(diffInDiffFromWindows(input, { ...opts, matches })).toEqual(
          diffInDiff(rows, { ...opts, matches }),
        );
      expect(uptakeFromWindows(input, opts)).toEqual(uptake(rows, opts));
      expect(uptakeFromWindows(input, { ...opts, minStreets: 10_000 })).toEqual(
        uptake(rows, { ...opts, minStreets: 10_000 }),
      );
    }
  },
);

test('the input is not changed', () => {
  const input = randomInput(7, 6);
  const copy = JSON.parse(JSON.stringify(input)) as WindowInput;
  diffInDiffFromWindows(input, opts);
  uptakeFromWindows(input, opts);
  expect(input).toEqual(copy);
});
