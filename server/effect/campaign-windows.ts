/**
 * Measures 2 and 3 without a row per campaign and street. The reference
 * (sql/queries/effect/street-windows.sql, uptake-windows.sql) crosses every campaign with every
 * street: 2,000 campaigns x 5,000 streets are 10 million rows. Here the database gives each list
 * once (residential streets, campaign windows, the streets each campaign's letters went to, the
 * burglaries or subsidy applications per street with their time) and one pass over the campaigns
 * in time order counts the windows with sliding counters (each event enters and leaves a window
 * once). Comparison streets are matched from buckets of equal "before" counts, each kept in the
 * order of the streets' sizes, so a match looks at a few streets rather than sorting them all.
 *
 * The results are the same numbers as diffInDiff() and uptake() over the reference rows
 * (tests/unit/effect-campaign-windows.test.ts checks that on random data with many ties;
 * tests/integration/effect-api.test.ts on the database).
 */
import {
  diffInDiff,
  didFromUnits,
  type DidOptions,
  type DidUnit,
  type DiffInDiff,
  type StreetWindow,
} from './diff-in-diff';
import { nearestInBucket, type WindowStreet } from './nearest-in-bucket';
import { uptake, uptakeFromCampaigns, type Uptake, type UptakeCampaign } from './uptake';

/** A residential street and its number of residential addresses. */
export type { WindowStreet } from './nearest-in-bucket';

/** A campaign to judge, with its windows: [lo, mid) before, [mid, hi) after (the events' unit). */
export interface WindowCampaign {
  id: number;
  /** When it was made (ms): the campaigns are walked in this order. */
  t: number;
  lo: number;
  mid: number;
  hi: number;
  /** Letters of campaigns made in [busyLo, busyHi) (ms) make a street "busy": no comparison street. */
  busyLo: number;
  busyHi: number;
}

/** A street that got letters of a campaign made at `t` (ms); any campaign of the time around. */
export interface LetterStreet {
  campaignId: number;
  t: number;
  streetId: number;
}

/** A burglary (ms) or a subsidy application (day number) on a street. */
export interface StreetEvent {
  t: number;
  streetId: number;
}

export interface WindowInput {
  streets: readonly WindowStreet[];
  campaigns: readonly WindowCampaign[];
  letters: readonly LetterStreet[];
  events: readonly StreetEvent[];
}

/** Counts per street of the events in a window that only moves forward. */
class SlidingCount {
  readonly count: Int32Array;
  private added = 0;
  private removed = 0;

  constructor(
    private readonly times: Float64Array,
    private readonly streets: Int32Array,
    size: number,
  ) {
    this.count = new Int32Array(size);
  }

  /** Moves the window to [lo, hi); both only grow from call to call. */
  moveTo(lo: number, hi: number): void {
    while (this.added < this.times.length && this.times[this.added]! < hi) {
      const s = this.streets[this.added++]!;
      if (s >= 0) this.count[s]!++;
    }
    while (this.removed < this.added && this.times[this.removed]! < lo) {
      const s = this.streets[this.removed++]!;
      if (s >= 0) this.count[s]!--;
    }
  }
}

/** The state of the streets at one campaign, as the reference rows would have it. */
interface CampaignState {
  campaign: WindowCampaign;
  before: Int32Array;
  /** Events in the whole window (before + after). */
  all: Int32Array;
  treated: Uint8Array;
  /** The streets with this campaign's letters, each once, by street id. */
  own: readonly number[];
  busy: Int32Array;
}

/**
 * Walks the campaigns in time order (ties by id) and calls `visit` with each one's counts.
 * Street positions are indexes into `input.streets`.
 */
function walk(input: WindowInput, visit: (s: CampaignState) => void): void {
  const index = new Map(input.streets.map((s, i) => [s.id, i]));
  const n = input.streets.length;
  const sortedEvents = [...input.events].sort((a, b) => a.t - b.t);
  const times = Float64Array.from(sortedEvents, (e) => e.t);
  const where = Int32Array.from(sortedEvents, (e) => index.get(e.streetId) ?? -1);
  const all = new SlidingCount(times, where, n);
  const before = new SlidingCount(times, where, n);
  const letters = [...input.letters].sort((a, b) => a.t - b.t);
  const busy = new SlidingCount(
    Float64Array.from(letters, (l) => l.t),
    Int32Array.from(letters, (l) => index.get(l.streetId) ?? -1),
    n,
  );
  const ownSets = new Map<number, Set<number>>();
  for (const l of input.letters) {
    const i = index.get(l.streetId);
    if (i === undefined) continue;
    const set = ownSets.get(l.campaignId) ?? new Set<number>();
    set.add(i);
    ownSets.set(l.campaignId, set);
  }
  const own = new Map(
    [...ownSets].map(([c, set]) => [c, [...set].sort((a, b) => input.streets[a]!.id - input.streets[b]!.id)]),
  );
  const treated = new Uint8Array(n);
  const order = [...input.campaigns].sort((a, b) => a.t - b.t || a.id - b.id);
  // The windows only move forward when their ends do; campaigns made at the same moment share them.
  for (const c of order) {
    all.moveTo(c.lo, c.hi);
    before.moveTo(c.lo, c.mid);
    busy.moveTo(c.busyLo, c.busyHi);
    const mine = own.get(c.id) ?? [];
    for (const i of mine) treated[i] = 1;
    visit({
      campaign: c,
      before: before.count,
      all: all.count,
      treated,
      own: mine,
      busy: busy.count,
    });
    for (const i of mine) treated[i] = 0;
  }
}

