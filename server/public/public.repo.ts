/** SQL of the public map (sql/queries/public/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { IncidentGroup, PublishedMonth, StreetBase } from './public-figures';

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

/** Serialises publishing per municipality until the end of the transaction `q` is in. */
export async function lockPublication(municipalityId: number, q: Queryable): Promise<void> {
  await q.query(sql('public/publication-lock'), [municipalityId]);
}

export async function publishedMonths(
  municipalityId: number,
  months: string[],
  q: Queryable = db(),
): Promise<Set<string>> {
  const r = await q.query<{ month: string }>(sql('public/published-months'), [municipalityId, months]);
  return new Set(r.rows.map((x) => x.month));
}

/** The oldest published month before `month`, or null. */
export async function firstPublishedMonth(
  municipalityId: number,
  month: string,
  q: Queryable,
): Promise<string | null> {
  const r = await q.query<{ month: string | null }>(sql('public/first-published-month'), [
    municipalityId,
    month,
  ]);
  return r.rows[0]?.month ?? null;
}

/**
 * Starts publishing one month and takes in its burglaries: those of the month, and late reports
 * from `lateFrom` on that no published month took in yet. Answers them grouped.
 */
export async function takeMonthIncidents(
  municipalityId: number,
  month: string,
  gridM: number,
  lateFrom: Date,
  end: Date,
  q: Queryable,
): Promise<Array<Omit<IncidentGroup, 'month'>>> {
  await q.query(sql('public/insert-month'), [municipalityId, month]);
  const r = await q.query<{
    street_id: number | null;
    area_code: string | null;
    grid_x: number | null;
    grid_y: number | null;
    modus_operandi: string;
    attempt: boolean;
    n: number;
  }>(sql('public/publish-month'), [municipalityId, gridM, lateFrom, end, month]);
  return r.rows.map((row) => ({
    streetId: row.street_id,
    areaKey: row.area_code
      ? `nb:${row.area_code}`
      : row.grid_x === null
        ? null
        : gridKey(row.grid_x, row.grid_y!),
    mo: row.modus_operandi,
    attempt: row.attempt,
    n: row.n,
  }));
}

/** Stores a month's streets and counts as published. */
export async function storePublishedMonth(
  municipalityId: number,
  m: PublishedMonth,
  q: Queryable,
): Promise<void> {
  await q.query(sql('public/insert-month-streets'), [municipalityId, m.month, JSON.stringify(m.streets)]);
  await q.query(sql('public/insert-month-counts'), [municipalityId, m.month, JSON.stringify(m.counts)]);
}

/** Published months as they were published, in the order asked (a month not published counts nothing). */
export async function loadPublishedMonths(
  municipalityId: number,
  months: string[],
  q: Queryable = db(),
): Promise<PublishedMonth[]> {
  const [streets, counts] = await Promise.all([
    q.query<{ month: string; street_id: number; area_key: string; addresses: number }>(
      sql('public/month-streets'),
      [municipalityId, months],
    ),
    q.query<{
      month: string;
      street_id: number | null;
      area_key: string;
      attempt: boolean;
      modus_operandi: string;
      n: number;
    }>(sql('public/month-counts'), [municipalityId, months]),
  ]);
  const byMonth = new Map<string, PublishedMonth>(
    months.map((m) => [m, { month: m, streets: [], counts: [] }]),
  );
  for (const row of streets.rows)
    byMonth
      .get(row.month)
      ?.streets.push({ streetId: row.street_id, areaKey: row.area_key, addresses: row.addresses });
  for (const row of counts.rows)
    byMonth.get(row.month)?.counts.push({
      streetId: row.street_id,
      areaKey: row.area_key,
      attempt: row.attempt,
      mo: row.modus_operandi,
      n: row.n,
    });
  return months.map((m) => byMonth.get(m)!);
}

/** Withdraws every published month of a municipality; answers the months withdrawn. */
export async function withdrawPublications(municipalityId: number, q: Queryable): Promise<string[]> {
  const r = await q.query<{ month: string }>(sql('public/withdraw-publications'), [municipalityId]);
  return r.rows.map((x) => x.month).sort();
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
