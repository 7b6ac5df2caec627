/**
 * The public map's figures: loads a municipality's streets and its published months once per
 * cache period and cut-off (publishing the months not yet published), applies the privacy rules (public-figures.ts) per filter, and
 * answers the street, area, search and tile requests from that snapshot. The figures come from
 * the published months (public.publication.ts), never from the live incidents. Every function
 * takes the moment to answer for (`now`, default the clock): the figures depend on it only
 * through the monthly cut-off.
 */
import { z } from 'zod';
import { config } from '../core/config';
import { NotFoundError } from '../core/errors';
import { logger } from '../core/logger';
import { MunicipalitySettings, settingsIn } from '../municipalities/municipality-settings';
import {
  computeFigures,
  METHOD_CODES,
  ProtectedFigures,
  publicCutoff,
  publicMonths,
  type Figures,
  type StreetBase,
} from './public-figures';
import { publishedYear } from './public.publication';
import * as repo from './public.repo';
import type {
  AreasResponse,
  MunicipalityInfo,
  PeriodMonths,
  PublicFilter,
  SearchHit,
  SearchResponse,
  StreetsResponse,
} from './public.types';

export { METHOD_CODES };

/** Query-string filter of every public figure request. */
export const FilterQuery = z.object({
  period: z
    .enum(['1', '3', '12'])
    .default('3')
    .transform((p) => Number(p) as PeriodMonths),
  methods: z
    .string()
    .max(300)
    .default('')
    .transform((s) =>
      [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ].sort(),
    )
    .pipe(z.array(z.enum(METHOD_CODES, { message: `methods: use codes ${METHOD_CODES.join(', ')}` }))),
  attempt: z.enum(['all', 'attempt', 'completed']).default('all'),
});

export function filterKey(f: PublicFilter): string {
  return `${f.period}|${f.methods.join(',')}|${f.attempt}`;
}

interface Snapshot {
  id: number;
  info: MunicipalityInfo;
  streets: StreetBase[];
  byId: Map<number, StreetBase>;
  protected: ProtectedFigures;
  months: string[];
  figures: Map<string, Figures>;
}

let municipalitiesCache: { at: number; value: Promise<Array<MunicipalityInfo & { id: number }>> } | undefined;
/** A municipality's snapshot: when its load began, the load, whether it is done, and whether a newer one is loading. */
interface SnapshotEntry {
  at: number;
  value: Promise<Snapshot>;
  ready: boolean;
  refreshing: boolean;
}
const snapshots = new Map<string, SnapshotEntry>();

function ttlMs(): number {
  return config().PUBLIC_CACHE_SECONDS * 1000;
}

/** Forgets every cached figure (tests; after an import when figures must show at once). */
export function clearPublicFigures(): void {
  municipalitiesCache = undefined;
  snapshots.clear();
}

/** Loaded less than PUBLIC_CACHE_SECONDS ago (a plain boolean: a stale entry is still an entry). */
function fresh(entry: { at: number } | undefined): boolean {
  return entry !== undefined && Date.now() - entry.at < ttlMs();
}

export async function listMunicipalities(): Promise<MunicipalityInfo[]> {
  return (await municipalitiesWithIds()).map(({ id: _id, ...m }) => m);
}

async function municipalitiesWithIds(): Promise<Array<MunicipalityInfo & { id: number }>> {
  if (!municipalitiesCache || !fresh(municipalitiesCache)) {
    const value = repo.publicMunicipalities().then((rows) =>
      rows.map((r) => {
        const s = MunicipalitySettings.safeParse(r.settings ?? {});
        const settings = s.success ? s.data : MunicipalitySettings.parse({});
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          bbox: [r.west, r.south, r.east, r.north] as [number, number, number, number],
          demo: r.demo,
          subsidy: settings.subsidy,
          whatsapp: settings.whatsapp,
          en: { subsidy: settingsIn(settings, 'en').subsidy, whatsapp: settingsIn(settings, 'en').whatsapp },
          website: settings.letterhead.website,
          phone: settings.letterhead.phone,
        };
      }),
    );
    value.catch(() => (municipalitiesCache = undefined));
    municipalitiesCache = { at: Date.now(), value };
    return value;
  }
  return municipalitiesCache.value;
}

async function loadSnapshot(code: string, now: Date): Promise<Snapshot> {
  const m = (await municipalitiesWithIds()).find((x) => x.code === code);
  if (!m) throw new NotFoundError(`no public map for municipality '${code}'`);
  const grid = config().PUBLIC_GRID_M;
  const months = publicMonths(now);
  const streets = await repo.streetsBase(m.id, grid);
  const published = await publishedYear(m.id, months, streets, grid);
  const { id, ...info } = m;
  return {
    id,
    info,
    streets,
    byId: new Map(streets.map((s) => [s.id, s])),
    protected: new ProtectedFigures(streets, published, rules()),
    months,
    figures: new Map(),
  };
}

function startLoad(code: string, now: Date): SnapshotEntry {
  const entry: SnapshotEntry = {
    at: Date.now(),
    value: loadSnapshot(code, now),
    ready: false,
    refreshing: false,
  };
  entry.value.then(
    () => (entry.ready = true),
    () => undefined,
  );
  return entry;
}

/**
 * The snapshot of a municipality at `now`'s cut-off. Fresh (loaded less than PUBLIC_CACHE_SECONDS
 * ago): as it is. Stale: still answered from, while one newer load runs (stale-while-revalidate),
 * because loading a large municipality takes seconds (7 s for 900,000 addresses,
 * docs/readme/operations.md) and every request in that time waited for it: the soak's p99 was
 * 3 s with timeouts, each minute when the cache expired. So figures are at most
 * PUBLIC_CACHE_SECONDS plus one load old. If the load fails (the database away), the previous
 * figures go on being served, the failure is logged, and the next request tries again: the public
 * map stays up through a database restart. None yet, or a new cut-off: the request waits.
 */
