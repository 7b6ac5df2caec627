/** SQL of the incident analyses (sql/queries/analysis/*.sql). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface StreetActivityRow {
  street_id: number;
  name: string;
  place: string;
  n: number;
  attempts: number;
  completed: number;
  last_at: Date;
  mo: Record<string, number>;
  addresses: number;
  per_1000: number | null;
  geometry: object | null;
}

export async function streetActivity(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<StreetActivityRow[]> {
  return (await q.query<StreetActivityRow>(sql('analysis/street-activity'), [municipalityId, from, to])).rows;
}

export async function periodTotals(q: Queryable, municipalityId: number, from: Date, to: Date) {
  const { rows } = await q.query<{ incidents: number; on_streets: number; unlocated: number }>(
    sql('analysis/period-totals'),
    [municipalityId, from, to],
  );
  return rows[0]!;
}

/** Located incidents of a period as typed arrays (the population of clusters and the Knox test). */
export async function locatedIncidents(q: Queryable, municipalityId: number, from: Date, to: Date) {
  const { rows } = await q.query<{ id: string; x: number; y: number; t: number }>(
    sql('analysis/located-incidents'),
    [municipalityId, from, to],
  );
  return {
    ids: rows.map((r) => r.id),
    x: Float64Array.from(rows, (r) => r.x),
    y: Float64Array.from(rows, (r) => r.y),
    t: Float64Array.from(rows, (r) => r.t),
  };
}

export interface ClusterDetailRow {
  cluster: number;
  first_at: Date;
  last_at: Date;
  attempts: number;
  hull: object;
  centroid: object;
  streets: { id: number; name: string; n: number }[];
}

export async function clusterDetails(
  q: Queryable,
  ids: number[],
  clusters: number[],
): Promise<ClusterDetailRow[]> {
  return (await q.query<ClusterDetailRow>(sql('analysis/cluster-details'), [ids, clusters])).rows;
}

/** The version of a municipality's addresses ('0' when it has none): the address index reloads when it changes. */
export async function addressesVersion(q: Queryable, municipalityId: number): Promise<string> {
  const { rows } = await q.query<{ version: string }>(sql('analysis/addresses-version'), [municipalityId]);
  return rows[0]?.version ?? '0';
}

/** Residential address points sorted into rows of `rowHeightM` by y, then by x. */
export async function addressPoints(q: Queryable, municipalityId: number, rowHeightM: number) {
  const { rows } = await q.query<{ id: string; x: number; y: number }>(sql('analysis/address-points'), [
    municipalityId,
    rowHeightM,
  ]);
  return rows;
}
