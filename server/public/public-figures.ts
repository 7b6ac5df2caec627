/**
 * The privacy rules of the public map: the one place that decides which public figure is a
 * number, which is "a few / not shown" and which is nothing at all. Pure functions over
 * pre-grouped data, used by every public output (streets, areas, search, tiles).
 *
 * Time. Figures count whole calendar months (Europe/Amsterdam) up to a cut-off: the first
 * moment of the current month. The cut-off moves once a month, at midnight on the 1st, whatever
 * the incidents' times, so no poll of the public map can tell a time finer than the month.
 *
 * Publication. Each month is published once, at the first cut-off after it ends, and kept
 * (public.publication.ts): its counts, the streets as they were, and so its protected groups
 * never change afterwards. A burglary registered after its month was published counts in the
 * next month published. Comparing the figures of successive cut-offs (periods 1, 3 and 12 slide
 * over the same months) therefore only ever adds or removes whole groups.
 *
 * Counts. Every public count is a sum over "atoms": burglaries of one published month, one
 * area, one street (or the area's merged streets together), attempt or completed, one method.
 * The published family (every month, as period 1 at its cut-off, and sums of months; 3 attempt
 * filters x every method subset x street, area and municipality) contains every combination of
 * atoms, so an attacker who adds and subtracts public numbers, at one cut-off or over many, can
 * work out any atom whose cells are all shown. Hence the rule, applied per month in one tree
 * (area > street > attempt > method):
 *
 *   1. Group the month's burglaries into protected groups of at least `minCount`, bottom-up: a
 *      node whose count is 1 .. minCount-1 (or that may never be shown on its own: a merged
 *      street's rest of the area, an area with too few homes) is pooled with its small
 *      siblings; a pool still below the minimum takes in its smallest sibling; a node that
 *      cannot reach the minimum is pooled one level up. A pool of only ones also takes in a
 *      sibling, so "not shown" never pins each member to exactly 1.
 *   2. A public count is shown as a number only when, in every month it covers, every group
 *      lies wholly inside it or wholly outside it; otherwise it is "a few / not shown"
 *      (`few: true`, `count: null`).
 *
 * Then every shown number is a sum of whole groups, and so is every sum or difference of
 * shown numbers, of one cut-off or of many: each is 0 or at least `minCount`, and a merged
 * street's count is only ever part of a group with others. docs/readme/public-map.md says this
 * for a privacy officer; tests/integration/public-attacker.test.ts attacks it.
 */
import type { AreaFigure, Band, PeriodMonths, PublicCount, PublicFilter, StreetFigure } from './public.types';

export interface StreetBase {
  id: number;
  name: string;
  place: string;
  addresses: number;
  areaKey: string;
  areaName: string | null;
  areaKind: 'buurt' | 'wijk' | 'grid';
  hasGeom: boolean;
  bbox: [number, number, number, number] | null;
}

/** Burglaries grouped by street (or area when no street), calendar month, method and attempt. */
export interface IncidentGroup {
  streetId: number | null;
  /** Area of the incident's location; only used when it has no street. */
  areaKey: string | null;
  /** Calendar month in Europe/Amsterdam, 'YYYY-MM'. */
  month: string;
  mo: string;
  attempt: boolean;
  n: number;
}

export interface PrivacyRules {
  minAddresses: number;
  minCount: number;
}

export const PERIODS: readonly PeriodMonths[] = [1, 3, 12];
export const METHOD_CODES = [
  'cylinder_snapping',
  'latch_slipping',
  'open_window_door',
  'door_forced',
  'window_forced',
  'climbing',
  'unknown',
] as const;

const TZ = 'Europe/Amsterdam';

