/** SQL of the officer vector tiles (sql/queries/tiles/<layer>.sql). */
import { withTransaction } from '../core/db';
import { sql } from '../core/sql';

/** The layers the officer tiles have, each one statement in sql/queries/tiles/. */
export type TileLayer = 'incidents' | 'streets';

/**
 * One Mapbox Vector Tile of a layer for the given municipalities and period; null when empty.
 * JIT is off for tile queries: it added 0.3-1.2 s to the first runs of queries that take
 * milliseconds (docs/readme/incidents.md lists the tile endpoints with "JIT off").
 */
export async function tile(
  layer: TileLayer,
  t: { z: number; x: number; y: number },
  municipalities: number[],
  from: Date,
  to: Date,
): Promise<Buffer | null> {
  return withTransaction(async (client) => {
    await client.query('SET LOCAL jit = off');
    const { rows } = await client.query<{ mvt: Buffer | null }>(sql(`tiles/${layer}`), [
      t.z,
      t.x,
      t.y,
      municipalities,
      from,
      to,
    ]);
    return rows[0]?.mvt ?? null;
  });
}