async function snapshot(code: string, now: Date): Promise<Snapshot> {
  return (await snapshotEntry(code, now)).value;
}

async function snapshotEntry(code: string, now: Date): Promise<SnapshotEntry> {
  const cutoff = publicCutoff(now);
  const key = `${code}|${cutoff.toISOString()}`;
  const entry = snapshots.get(key);
  if (entry && fresh(entry)) return entry;
  if (entry?.ready) {
    if (!entry.refreshing) {
      entry.refreshing = true;
      const next = startLoad(code, now);
      next.value.then(
        // Unless the cache was cleared meanwhile (then the next request loads anew).
        () => snapshots.get(key) === entry && snapshots.set(key, next),
        (err: unknown) => {
          entry.refreshing = false;
          logger.warn(
            { err: (err as Error).message, code },
            'public figures: refresh failed; serving the previous ones',
          );
        },
      );
    }
    return entry;
  }
  if (entry) return entry;
  const created = startLoad(code, now);
  created.value.catch(() => snapshots.get(key) === created && snapshots.delete(key));
  // One snapshot per municipality: the one of another cut-off is dropped.
  for (const k of snapshots.keys()) if (k.startsWith(`${code}|`)) snapshots.delete(k);
  snapshots.set(key, created);
  return created;
}

/**
 * When the data of `code`'s current public figures was read (ms since 1970): a cached answer
 * made from them should expire PUBLIC_CACHE_SECONDS after that, not after it was made.
 */
export async function figuresReadAt(code: string, now = new Date()): Promise<number> {
  const entry = await snapshotEntry(code, now);
  await entry.value;
  return entry.at;
}

/** The latest month the public figures cover at `now` (the last complete calendar month). */
export function latestPublicMonth(now = new Date()): string {
  return publicMonths(now).at(-1)!;
}

function rules(): { minAddresses: number; minCount: number } {
  return { minAddresses: config().PUBLIC_MIN_ADDRESSES, minCount: config().PUBLIC_MIN_COUNT };
}

function figuresFor(s: Snapshot, f: PublicFilter): Figures {
  const key = filterKey(f);
  let fig = s.figures.get(key);
  if (!fig) {
    fig = computeFigures(s.protected, f);
    s.figures.set(key, fig);
  }
  return fig;
}

export async function streetFigures(
  code: string,
  f: PublicFilter,
  now = new Date(),
): Promise<StreetsResponse> {
  const s = await snapshot(code, now);
  const fig = figuresFor(s, f);
  return {
    municipality: { code: s.info.code, name: s.info.name },
    filter: f,
    minCount: rules().minCount,
    minAddresses: rules().minAddresses,
    months: monthRange(s, f),
    total: fig.total,
    streets: fig.streets,
    demo: s.info.demo,
  };
}

function monthRange(s: Snapshot, f: PublicFilter): [string, string] {
  return [s.months[s.months.length - f.period]!, s.months[s.months.length - 1]!];
}

export async function areaFigures(code: string, f: PublicFilter, now = new Date()): Promise<AreasResponse> {
  const s = await snapshot(code, now);
  return {
    municipality: { code: s.info.code, name: s.info.name },
    filter: f,
    months: monthRange(s, f),
    areas: figuresFor(s, f).areas,
  };
}

/** Street figures as the tile query takes them: only streets with a line. */
export async function tileFigures(
  code: string,
  f: PublicFilter,
  now = new Date(),
): Promise<{ municipalityId: number; figures: Array<{ id: number; band: string; n: number | null }> }> {
  const s = await snapshot(code, now);
  const fig = figuresFor(s, f);
  return {
    municipalityId: s.id,
    figures: fig.streets
      .filter((x) => s.byId.get(x.id)?.hasGeom)
      .map((x) => ({ id: x.id, band: x.band, n: x.count })),
  };
}

const POSTCODE = /^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})(?![A-Za-z])/;

/**
 * Search by postcode (a house number after it is ignored and never echoed) or street name.
 * Answers per street: its figure for the period, or its area's when it is merged.
 */
export async function search(
  code: string,
  text: string,
  f: PublicFilter,
  now = new Date(),
): Promise<SearchResponse> {
  const s = await snapshot(code, now);
  const pc = POSTCODE.exec(text);
  const kind = pc ? 'postcode' : 'street';
  const shown = pc ? `${pc[1]} ${pc[2]!.toUpperCase()}` : text.trim().replace(/\s*\d.*$/, '');
  const ids = pc
    ? await repo.streetsByPostcode(s.id, `${pc[1]}${pc[2]!.toUpperCase()}`)
    : shown.length >= 2
      ? await repo.streetsByName(s.id, shown)
      : [];
  const fig = figuresFor(s, f);
  const streetFig = new Map(fig.streets.map((x) => [x.id, x]));
  const areaFig = new Map(fig.areas.map((a) => [a.key, a]));
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const base = s.byId.get(id);
    const sf = streetFig.get(id);
    if (!base || !sf) continue;
    const a = areaFig.get(base.areaKey)!;
    hits.push({
      street: { id, name: base.name, place: base.place, bbox: base.bbox },
      figure: sf.merged ? null : { count: sf.count, few: sf.few, methods: sf.methods },
      area: {
        key: a.key,
        name: a.name,
        kind: a.kind,
        count: a.count,
        few: a.few,
        methods: a.methods,
        hidden: a.hidden,
      },
    });
  }
  return { query: { kind, text: shown }, period: f.period, hits };
}