function amsterdam(d: Date): { y: number; m: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { y: get('year'), m: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The cut-off of the public figures at `now`: midnight (Europe/Amsterdam) on the 1st of the current month. */
export function publicCutoff(now: Date): Date {
  const { y, m } = amsterdam(now);
  // Amsterdam is UTC+1 or UTC+2; midnight on the 1st is never in a DST gap.
  for (const offset of [1, 2]) {
    const t = new Date(Date.UTC(y, m - 1, 1, -offset));
    const a = amsterdam(t);
    if (a.day === 1 && a.hour === 0 && a.minute === 0) return t;
  }
  throw new Error(`no Europe/Amsterdam midnight found for ${y}-${m}-01`);
}

/** The 12 complete calendar months the public figures cover at `now`, oldest first ('YYYY-MM'). */
export function publicMonths(now: Date): string[] {
  let { y, m } = amsterdam(now);
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The month `k` months after `month` ('YYYY-MM'; k may be negative). */
export function shiftMonth(month: string, k: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The first instant of a month in Europe/Amsterdam. */
export function monthStart(month: string): Date {
  return publicCutoff(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15)));
}

/** A count as the public may see it. */
export function publicCount(n: number, minCount: number): PublicCount {
  if (n <= 0) return { count: 0, few: false };
  if (n < minCount) return { count: null, few: true };
  return { count: n, few: false };
}

/** Map colour class of a street figure. */
export function bandOf(c: PublicCount, merged: boolean, minCount: number): Band {
  if (merged) return 'merged';
  if (c.few || c.count === null) return 'few';
  const n = c.count;
  if (n <= 0) return 'none';
  if (n <= Math.max(5, minCount)) return 'low';
  if (n <= Math.max(10, minCount)) return 'mid';
  return 'high';
}

// --- published months ------------------------------------------------------------------

/** A street as a month was published: its area and its residential addresses. */
export interface MonthStreet {
  streetId: number;
  areaKey: string;
  addresses: number;
}

/** Burglaries of a published month on one street (or, with no street, in one area), method and attempt. */
export interface MonthCount {
  streetId: number | null;
  areaKey: string;
  attempt: boolean;
  mo: string;
  n: number;
}

/** One calendar month as published: never changed afterwards. */
export interface PublishedMonth {
  month: string;
  streets: MonthStreet[];
  counts: MonthCount[];
}

/** A month's publication from the streets as they are now and the month's grouped burglaries. */
export function publishMonth(
  month: string,
  streets: StreetBase[],
  groups: Array<Omit<IncidentGroup, 'month'>>,
): PublishedMonth {
  const byId = new Map(streets.map((s) => [s.id, s]));
  const counts: MonthCount[] = [];
  for (const g of groups) {
    if (g.n <= 0) continue;
    const street = g.streetId === null ? undefined : byId.get(g.streetId);
    // A burglary on a street the public map does not know (no homes, no line) is not counted.
    const areaKey = g.streetId === null ? g.areaKey : street?.areaKey;
    if (!areaKey) continue;
    counts.push({ streetId: street ? street.id : null, areaKey, attempt: g.attempt, mo: g.mo, n: g.n });
  }
  return {
    month,
    streets: streets.map((s) => ({ streetId: s.id, areaKey: s.areaKey, addresses: s.addresses })),
    counts,
  };
}

// --- the protection tree of one month ---------------------------------------------------

/** Levels of a month's tree, top-down. */
const AREA = 0;
const UNIT = 1;
const ATTEMPT = 2;
const METHOD = 3;
const LEVELS = 4;

/** A protected group: the atoms with `fixed` on the levels above `level` and one of `keys` on `level`. */
interface Group {
  fixed: string[];
  level: number;
  keys: Set<string>;
  size: number;
}

interface TreeNode {
  total: number;
  children: Map<string, TreeNode>;
}

/** A cell of one month's tree: per level the keys it covers, or null for all. */
type Cell = Array<Set<string> | null>;

interface Atom {
  path: string[];
  n: number;
}

function unitKeyOf(streetId: number): string {
  return `s:${streetId}`;
}
function restKeyOf(areaKey: string): string {
  return `r:${areaKey}`;
}

/** A public cell: what a public count covers. */
export interface PublicCell {
  period: PeriodMonths;
  /** One street (its own count), or null. */
  street: number | null;
  /** The street's area now: used for a month in which the street was not yet shown on its own. */
  streetArea: string | null;
  /** One area, or null. */
  area: string | null;
  attempt: 't' | 'f' | null;
  methods: Set<string> | null;
}

/** A month's answer to a cell: whether it is a sum of whole groups, and its count. */
interface MonthAnswer {
  exact: boolean;
  n: number;
}

/** The protected groups of one published month; answers any cell of that month. */
class MonthProtection {
  private readonly root: TreeNode = { total: 0, children: new Map() };
  private readonly groups: Group[] = [];
  private readonly atoms: Atom[] = [];
  private readonly atomsByUnit = new Map<string, Atom[]>();
  private readonly atomsByArea = new Map<string, Atom[]>();
  private readonly byUnit = new Map<string, Group[]>();
  private readonly byArea = new Map<string, Group[]>();
  private readonly wide: Group[] = [];
  private readonly streetById = new Map<number, MonthStreet>();
  private readonly areaHomes = new Map<string, number>();
  private readonly mergedPerArea = new Map<string, number>();
  private readonly unitsPerArea = new Map<string, Set<string>>();

  constructor(
    published: PublishedMonth,
    private readonly rules: PrivacyRules,
  ) {
    for (const s of published.streets) {
      this.streetById.set(s.streetId, s);
      this.areaHomes.set(s.areaKey, (this.areaHomes.get(s.areaKey) ?? 0) + s.addresses);
      const units = this.unitsPerArea.get(s.areaKey) ?? new Set<string>([restKeyOf(s.areaKey)]);
      if (this.isMerged(s)) this.mergedPerArea.set(s.areaKey, (this.mergedPerArea.get(s.areaKey) ?? 0) + 1);
      else units.add(unitKeyOf(s.streetId));
      this.unitsPerArea.set(s.areaKey, units);
    }
    for (const g of published.counts) {
      if (g.n <= 0) continue;
      const area = g.areaKey;
      if (!this.unitsPerArea.has(area)) this.unitsPerArea.set(area, new Set([restKeyOf(area)]));
      const street = g.streetId === null ? undefined : this.streetById.get(g.streetId);
      const unit = street && !this.isMerged(street) ? unitKeyOf(street.streetId) : restKeyOf(area);
      const path = [area, unit, g.attempt ? 't' : 'f', g.mo];
      const atom = { path, n: g.n };
      this.atoms.push(atom);
      this.push(this.atomsByUnit, unit, atom);
      this.push(this.atomsByArea, area, atom);
      let node = this.root;
      node.total += g.n;
      for (const k of path) {
        let child = node.children.get(k);
        if (!child) node.children.set(k, (child = { total: 0, children: new Map() }));
        child.total += g.n;
        node = child;
      }
    }
    const top = this.protect([], this.root);
    if (top.unresolved) {
      // Too few burglaries in the whole month: one group that hides every figure touching it.
      this.groups.push({
        fixed: [],
        level: AREA,
        keys: new Set(this.root.children.keys()),
        size: this.root.total,
      });
    } else {
      this.groups.push(...top.groups);
    }
    for (const g of this.groups) this.index(g);
  }

  private isMerged(s: MonthStreet): boolean {
    return s.addresses < this.rules.minAddresses;
  }

  /** A node that may never be a group on its own: a hidden area, or the rest of an area holding fewer than two merged streets. */
  private solo(level: number, key: string): boolean {
    if (level === AREA) return (this.areaHomes.get(key) ?? 0) < this.rules.minAddresses;
    if (level === UNIT && key.startsWith('r:')) return (this.mergedPerArea.get(key.slice(2)) ?? 0) < 2;
    return false;
  }

  /** The possible keys of a level under a prefix, for choosing an empty sibling. */
  private domain(level: number, prefix: string[]): string[] {
    if (level === AREA) return [...this.unitsPerArea.keys()];
    if (level === UNIT) return [...(this.unitsPerArea.get(prefix[AREA]!) ?? [])];
    if (level === ATTEMPT) return ['t', 'f'];
    return [...METHOD_CODES];
  }

  private protect(prefix: string[], node: TreeNode): { groups: Group[]; unresolved: boolean } {
    const level = prefix.length;
    const min = this.rules.minCount;
    if (node.total === 0) return { groups: [], unresolved: false };
    if (level === LEVELS) {
      if (node.total < min) return { groups: [], unresolved: true };
      const group = {
        fixed: prefix.slice(0, -1),
        level: LEVELS - 1,
        keys: new Set([prefix[LEVELS - 1]!]),
        size: node.total,
      };
      return { groups: [group], unresolved: false };
    }
    const kids = [...node.children.entries()]
      .filter(([, c]) => c.total > 0)
      .map(([key, c]) => ({
        key,
        total: c.total,
        solo: this.solo(level, key),
        res: this.protect([...prefix, key], c),
      }));
    const pooled = kids.filter((k) => k.res.unresolved || k.solo);
    const rest = kids
      .filter((k) => !(k.res.unresolved || k.solo))
      .sort((a, b) => a.total - b.total || a.key.localeCompare(b.key));
    if (pooled.length === 0) return { groups: rest.flatMap((k) => k.res.groups), unresolved: false };

    const keys = new Set(pooled.map((k) => k.key));
    let sum = pooled.reduce((s, k) => s + k.total, 0);
    let nonEmpty = pooled.length;
    const hasSolo = pooled.some((k) => k.solo);
    let withEmpty = false;
    const enough = () => sum >= min && !(hasSolo && keys.size < 2) && !(sum === nonEmpty && !withEmpty);
    while (!enough()) {
      if (sum >= min && !withEmpty) {
        // Only the count is short of members: an empty sibling in the group is enough.
        const empty = this.domain(level, prefix).find(
          (k) => !keys.has(k) && !node.children.has(k) && !this.solo(level, k),
        );
        if (empty !== undefined) {
          keys.add(empty);
          withEmpty = true;
          continue;
        }
      }
      const next = rest.shift();
      if (!next) return { groups: [], unresolved: true };
      keys.add(next.key);
      sum += next.total;
      nonEmpty++;
    }
    return {
      groups: [...rest.flatMap((k) => k.res.groups), { fixed: prefix, level, keys, size: sum }],
      unresolved: false,
    };
  }

  private index(g: Group): void {
    if (g.level > UNIT) this.push(this.byUnit, g.fixed[UNIT]!, g);
    else if (g.level === UNIT) for (const k of g.keys) this.push(this.byUnit, k, g);
    if (g.level > AREA) this.push(this.byArea, g.fixed[AREA]!, g);
    else this.wide.push(g);
  }

  private push<T>(map: Map<string, T[]>, key: string, v: T): void {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  }

  private relation(g: Group, cell: Cell): 'in' | 'out' | 'split' {
    for (let i = 0; i < g.level; i++) if (cell[i] && !cell[i]!.has(g.fixed[i]!)) return 'out';
    const c = cell[g.level];
    if (c) {
      let any = false;
      let all = true;
      for (const k of g.keys) {
        if (c.has(k)) any = true;
        else all = false;
      }
      if (!any) return 'out';
      if (!all) return 'split';
    }
    for (let i = g.level + 1; i < LEVELS; i++) if (cell[i]) return 'split';
    return 'in';
  }

  /** Whether a cell is a sum of whole groups (so its number may be shown). */
  private exact(cell: Cell, candidates: Iterable<Group>): boolean {
    for (const g of candidates) {
      const r = this.relation(g, cell);
      if (r === 'split' || (r === 'in' && g.size < this.rules.minCount)) return false;
    }
    return true;
  }

  private count(cell: Cell): number {
    const atoms = cell[UNIT]
      ? [...cell[UNIT]!].flatMap((u) => this.atomsByUnit.get(u) ?? [])
      : cell[AREA]
        ? [...cell[AREA]!].flatMap((a) => this.atomsByArea.get(a) ?? [])
        : this.atoms;
    let n = 0;
    for (const a of atoms) if (a.path.every((k, i) => !cell[i] || cell[i]!.has(k))) n += a.n;
    return n;
  }

  private readonly candidateCache = new Map<string, Group[]>();

  /** The groups that can touch a cell: those of its street or area, and the wide ones. */
  private candidates(cell: Cell): Group[] {
    const unit = cell[UNIT];
    const area = cell[AREA];
    if (unit?.size === 1) return this.cached(`u|${[...unit][0]!}`, () => this.unitCandidates([...unit][0]!));
    if (!unit && area?.size === 1)
      return this.cached(`a|${[...area][0]!}`, () => [
        ...this.wide,
        ...(this.byArea.get([...area][0]!) ?? []),
      ]);
    return this.groups;
  }

  /** Pools of areas (wide), and the groups of the street's own subtree or pools that hold it. */
  private unitCandidates(u: string): Group[] {
    return [...this.wide, ...(this.byUnit.get(u) ?? [])];
  }

  private cached(key: string, make: () => Group[]): Group[] {
    let v = this.candidateCache.get(key);
    if (!v) this.candidateCache.set(key, (v = make()));
    return v;
  }

  private answer(cell: Cell): MonthAnswer {
    if (!this.exact(cell, this.candidates(cell))) return { exact: false, n: 0 };
    return { exact: true, n: this.count(cell) };
  }

  /** True when the month counted no burglary under `area` (and, when given, its unit `unit`). */
  private emptyUnder(area: string | null, unit?: string): boolean {
    if (area === null) return this.atoms.length === 0;
    return !(unit ? this.atomsByUnit.get(unit) : this.atomsByArea.get(area))?.length;
  }

  /**
   * A public cell in this month. A street that was merged in this month, or not yet known, has
   * no count of its own here: the cell is exact only when its area's rest (or area) was empty.
   */
  evaluate(c: PublicCell): MonthAnswer {
    const cell: Cell = [null, null, null, null];
    cell[ATTEMPT] = c.attempt ? new Set([c.attempt]) : null;
    cell[METHOD] = c.methods;
    if (c.street !== null) {
      const s = this.streetById.get(c.street);
      if (!s) return { exact: this.emptyUnder(c.streetArea), n: 0 };
      if (this.isMerged(s)) return { exact: this.emptyUnder(s.areaKey, restKeyOf(s.areaKey)), n: 0 };
      cell[UNIT] = new Set([unitKeyOf(c.street)]);
    } else if (c.area !== null) {
      // An area the month did not have (new streets, or areas drawn anew): only an empty month answers.
      if (!this.unitsPerArea.has(c.area)) return { exact: this.emptyUnder(null), n: 0 };
      cell[AREA] = new Set([c.area]);
    }
    return this.answer(cell);
  }
}

/** Protected figures of one municipality at one cut-off: its 12 published months; answers any public cell. */
export class ProtectedFigures {
  private readonly months: MonthProtection[];
  private readonly streetArea: Map<number, string>;

  /** `published`: the months of the public year, oldest first (a month that is missing counts nothing). */
  constructor(
    readonly streets: StreetBase[],
    published: PublishedMonth[],
    readonly rules: PrivacyRules,
  ) {
    this.months = published.map((m) => new MonthProtection(m, rules));
    this.streetArea = new Map(streets.map((s) => [s.id, s.areaKey]));
  }

  /** The figures of a first publication: every month published at once from today's streets. */
  static firstPublication(
    streets: StreetBase[],
    groups: IncidentGroup[],
    months: string[],
    rules: PrivacyRules,
  ): ProtectedFigures {
    const published = months.map((month) =>
      publishMonth(
        month,
        streets,
        groups.filter((g) => g.month === month),
      ),
    );
    return new ProtectedFigures(streets, published, rules);
  }

  /** The public count of a cell: a number only when, in every month it covers, it is a sum of whole groups. */
  figure(cell: PublicCell): PublicCount {
    let n = 0;
    for (const m of this.months.slice(-cell.period)) {
      const a = m.evaluate(cell);
      if (!a.exact) return { count: null, few: true };
      n += a.n;
    }
    return publicCount(n, this.rules.minCount);
  }

  /** Methods seen in a cell, most frequent first: only those whose own count is shown. */
  methods(cell: PublicCell): string[] {
    const shown: Array<[string, number]> = [];
    for (const m of cell.methods ?? METHOD_CODES) {
      const c = this.figure({ ...cell, methods: new Set([m]) });
      if (c.count) shown.push([m, c.count]);
    }
    return shown.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([m]) => m);
  }

  /** The filter part of a cell (time, attempt, method). */
  static filterCell(f: PublicFilter): PublicCell {
    return {
      period: f.period,
      street: null,
      streetArea: null,
      area: null,
      attempt: f.attempt === 'all' ? null : f.attempt === 'attempt' ? 't' : 'f',
      methods: f.methods.length ? new Set(f.methods) : null,
    };
  }

  streetCell(f: PublicFilter, streetId: number): PublicCell {
    return {
      ...ProtectedFigures.filterCell(f),
      street: streetId,
      streetArea: this.streetArea.get(streetId) ?? null,
    };
  }

  static areaCell(f: PublicFilter, areaKey: string): PublicCell {
    return { ...ProtectedFigures.filterCell(f), area: areaKey };
  }
}

export interface Figures {
  streets: StreetFigure[];
  areas: AreaFigure[];
  total: PublicCount & { methods: string[] };
}

/** Applies the privacy rules for one filter: every street, every area and the municipality. */
export function computeFigures(p: ProtectedFigures, filter: PublicFilter): Figures {
  const { minAddresses, minCount } = p.rules;
  const streetFigures: StreetFigure[] = p.streets.map((s) => {
    const merged = s.addresses < minAddresses;
    const cell = p.streetCell(filter, s.id);
    const c = merged ? { count: null, few: false } : p.figure(cell);
    return {
      id: s.id,
      name: s.name,
      place: s.place,
      merged,
      areaKey: s.areaKey,
      ...c,
      band: bandOf(c, merged, minCount),
      methods: merged || !c.count ? [] : p.methods(cell),
    };
  });

  // Areas: homes, a readable name and an extent from their streets.
  const areaInfo = new Map<
    string,
    {
      name: string | null;
      kind: StreetBase['areaKind'];
      homes: number;
      top: StreetBase | null;
      bbox: [number, number, number, number] | null;
    }
  >();
  for (const s of p.streets) {
    const a = areaInfo.get(s.areaKey) ?? {
      name: s.areaName,
      kind: s.areaKind,
      homes: 0,
      top: null,
      bbox: null,
    };
    a.homes += s.addresses;
    if (!a.top || s.addresses > a.top.addresses) a.top = s;
    if (s.bbox) {
      a.bbox = a.bbox
        ? [
            Math.min(a.bbox[0], s.bbox[0]),
            Math.min(a.bbox[1], s.bbox[1]),
            Math.max(a.bbox[2], s.bbox[2]),
            Math.max(a.bbox[3], s.bbox[3]),
          ]
        : [...s.bbox];
    }
    areaInfo.set(s.areaKey, a);
  }
  const areas: AreaFigure[] = [...areaInfo.entries()].map(([key, a]) => {
    const hidden = a.homes < minAddresses;
    const cell = ProtectedFigures.areaCell(filter, key);
    const c = hidden ? { count: null, few: false } : p.figure(cell);
    const periods = Object.fromEntries(
      PERIODS.map((period) => [
        period,
        hidden
          ? { count: null, few: false }
          : p.figure(ProtectedFigures.areaCell({ ...filter, period }, key)),
      ]),
    ) as AreaFigure['periods'];
    return {
      key,
      // Grid cells are named after their street with the most homes; the client words it ('omgeving X').
      name: a.name ?? a.top?.name ?? key,
      kind: a.kind,
      hidden,
      ...c,
      methods: hidden || !c.count ? [] : p.methods(cell),
      periods,
      bbox: a.bbox,
    };
  });
  areas.sort(
    (x, y) =>
      Number(x.hidden) - Number(y.hidden) ||
      (y.count ?? (y.few ? 1 : 0)) - (x.count ?? (x.few ? 1 : 0)) ||
      x.name.localeCompare(y.name, 'nl'),
  );

  const totalCell = ProtectedFigures.filterCell(filter);
  const total = p.figure(totalCell);
  return {
    streets: streetFigures,
    areas,
    total: { ...total, methods: total.count ? p.methods(totalCell) : [] },
  };
}
