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

/** Cells by a number (not a string: 2 million string keys cost more than the counting). */
type Grid = Map<number, TimedPoint[]>;

/** The key of cell (cx, cy); cells up to 2^20 from the origin either way stay exact. */
const key = (cx: number, cy: number) => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);

const byTime = (a: TimedPoint, b: TimedPoint) => a.t - b.t || a.id - b.id;

function inOrder(list: readonly TimedPoint[]): boolean {
  for (let i = 1; i < list.length; i++) if (byTime(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function grid(points: readonly TimedPoint[], cell: number): Grid {
  const g: Grid = new Map();
  for (const p of points) {
    const k = key(Math.floor(p.x / cell), Math.floor(p.y / cell));
    const list = g.get(k);
    if (list) list.push(p);
    else g.set(k, [p]);
  }
  // The database sends them in time order (then id): then every list is in order already.
  for (const list of g.values()) if (!inOrder(list)) list.sort(byTime);
  return g;
}

/** A cell's points in time order, and where the search starts (only moves forward). */
interface Cell {
  list: TimedPoint[];
  start: number;
}

/** The cells around each cell, made once per cell (not per point: 9 lookups each would be 1.8 million). */
function neighbourhoods(g: Grid): (cx: number, cy: number) => Cell[] {
  const cells = new Map<number, Cell>([...g].map(([k, list]) => [k, { list, start: 0 }]));
  const around = new Map<number, Cell[]>();
  return (cx, cy) => {
    const k = key(cx, cy);
    let found = around.get(k);
    if (!found) {
      found = [];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          const c = cells.get(key(cx + dx, cy + dy));
          if (c) found.push(c);
        }
      around.set(k, found);
    }
    return found;
  };
}

/**
 * The index burglaries of [from, to) whose follow-up ended by `observedUntil`, counted, in time
 * order (then id). They are visited in that order, so each cell's search start only moves
 * forward (no binary search per cell and point).
 */
export function countIndexBurglaries(
  incidents: readonly TimedPoint[],
  letters: readonly TimedPoint[],
  p: CountParams,
): IndexCount[] {
  const d = p.distanceM;
  const d2 = d * d;
  const span = p.days * 86_400_000;
  const hours = p.letterHours * 3_600_000;
  const nearIncidents = neighbourhoods(grid(incidents, d));
  const nearLetters = neighbourhoods(grid(letters, d));
  const index = incidents.filter((i) => i.t >= p.from && i.t < p.to && i.t + span <= p.observedUntil);
  if (!inOrder(index)) index.sort(byTime);
  const out: IndexCount[] = [];
  for (const i of index) {
    const cx = Math.floor(i.x / d);
    const cy = Math.floor(i.y / d);
    // Follow-ons: other burglaries within d, in (t, t + span].
    let followOns = 0;
    const until = i.t + span;
    for (const c of nearIncidents(cx, cy)) {
      const list = c.list;
      while (c.start < list.length && list[c.start]!.t <= i.t) c.start++;
      for (let k = c.start; k < list.length; k++) {
        const q = list[k]!;
        if (q.t > until) break;
        if (q.id !== i.id && (q.x - i.x) ** 2 + (q.y - i.y) ** 2 <= d2) followOns++;
      }
    }
    // A letter within d, made in [t, t + hours).
    let treated = false;
    const by = i.t + hours;
    for (const c of nearLetters(cx, cy)) {
      const list = c.list;
      while (c.start < list.length && list[c.start]!.t < i.t) c.start++;
      for (let k = c.start; k < list.length && !treated; k++) {
        const q = list[k]!;
        if (q.t >= by) break;
        if ((q.x - i.x) ** 2 + (q.y - i.y) ** 2 <= d2) treated = true;
      }
      if (treated) break;
    }
    out.push({ id: i.id, t: i.t, treated, followOns });
  }
  return out;
}