/** The reference rows of one campaign (for the single-campaign case, where rows are few). */
function rowsOf(input: WindowInput): StreetWindow[] {
  const rows: StreetWindow[] = [];
  walk(input, (s) =>
    input.streets.forEach((st, i) =>
      rows.push({
        campaignId: s.campaign.id,
        streetId: st.id,
        addresses: st.addresses,
        before: s.before[i]!,
        after: s.all[i]! - s.before[i]!,
        treated: s.treated[i] === 1,
        busy: s.busy[i]! > 0,
      }),
    ),
  );
  return rows.sort((a, b) => a.campaignId - b.campaignId || a.streetId - b.streetId);
}

/** A treated street with its matched streets (ids) and the counts the sums need. */
interface Matched extends DidUnit {
  matched: number[];
  before: number;
  after: number;
  mb: number;
  ma: number;
}

/** Measure 2 (difference in differences) from the lists; the same as diffInDiff() over the reference rows. */
export function diffInDiffFromWindows(input: WindowInput, opts: DidOptions): DiffInDiff {
  const k = opts.matches ?? 3;
  if (input.campaigns.length <= 1) return diffInDiff(rowsOf(input), opts);
  const streets = input.streets;
  // Streets by size, then id: each bucket built in this order is sorted for nearestInBucket.
  const bySize = streets
    .map((_, i) => i)
    .sort((a, b) => streets[a]!.addresses - streets[b]!.addresses || streets[a]!.id - streets[b]!.id);
  const perCampaign = new Map<number, Matched[]>();
  walk(input, (s) => {
    if (!s.own.length) {
      perCampaign.set(s.campaign.id, []);
      return;
    }
    const buckets: number[][] = [];
    for (let j = 0; j < bySize.length; j++) {
      const i = bySize[j]!;
      if (s.treated[i] || s.busy[i]! > 0) continue;
      const b = s.before[i]!;
      const bucket = buckets[b];
      if (bucket) bucket.push(i);
      else buckets[b] = [i];
    }
    const units: Matched[] = [];
    for (const t of s.own) {
      const b = s.before[t]!;
      const la = Math.log(streets[t]!.addresses + 1);
      const m: number[] = [];
      for (let d = 0; m.length < k && (b - d >= 0 || b + d < buckets.length); d++) {
        const below = b - d >= 0 ? nearestInBucket(buckets[b - d] ?? [], streets, la, k - m.length) : [];
        const above =
          d > 0 && b + d < buckets.length
            ? nearestInBucket(buckets[b + d] ?? [], streets, la, k - m.length)
            : [];
        const merged = [...below, ...above].sort((x, y) => x.d - y.d || streets[x.i]!.id - streets[y.i]!.id);
        for (const x of merged.slice(0, k - m.length)) m.push(x.i);
      }
      if (m.length === 0) continue;
      const mb = m.reduce((acc, i) => acc + s.before[i]!, 0) / m.length;
      const ma = m.reduce((acc, i) => acc + s.all[i]! - s.before[i]!, 0) / m.length;
      const before = s.before[t]!;
      const after = s.all[t]! - before;
      units.push({
        campaignId: s.campaign.id,
        change: after - before,
        matchChange: ma - mb,
        matched: m.map((i) => streets[i]!.id),
        before,
        after,
        mb,
        ma,
      });
    }
    perCampaign.set(s.campaign.id, units);
  });
  // Added up in the order of the reference (campaign id, then street id): the same sums to the last bit.
  const units: DidUnit[] = [];
  const treated = { streets: 0, before: 0, after: 0 };
  const comparison = { streets: 0, before: 0, after: 0 };
  const used = new Set<number>();
  for (const id of [...perCampaign.keys()].sort((a, b) => a - b))
    for (const u of perCampaign.get(id)!) {
      u.matched.forEach((x) => used.add(x));
      treated.streets++;
      treated.before += u.before;
      treated.after += u.after;
      comparison.before += u.mb;
      comparison.after += u.ma;
      units.push({ campaignId: u.campaignId, change: u.change, matchChange: u.matchChange });
    }
  comparison.streets = used.size;
  return didFromUnits(units, treated, comparison, opts);
}

/** Measure 3 (subsidy uptake) from the lists; the same as uptake() over the reference rows. */
export function uptakeFromWindows(
  input: WindowInput,
  opts: { minStreets: number; seed: number; replicates?: number },
): Uptake {
  if (input.campaigns.length <= 1) return uptake(rowsOf(input), opts);
  const per: UptakeCampaign[] = [];
  const addresses = Int32Array.from(input.streets, (st) => st.addresses);
  walk(input, (s) => {
    const t = { streets: 0, addresses: 0, before: 0, after: 0 };
    for (const i of s.own) {
      t.streets++;
      t.addresses += addresses[i]!;
      t.before += s.before[i]!;
      t.after += s.all[i]! - s.before[i]!;
    }
    const c = { streets: 0, addresses: 0, before: 0, after: 0 };
    for (let i = 0; i < addresses.length; i++) {
      if (s.treated[i] || s.busy[i]! > 0) continue;
      c.streets++;
      c.addresses += addresses[i]!;
      c.before += s.before[i]!;
      c.after += s.all[i]! - s.before[i]!;
    }
    per.push({ campaignId: s.campaign.id, treated: t, pool: c });
  });
  return uptakeFromCampaigns(
    per.sort((a, b) => a.campaignId - b.campaignId),
    opts,
  );
}
