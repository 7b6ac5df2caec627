/**
 * The privacy rules of the public map, as pure functions over pre-grouped data:
 * - a street with fewer than `minAddresses` residential addresses is not shown on its own;
 *   its burglaries count in its area (buurt/wijk, or a grid cell where none are loaded);
 * - an area with fewer than `minAddresses` homes shows no figures at all;
 * - a count of 1 .. minCount-1 is "a few" (count null), never a number and never 0;
 * - time is coarse: ISO week of the most recent burglary, months in the trend.
 */
import type {
  AreaFigure, Band, PeriodMonths, PublicCount, PublicFilter, StreetFigure,
} from './public.types';

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

/** Burglaries grouped by street (or area when no street), age, week, month, method, attempt. */
export interface IncidentGroup {
  streetId: number | null;
  /** Area of the incident's location; only used when it has no street. */
  areaKey: string | null;
  daysAgo: number;
  week: string;
  month: string;
  mo: string;
  attempt: boolean;
  n: number;
}

export interface PrivacyRules {
  minAddresses: number;
  minCount: number;
}

/** How far back each period reaches, in whole days. */
export const PERIOD_DAYS: Record<PeriodMonths, number> = { 1: 30, 3: 91, 12: 365 };

/** A count as the public may see it. */
export function publicCount(n: number, minCount: number): PublicCount {
  if (n <= 0) return { count: 0, few: false };
  if (n < minCount) return { count: null, few: true };
  return { count: n, few: false };
}

/** Map colour class of a street figure. */
export function bandOf(n: number, merged: boolean, minCount: number): Band {
  if (merged) return 'merged';
  if (n <= 0) return 'none';
  if (n < minCount) return 'few';
  if (n <= Math.max(5, minCount)) return 'low';
  if (n <= Math.max(10, minCount)) return 'mid';
  return 'high';
}

class Tally {
  n = 0;
  lastWeek: string | null = null;
  private readonly mo = new Map<string, number>();

  add(g: IncidentGroup): void {
    this.n += g.n;
    if (this.lastWeek === null || g.week > this.lastWeek) this.lastWeek = g.week;
    this.mo.set(g.mo, (this.mo.get(g.mo) ?? 0) + g.n);
  }

  methods(): string[] {
    return [...this.mo.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  }
}

/** Whether a group passes the method and attempt filters (not the period). */
function passes(g: IncidentGroup, f: PublicFilter): boolean {
  if (f.methods.length > 0 && !f.methods.includes(g.mo)) return false;
  if (f.attempt === 'attempt' && !g.attempt) return false;
  if (f.attempt === 'completed' && g.attempt) return false;
  return true;
}

/** The last `n` calendar months ending with the month of `now` (Europe/Amsterdam), oldest first. */
export function lastMonths(now: Date, n = 12): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .formatToParts(now);
  let y = Number(parts.find((p) => p.type === 'year')!.value);
  let m = Number(parts.find((p) => p.type === 'month')!.value);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

export interface Figures {
  streets: StreetFigure[];
  areas: AreaFigure[];
  total: PublicCount & { methods: string[] };
}

/** Applies the privacy rules to the grouped burglaries for one filter. */
export function computeFigures(
  streets: StreetBase[],
  groups: IncidentGroup[],
  filter: PublicFilter,
  rules: PrivacyRules,
  months: string[],
): Figures {
  const byId = new Map(streets.map((s) => [s.id, s]));
  const maxDays = PERIOD_DAYS[filter.period];
  const streetTally = new Map<number, Tally>();
  const areaTally = new Map<string, Tally>();
  const areaMonths = new Map<string, Map<string, number>>();
  const total = new Tally();

  for (const g of groups) {
    if (!passes(g, filter)) continue;
    const street = g.streetId === null ? undefined : byId.get(g.streetId);
    const areaKey = street ? street.areaKey : g.areaKey;
    if (!areaKey) continue;
    // The monthly trend always covers 12 months, whatever the period.
    const perMonth = areaMonths.get(areaKey) ?? new Map<string, number>();
    perMonth.set(g.month, (perMonth.get(g.month) ?? 0) + g.n);
    areaMonths.set(areaKey, perMonth);
    if (g.daysAgo >= maxDays) continue;
    total.add(g);
    if (!areaTally.has(areaKey)) areaTally.set(areaKey, new Tally());
    areaTally.get(areaKey)!.add(g);
    if (street && street.addresses >= rules.minAddresses) {
      if (!streetTally.has(street.id)) streetTally.set(street.id, new Tally());
      streetTally.get(street.id)!.add(g);
    }
  }

  const streetFigures: StreetFigure[] = streets.map((s) => {
    const merged = s.addresses < rules.minAddresses;
    const t = merged ? undefined : streetTally.get(s.id);
    const n = t?.n ?? 0;
    return {
      id: s.id,
      name: s.name,
      place: s.place,
      merged,
      areaKey: s.areaKey,
      ...(merged ? { count: null, few: false } : publicCount(n, rules.minCount)),
      band: bandOf(n, merged, rules.minCount),
      lastWeek: t?.lastWeek ?? null,
      methods: t?.methods() ?? [],
    };
  });

  // Areas: homes, a readable name and an extent from their streets.
  const areaInfo = new Map<string, { name: string | null; kind: StreetBase['areaKind']; homes: number; top: StreetBase | null; bbox: [number, number, number, number] | null }>();
  for (const s of streets) {
    const a = areaInfo.get(s.areaKey) ?? { name: s.areaName, kind: s.areaKind, homes: 0, top: null, bbox: null };
    a.homes += s.addresses;
    if (!a.top || s.addresses > a.top.addresses) a.top = s;
    if (s.bbox) {
      a.bbox = a.bbox
        ? [Math.min(a.bbox[0], s.bbox[0]), Math.min(a.bbox[1], s.bbox[1]), Math.max(a.bbox[2], s.bbox[2]), Math.max(a.bbox[3], s.bbox[3])]
        : [...s.bbox];
    }
    areaInfo.set(s.areaKey, a);
  }
  const areas: AreaFigure[] = [...areaInfo.entries()].map(([key, a]) => {
    const hidden = a.homes < rules.minAddresses;
    const t = areaTally.get(key);
    const perMonth = areaMonths.get(key);
    return {
      key,
      // Grid cells are named after their street with the most homes; the client words it ('omgeving X').
      name: a.name ?? a.top?.name ?? key,
      kind: a.kind,
      hidden,
      ...(hidden ? { count: null, few: false } : publicCount(t?.n ?? 0, rules.minCount)),
      lastWeek: hidden ? null : (t?.lastWeek ?? null),
      methods: hidden ? [] : (t?.methods() ?? []),
      trend: hidden ? [] : months.map((month) => ({ month, ...publicCount(perMonth?.get(month) ?? 0, rules.minCount) })),
      bbox: a.bbox,
    };
  });
  areas.sort((x, y) => Number(x.hidden) - Number(y.hidden) || (y.count ?? (y.few ? 1 : 0)) - (x.count ?? (x.few ? 1 : 0)) || x.name.localeCompare(y.name, 'nl'));

  return { streets: streetFigures, areas, total: { ...publicCount(total.n, rules.minCount), methods: total.methods() } };
}
