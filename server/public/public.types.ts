/**
 * What the public endpoints answer. Shared with the client (type imports only). By design
 * nothing here can hold a house number, an incident id, a location finer than a street, a
 * registration number or a time finer than a calendar month. The rules that decide each
 * count are in public-figures.ts.
 */

export type PeriodMonths = 1 | 3 | 12;
export type AttemptFilter = 'all' | 'attempt' | 'completed';

export interface PublicFilter {
  period: PeriodMonths;
  /** Method codes (modus_operandi); empty = all. */
  methods: string[];
  attempt: AttemptFilter;
}

/**
 * A count as the public may see it: `count` is the number when it may be shown (0, or at
 * least the minimum), and null with `few: true` when it is not shown: "a few" (1 .. minimum-1),
 * or held back so that a small number elsewhere cannot be worked out from it.
 */
export interface PublicCount {
  count: number | null;
  few: boolean;
}

/** Colour class of a street on the map. */
export type Band = 'merged' | 'none' | 'few' | 'low' | 'mid' | 'high';

export interface StreetFigure extends PublicCount {
  id: number;
  name: string;
  place: string;
  /** True when the street has too few homes to be shown on its own: see its area. */
  merged: boolean;
  areaKey: string;
  band: Band;
  /** Method codes seen whose own count is shown, most frequent first. */
  methods: string[];
}

export interface AreaFigure extends PublicCount {
  key: string;
  /** The buurt/wijk name; for a grid cell the name of its street with the most homes. */
  name: string;
  kind: 'buurt' | 'wijk' | 'grid';
  /** True when the area itself has too few homes: no figures. */
  hidden: boolean;
  methods: string[];
  /** The area's count in each period (same filter otherwise), by the same rules. */
  periods: Record<PeriodMonths, PublicCount>;
  bbox: [number, number, number, number] | null;
}

export interface MunicipalityInfo {
  code: string;
  name: string;
  bbox: [number, number, number, number];
  demo: boolean;
  subsidy: { name: string; description: string; url: string };
  whatsapp: { description: string; url: string };
  /** The same texts in English, where the municipality gave them (else Dutch). */
  en: {
    subsidy: { name: string; description: string; url: string };
    whatsapp: { description: string; url: string };
  };
  website: string;
  phone: string;
}

export interface StreetsResponse {
  municipality: { code: string; name: string };
  filter: PublicFilter;
  minCount: number;
  minAddresses: number;
  /**
   * Month range covered, e.g. ['2025-01', '2025-03']: whole calendar months, the last one
   * complete; the range moves on the 1st of each month (Europe/Amsterdam).
   */
  months: [string, string];
  total: PublicCount & { methods: string[] };
  streets: StreetFigure[];
  demo: boolean;
}

export interface AreasResponse {
  municipality: { code: string; name: string };
  filter: PublicFilter;
  months: [string, string];
  areas: AreaFigure[];
}

export interface SearchHit {
  street: { id: number; name: string; place: string; bbox: [number, number, number, number] | null };
  /** The street's own figure, or null when merged into its area. */
  figure: (PublicCount & { methods: string[] }) | null;
  area: { key: string; name: string; kind: 'buurt' | 'wijk' | 'grid' } & PublicCount & {
      methods: string[];
      hidden: boolean;
    };
}

export interface SearchResponse {
  query: { kind: 'postcode' | 'street'; text: string };
  period: PeriodMonths;
  hits: SearchHit[];
}
