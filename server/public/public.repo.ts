/** SQL of the public map (sql/queries/public/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { IncidentGroup, StreetBase } from './public-figures';

export interface MunicipalityRow {
  code: string;
  name: string;
  settings: Record<string, unknown>;
  west: number;
  south: number;
  east: number;
  north: number;
  demo: boolean;
}

export async function publicMunicipalities(
  q: Queryable = db(),
): Promise<Array<MunicipalityRow & { id: number }>> {
  const r = await q.query<MunicipalityRow>(sql('public/municipalities'));
  const ids = await q.query<{ id: number; code: string }>('SELECT id, code FROM municipalities');
  const idOf = new Map(ids.rows.map((x) => [x.code, x.id]));
  return r.rows.map((row) => ({ ...row, id: idOf.get(row.code)! }));
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function gridKey(x: number, y: number): string {
  return `grid:${x}:${y}`;
}

export async function streetsBase(
  municipalityId: number,
  gridM: number,
  q: Queryable = db(),
): Promise<StreetBase[]> {
  const r = await q.query<{
    id: number;
    name: string;
    place: string;
    addresses: number;
    area_code: string | null;
    area_name: string | null;
    grid_x: number;
    grid_y: number;
    has_geom: boolean;
    west: number | null;
    south: number | null;
    east: number | null;
    north: number | null;
  }>(sql('public/streets-base'), [municipalityId, gridM]);
  return r.rows.map((row) => ({
    id: row.id,
    name: row.name,
    place: row.place,
    addresses: row.addresses,
    areaKey: row.area_code ? `nb:${row.area_code}` : gridKey(row.grid_x, row.grid_y),
    areaName: row.area_name,
    areaKind: row.area_code ? (row.area_code.startsWith('WK') ? 'wijk' : 'buurt') : 'grid',
    hasGeom: row.has_geom,
    // Rounded to 4 decimals (~10 m): enough to zoom to a street, never a precise position.
    bbox:
      row.west === null
        ? null
        : [round4(row.west), round4(row.south!), round4(row.east!), round4(row.north!)],
  }));
}

/** Burglaries from `from` (inclusive) to `cutoff` (exclusive), grouped by street or area, month, method and attempt. */
export async function incidentGroups(
  municipalityId: number,
  gridM: number,
  from: Date,
  cutoff: Date,
  q: Queryable = db(),
): Promise<IncidentGroup[]> {
  const r = await q.query<{
    street_id: number | null;
    area_code: string | null;
    grid_x: number | null;
    grid_y: number | null;
    month: string;
    modus_operandi: string;
    attempt: boolean;
    n: number;
  }>(sql('public/incident-groups'), [municipalityId, gridM, from, cutoff]);
  return r.rows.map((row) => ({
    streetId: row.street_id,
    areaKey: row.area_code
      ? `nb:${row.area_code}`
      : row.grid_x === null
        ? null
        : gridKey(row.grid_x, row.grid_y!),
    month: row.month,
    mo: row.modus_operandi,
    attempt: row.attempt,
    n: row.n,
  }));
}

export async function streetsByPostcode(
  municipalityId: number,
  postcode: string,
  q: Queryable = db(),
): Promise<number[]> {
  const r = await q.query<{ street_id: number }>(sql('public/search-postcode'), [municipalityId, postcode]);
  return r.rows.map((x) => x.street_id);
}

export async function streetsByName(
  municipalityId: number,
  text: string,
  q: Queryable = db(),
): Promise<number[]> {
  const pattern = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const r = await q.query<{ street_id: number }>(sql('public/search-street'), [
    municipalityId,
    text,
    pattern,
  ]);
  return r.rows.map((x) => x.street_id);
}

export async function streetTile(
  z: number,
  x: number,
  y: number,
  municipalityId: number,
  figures: Array<{ id: number; band: string; n: number | null }>,
  q: Queryable = db(),
): Promise<Buffer> {
  const r = await q.query<{ mvt: Buffer | null }>(sql('public/street-tile'), [
    z,
    x,
    y,
    municipalityId,
    JSON.stringify(figures),
  ]);
  return r.rows[0]?.mvt ?? Buffer.alloc(0);
}

export async function basemapTile(z: number, x: number, y: number, q: Queryable = db()): Promise<Buffer> {
  const r = await q.query<{ mvt: Buffer | null }>(sql('public/basemap-tile'), [z, x, y]);
  return r.rows[0]?.mvt ?? Buffer.alloc(0);
}
