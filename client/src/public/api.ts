/** The public API as the page uses it (relative URLs: the page never talks to another host). */
import type {
  AreasResponse,
  MunicipalityInfo,
  PublicFilter,
  SearchResponse,
  StreetsResponse,
} from '../../../server/public/public.types';

export type { AreasResponse, MunicipalityInfo, PublicFilter, SearchResponse, StreetsResponse };
export type {
  StreetFigure,
  AreaFigure,
  SearchHit,
  PublicCount,
  Band,
} from '../../../server/public/public.types';

async function get<T>(url: string): Promise<T> {
  const r = await fetch(url, { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

export function filterQuery(f: PublicFilter): string {
  const p = new URLSearchParams({ period: String(f.period), attempt: f.attempt });
  if (f.methods.length) p.set('methods', f.methods.join(','));
  return p.toString();
}

export const api = {
  municipalities: () => get<{ municipalities: MunicipalityInfo[] }>('/api/public/municipalities'),
  streets: (code: string, f: PublicFilter) =>
    get<StreetsResponse>(`/api/public/${code}/streets?${filterQuery(f)}`),
  areas: (code: string, f: PublicFilter) => get<AreasResponse>(`/api/public/${code}/areas?${filterQuery(f)}`),
  search: (code: string, q: string, f: PublicFilter) =>
    get<SearchResponse>(`/api/public/${code}/search?${filterQuery(f)}&q=${encodeURIComponent(q)}`),
};
