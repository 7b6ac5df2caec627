/** SQL for walking routes on the pgRouting network (sql/queries/routing/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface StreetEnds {
  street_id: string;
  name: string;
  a_vertex: string | null;
  b_vertex: string | null;
}

/** The two network vertices of each street a walk through it joins (NULL: not on the network). */
export async function streetEnds(
  q: Queryable,
  municipalityId: number,
  streetIds: number[],
): Promise<StreetEnds[]> {
  return (await q.query<StreetEnds>(sql('routing/street-ends'), [municipalityId, streetIds])).rows;
}

/** The network vertex nearest to a point (EPSG:4326), or undefined when the network is empty. */
export async function nearestVertex(
  q: Queryable,
  municipalityId: number,
  lon: number,
  lat: number,
): Promise<{ id: string; distance_m: number } | undefined> {
  return (
    await q.query<{ id: string; distance_m: number }>(sql('routing/nearest-vertex'), [
      municipalityId,
      lon,
      lat,
    ])
  ).rows[0];
}

/** An address's position, for a route that starts there. */
export async function addressPoint(
  q: Queryable,
  municipalityId: number,
  street: string,
  huisnummer: number,
  huisletter: string | null,
): Promise<{ lon: number; lat: number; label: string } | undefined> {
  return (
    await q.query<{ lon: number; lat: number; label: string }>(sql('routing/address-point'), [
      municipalityId,
      street,
      huisnummer,
      huisletter,
    ])
  ).rows[0];
}

/** Fills this transaction's temp table walk_matrix with the walking distances between the vertices. */
export async function createCostMatrix(
  q: Queryable,
  municipalityId: number,
  vertices: string[],
): Promise<void> {
  await q.query(sql('routing/create-cost-matrix'), [municipalityId, vertices]);
}

/** Vertices of walk_matrix reachable from one of them. */
export async function reachableFrom(q: Queryable, vertex: string): Promise<Set<string>> {
  const { rows } = await q.query<{ vertex: string }>(sql('routing/reachable-from'), [vertex]);
  return new Set(rows.map((r) => String(r.vertex)));
}

/** The pgr_TSP tour over walk_matrix from `start` (closed: the last node is `start` again). */
export async function tspOrder(q: Queryable, start: string): Promise<string[]> {
  const { rows } = await q.query<{ node: string }>(sql('routing/tsp-order'), [start]);
  return rows.map((r) => String(r.node));
}

export interface LegRow {
  from_vid: string;
  to_vid: string;
  geom: string;
  geojson: string;
  length_m: number;
  street_ids: (string | null)[];
  names: (string | null)[];
  lengths: number[];
}

/** The shortest walk (pgr_dijkstra) for each pair (from[i], to[i]). */
export async function legs(
  q: Queryable,
  municipalityId: number,
  from: string[],
  to: string[],
): Promise<LegRow[]> {
  return (await q.query<LegRow>(sql('routing/legs'), [municipalityId, from, to])).rows;
}
