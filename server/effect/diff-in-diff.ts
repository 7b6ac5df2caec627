/**
 * Measure 2, before and after with comparison streets: for every street that got a campaign's
 * letters, the burglaries in the N weeks before and after the campaign, against matched
 * comparison streets of the same municipality without letters in that time; the difference in
 * differences with a 95 % interval from a seeded bootstrap. The bootstrap resamples campaigns
 * (each with all its treated streets and their matches), because the streets of one campaign
 * share comparison streets and their burglaries are not independent; with a single campaign it
 * resamples its treated streets, each with its matched comparison streets (a pair bootstrap).
 *
 * Matching: the comparison streets with the same number of burglaries in the before window
 * (nearest when too few have the same), then the nearest number of residential addresses (on a
 * log scale). Matching on the burglaries before means comparison streets "dip" like the treated
 * ones: letters follow a burglary, and a street with a burglary last week tends to have fewer
 * next month anyway (regression to the mean), which a comparison without matching would credit
 * to the letters.
 */
import { createRng } from '../incidents/prng';
import { percentileInterval } from './bootstrap';

/** One street in one campaign's windows. */
export interface StreetWindow {
  /** The campaign the windows are centred on. */
  campaignId: number;
  streetId: number;
  addresses: number;
  before: number;
  after: number;
  /** It got letters of this campaign. */
  treated: boolean;
  /** It got letters of any campaign in the windows (so it cannot be a comparison street). */
  busy: boolean;
}

export interface DidOptions {
  /** Comparison streets per treated street (default 3). */
  matches?: number;
  /** Below this many treated streets the view says "too few to tell" (no difference). */
  minStreets: number;
  seed: number;
  replicates?: number;
}

export interface DiffInDiff {
  status: 'ok' | 'too-few';
  minStreets: number;
  treated: { streets: number; before: number; after: number };
  /** Matched comparison streets: how many distinct streets, and their burglaries per treated street's match set. */
  comparison: { streets: number; before: number; after: number };
  /** Change per treated street minus the change of its matched comparison streets (burglaries per street). */
  difference: number | null;
  interval: [number, number] | null;
  seed: number;
}

/** One treated street of a campaign: its change and the mean change of its matched streets. */
export interface DidUnit {
  campaignId: number;
  change: number;
  matchChange: number;
}

function match(t: StreetWindow, pool: StreetWindow[], k: number): StreetWindow[] {
  const la = Math.log(t.addresses + 1);
  return [...pool]
    .sort(
      (a, b) =>
        Math.abs(a.before - t.before) - Math.abs(b.before - t.before) ||
        Math.abs(Math.log(a.addresses + 1) - la) - Math.abs(Math.log(b.addresses + 1) - la) ||
        a.streetId - b.streetId,
    )
    .slice(0, k);
}

/** The difference in differences over all campaigns' treated streets (deterministic for a seed). */
export function diffInDiff(rows: readonly StreetWindow[], opts: DidOptions): DiffInDiff {
  const k = opts.matches ?? 3;
  const byCampaign = new Map<number, StreetWindow[]>();
  for (const r of rows) {
    const list = byCampaign.get(r.campaignId) ?? [];
    list.push(r);
    byCampaign.set(r.campaignId, list);
  }
  const units: DidUnit[] = [];
  const treated = { streets: 0, before: 0, after: 0 };
  const comparison = { streets: 0, before: 0, after: 0 };
  const used = new Set<number>();
  for (const [, list] of [...byCampaign].sort((a, b) => a[0] - b[0])) {
    const pool = list.filter((r) => !r.treated && !r.busy);
    for (const t of list.filter((r) => r.treated)) {
      const m = match(t, pool, k);
      if (m.length === 0) continue;
      const mb = m.reduce((s, r) => s + r.before, 0) / m.length;
      const ma = m.reduce((s, r) => s + r.after, 0) / m.length;
      m.forEach((r) => used.add(r.streetId));
      treated.streets++;
      treated.before += t.before;
      treated.after += t.after;
      comparison.before += mb;
      comparison.after += ma;
      units.push({ campaignId: t.campaignId, change: t.after - t.before, matchChange: ma - mb });
    }
  }
  comparison.streets = used.size;
  return didFromUnits(units, treated, comparison, opts);
}

/**
 * The figure and its bootstrap interval from the matched units (in campaign, then street order:
 * the resampling depends on it) and the sums of their counts.
 */
export function didFromUnits(
  units: readonly DidUnit[],
  treated: DiffInDiff['treated'],
  comparison: DiffInDiff['comparison'],
  opts: DidOptions,
): DiffInDiff {
  const replicates = opts.replicates ?? 2000;
  const base = { minStreets: opts.minStreets, treated, comparison, seed: opts.seed };
  if (units.length < opts.minStreets || units.length === 0)
    return { ...base, status: 'too-few', difference: null, interval: null };
  // Clusters: one per campaign (sum and count of its streets' effects), or one per street.
  const clusters = new Map<number, { sum: number; n: number }>();
  const oneCampaign = new Set(units.map((u) => u.campaignId)).size === 1;
  units.forEach((u, i) => {
    const key = oneCampaign ? i : u.campaignId;
    const c = clusters.get(key) ?? { sum: 0, n: 0 };
    c.sum += u.change - u.matchChange;
    c.n++;
    clusters.set(key, c);
  });
  const list = [...clusters.values()];
  const total = list.reduce((s, c) => s + c.sum, 0);
  const rng = createRng(opts.seed);
  const m = list.length;
  const draws = Array.from({ length: replicates }, () => {
    let s = 0;
    let n = 0;
    for (let i = 0; i < m; i++) {
      const c = list[Math.floor(rng.next() * m)]!;
      s += c.sum;
      n += c.n;
    }
    return s / n;
  });
  return { ...base, status: 'ok', difference: total / units.length, interval: percentileInterval(draws) };
}
