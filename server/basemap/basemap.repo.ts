/** SQL of the base map loader (sql/queries/basemap/*.sql), on the load's one transaction client. */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import { stageRows } from '../core/staging.repo';

/** One OSM feature as staged: its key, base map layer and class, name and GeoJSON. */
export interface StagedFeature {
  key: string;
  layer: string;
  class: string;
  name: string | null;
  geom: string;
}

export async function createStage(q: Queryable): Promise<void> {
  await q.query(sql('basemap/create-stage'));
}

export async function stage(q: Queryable, rows: readonly StagedFeature[]): Promise<void> {
  await stageRows(q, 'basemap_stage', rows);
}

/** Replaces the OSM features of the base map by the staged ones; returns the count per layer. */
export async function replaceOsmFeatures(q: Queryable): Promise<{ layer: string; n: number }[]> {
  await q.query(sql('basemap/delete-osm'));
  const { rows } = await q.query<{ layer: string; n: string }>(sql('basemap/insert-staged'));
  return rows.map((r) => ({ layer: r.layer, n: Number(r.n) }));
}
