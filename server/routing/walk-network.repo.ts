/** SQL for the routable walking network (sql/queries/routing/), built for pgRouting. */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

/**
 * Stores the walkable ways staged in the temp table `osm_walk_way` (key, name, highway, geom as
 * GeoJSON in EPSG:4326) for a municipality. Runs inside the import's transaction.
 */
export async function upsertWalkWays(db: Queryable, municipalityId: number): Promise<void> {
  await db.query(sql('routing/upsert-walk-ways'), [municipalityId]);
}

/**
 * Rebuilds a municipality's walking network from its walk_ways: vertices at way ends and shared
 * OSM nodes, edges between them with their length as cost. Run it inside one transaction, so a
 * route request never sees a half-built network.
 */
export async function rebuildWalkNetwork(db: Queryable, municipalityId: number): Promise<void> {
  await db.query(sql('routing/delete-network'), [municipalityId]);
  await db.query(sql('routing/insert-vertices'), [municipalityId]);
  await db.query(sql('routing/insert-edges'), [municipalityId]);
}
