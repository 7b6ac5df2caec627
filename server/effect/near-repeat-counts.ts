/**
 * Measure 1's counting: each index burglary's follow-ons (other burglaries after it, within
 * `distanceM` and `days`) and whether a letter went within `distanceM` of it within
 * `letterHours` after it began. A grid of `distanceM` cells with each cell's points sorted by
 * time makes it one pass over nearby points only: the same query in SQL (a correlated count and
 * an EXISTS per index burglary) took seconds for 10,000 burglaries (bench/effect.bench.ts).
 */

/** A point in RD New metres at a moment (ms since the epoch). */
export interface TimedPoint {
  id: number;
  x: number;
  y: number;
  t: number;
}

export interface CountParams {
  from: number;
  to: number;
  distanceM: number;
  days: number;
  letterHours: number;
  observedUntil: number;
}

export interface IndexCount {
  id: number;
  t: number;
  treated: boolean;
  followOns: number;
}

type Grid = Map<string, TimedPoint[]>;

function grid(points: readonly TimedPoint[], cell: number): Grid {
  const g: Grid = new Map();
  for (const p of points) {
    const k = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
    const list = g.get(k);
    if (list) list.push(p);
    else g.set(k, [p]);
  }
  for (const list of g.values()) list.sort((a, b) => a.t - b.t || a.id - b.id);
  return g;
}

/** First index in a time-sorted list with t >= `t` (or > `t` when `strict`). */
function firstAt(list: readonly TimedPoint[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? list[mid]!.t <= t : list[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Visits the points near `p` (within `d`) whose time is in (after, until] or [after, until). */
function near(
  g: Grid,
  p: TimedPoint,
  d: number,
  after: number,
  until: number,
  strictStart: boolean,
  visit: (q: TimedPoint) => boolean | void,
): void {
  const cx = Math.floor(p.x / d);
  const cy = Math.floor(p.y / d);
  const d2 = d * d;
  for (let dx = -1; dx <= 1; dx++)
    for (let dy = -1; dy <= 1; dy++) {
      const list = g.get(`${cx + dx},${cy + dy}`);
      if (!list) continue;
      for (let i = firstAt(list, after, strictStart); i < list.length; i++) {
        const q = list[i]!;
        if (strictStart ? q.t > until : q.t >= until) break;
        if ((q.x - p.x) ** 2 + (q.y - p.y) ** 2 <= d2 && visit(q) === true) return;
      }
    }
}

/** The index burglaries of [from, to) whose follow-up ended by `observedUntil`, counted. */
export function countIndexBurglaries(
  incidents: readonly TimedPoint[],
  letters: readonly TimedPoint[],
  p: CountParams,
): IndexCount[] {
  const d = p.distanceM;
  const span = p.days * 86_400_000;
  const hours = p.letterHours * 3_600_000;
  const ig = grid(incidents, d);
  const lg = grid(letters, d);
  const out: IndexCount[] = [];
  for (const i of incidents) {
    if (i.t < p.from || i.t >= p.to || i.t + span > p.observedUntil) continue;
    let followOns = 0;
    near(ig, i, d, i.t, i.t + span, true, (j) => {
      if (j.id !== i.id) followOns++;
    });
    let treated = false;
    near(lg, i, d, i.t, i.t + hours, false, () => {
      treated = true;
      return true;
    });
    out.push({ id: i.id, t: i.t, treated, followOns });
  }
  return out.sort((a, b) => a.t - b.t || a.id - b.id);
}
