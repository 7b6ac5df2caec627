/**
 * Open data: the public figures of a municipality and period as CSV and GeoJSON, per street or
 * per area, with a licence and a data dictionary. They are the published figures of the public
 * map (server/public/public.service.ts), so a download holds exactly what the map shows: counts
 * per street or area and calendar months, "a few or withheld" as an empty count, never a house,
 * an incident or a date.
 */
import { z } from 'zod';
import { csvLine } from '../core/csv';
import { db } from '../core/db';
import { NotFoundError } from '../core/errors';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import * as publicFigures from '../public/public.service';
import type { PeriodMonths, PublicFilter } from '../public/public.types';
import * as repo from './open-data.repo';

export const OpenDataQuery = z.object({
  period: z
    .enum(['1', '3', '12'])
    .default('12')
    .transform((p) => Number(p) as PeriodMonths),
  level: z.enum(['streets', 'areas']).default('streets'),
});
export type OpenDataQuery = z.infer<typeof OpenDataQuery>;

export const LICENCE = {
  figures: {
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: 'Gemeente (municipality) named in the file, via Preventiekaart',
  },
  geometry: {
    name: 'ODbL 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    attribution: '© OpenStreetMap contributors',
  },
} as const;

/** What each column means (CSV) or property (GeoJSON). */
export const DICTIONARY: Record<string, string> = {
  municipality: 'CBS municipality code (GMxxxx).',
  month_from: 'First calendar month covered (YYYY-MM, Europe/Amsterdam).',
  month_to: 'Last calendar month covered (the last complete month at publication).',
  level: "'street' or 'area'.",
  id: 'Street id of the public map (streets) or area key: a CBS buurt/wijk code, or grid:<x>:<y> (a 500 m cell in EPSG:28992).',
  name: 'Street or area name (for a grid cell: its street with the most homes).',
  place: 'Place (woonplaats) of the street.',
  area: 'Key of the area the street belongs to.',
  count:
    'Burglaries and attempts registered by the police in those months, as published at the end of each month. Empty when not shown (see few_or_withheld).',
  few_or_withheld:
    "true: 'a few or withheld': 1 or 2, or a larger number held back so that a small number cannot be worked out from this and other figures. Never means 0.",
  merged:
    'true: the street has fewer than 8 homes and no figure of its own; it is counted in its area (see area).',
  hidden: 'true (areas): the area has too few homes to show any figure.',
};

async function municipalityId(code: string): Promise<number> {
  const m = await municipalityByCode(db(), code);
  if (!m) throw new NotFoundError(`no public map for municipality '${code}'`);
  return m.id;
}

interface Row {
  level: 'street' | 'area';
  id: string;
  name: string;
  place: string;
  area: string;
  count: number | null;
  few: boolean;
  merged: boolean;
  hidden: boolean;
  bbox: [number, number, number, number] | null;
  streetId: number | null;
}

async function rows(
  code: string,
  q: OpenDataQuery,
  now: Date,
): Promise<{ months: [string, string]; rows: Row[] }> {
  const f: PublicFilter = { period: q.period, methods: [], attempt: 'all' };
  if (q.level === 'streets') {
    const s = await publicFigures.streetFigures(code, f, now);
    return {
      months: s.months,
      rows: s.streets.map((x) => ({
        level: 'street',
        id: String(x.id),
        name: x.name,
        place: x.place,
        area: x.areaKey,
        count: x.merged ? null : x.count,
        few: !x.merged && x.few,
        merged: x.merged,
        hidden: false,
        bbox: null,
        streetId: x.id,
      })),
    };
  }
  const a = await publicFigures.areaFigures(code, f, now);
  return {
    months: a.months,
    rows: a.areas.map((x) => ({
      level: 'area',
      id: x.key,
      name: x.name,
      place: '',
      area: x.key,
      count: x.hidden ? null : x.count,
      few: !x.hidden && x.few,
      merged: false,
      hidden: x.hidden,
      bbox: x.bbox,
      streetId: null,
    })),
  };
}

export async function csv(code: string, q: OpenDataQuery, now = new Date()): Promise<string> {
  await municipalityId(code);
  const r = await rows(code, q, now);
  const head = [
    'municipality',
    'month_from',
    'month_to',
    'level',
    'id',
    'name',
    'place',
    'area',
    'count',
    'few_or_withheld',
    'merged',
    'hidden',
  ];
  const lines = r.rows.map((x) =>
    csvLine([
      code,
      r.months[0],
      r.months[1],
      x.level,
      x.id,
      x.name,
      x.place,
      x.area,
      x.count,
      String(x.few),
      String(x.merged),
      String(x.hidden),
    ]),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

export async function geojson(code: string, q: OpenDataQuery, now = new Date()): Promise<unknown> {
  const id = await municipalityId(code);
  const r = await rows(code, q, now);
  const lines = q.level === 'streets' ? await repo.streetLines(id) : new Map<number, unknown>();
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    type: 'FeatureCollection',
    name: `preventiekaart ${code} ${q.level}, ${r.months[0]} to ${r.months[1]}`,
    licence: LICENCE,
    dictionary: DICTIONARY,
    features: r.rows.map((x) => {
      const b = x.bbox;
      const geometry =
        x.streetId !== null
          ? (lines.get(x.streetId) ?? null)
          : b
            ? {
                type: 'Polygon',
                coordinates: [
                  [
                    [round(b[0]), round(b[1])],
                    [round(b[2]), round(b[1])],
                    [round(b[2]), round(b[3])],
                    [round(b[0]), round(b[3])],
                    [round(b[0]), round(b[1])],
                  ],
                ],
              }
            : null;
      return {
        type: 'Feature',
        id: x.id,
        geometry,
        properties: {
          municipality: code,
          month_from: r.months[0],
          month_to: r.months[1],
          level: x.level,
          name: x.name,
          place: x.place,
          area: x.area,
          count: x.count,
          few_or_withheld: x.few,
          merged: x.merged,
          hidden: x.hidden,
        },
      };
    }),
  };
}

/** What a municipality offers for download, with the licence and the data dictionary. */
export async function catalogue(code: string, baseUrl: string): Promise<unknown> {
  await municipalityId(code);
  const downloads = [];
  for (const level of ['streets', 'areas'])
    for (const period of [1, 3, 12])
      for (const format of ['csv', 'geojson'])
        downloads.push({
          level,
          period,
          format,
          url: `${baseUrl}/api/public/${code}/open-data/${level}.${format}?period=${period}`,
        });
  return {
    municipality: code,
    description:
      'Burglary figures of the public map: per street or area, whole calendar months, published once at the end of each month and never changed; small numbers shown as "a few or withheld".',
    licence: LICENCE,
    dictionary: DICTIONARY,
    downloads,
  };
}
