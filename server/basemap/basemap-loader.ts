/**
 * Loads the base map (water, landuse, buildings, roads, waterways, railways) from an
 * OpenStreetMap extract into `basemap_features`, reprojected once to web mercator, so the
 * public map draws its background from the project's own data and no tile provider sees a
 * resident. One transaction; a second load of the same file replaces the features it had.
 */
import type { Pool, PoolClient } from 'pg';
import { db, withTransaction } from '../core/db';
import { listLayers, readFeatures, type OgrFeature } from '../geo/ogr';
import { BadInputError } from '../core/errors';

export interface BasemapSummary {
  read: number;
  loaded: number;
  skipped: number;
  byLayer: Record<string, number>;
}

interface Row {
  key: string;
  layer: string;
  class: string;
  name: string | null;
  geom: string;
}

const GREEN = new Set([
  'grass',
  'forest',
  'meadow',
  'village_green',
  'recreation_ground',
  'allotments',
  'cemetery',
  'park',
  'garden',
  'scrub',
  'wood',
  'nature_reserve',
  'orchard',
  'greenfield',
]);
const MAJOR = new Set([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
]);
const STREET = new Set(['tertiary', 'tertiary_link', 'residential', 'unclassified', 'living_street', 'road']);
const PATH = new Set(['footway', 'cycleway', 'path', 'pedestrian', 'steps', 'track', 'bridleway']);

/** The base map layer and class of an OSM polygon; undefined when the map does not draw it. */
export function classifyPolygon(p: Record<string, unknown>): { layer: string; class: string } | undefined {
  const str = (k: string): string | undefined => (p[k] == null ? undefined : String(p[k]));
  if (str('natural') === 'water' || str('water') || str('waterway') === 'riverbank') {
    return { layer: 'water', class: str('water') ?? 'water' };
  }
  if (str('building'))
    return { layer: 'building', class: str('building') === 'yes' ? 'building' : str('building')! };
  const landuse = str('landuse') ?? str('leisure') ?? str('natural');
  if (!landuse) return undefined;
  if (landuse === 'pitch' || landuse === 'playground') return { layer: 'landuse', class: 'pitch' };
  return { layer: 'landuse', class: GREEN.has(landuse) ? 'green' : 'built' };
}

/** The base map layer and class of an OSM line. */
export function classifyLine(p: Record<string, unknown>): { layer: string; class: string } | undefined {
  const highway = p.highway == null ? undefined : String(p.highway);
  if (highway) {
    if (MAJOR.has(highway)) return { layer: 'road', class: 'major' };
    if (STREET.has(highway)) return { layer: 'road', class: 'street' };
    if (highway === 'service') return { layer: 'road', class: 'service' };
    if (PATH.has(highway)) return { layer: 'road', class: 'path' };
    return undefined;
  }
  if (p.waterway != null) return { layer: 'waterway', class: String(p.waterway) };
  if (p.railway != null && ['rail', 'tram', 'light_rail', 'subway'].includes(String(p.railway))) {
    return { layer: 'railway', class: String(p.railway) };
  }
  return undefined;
}

function key(f: OgrFeature, layer: 'lines' | 'multipolygons'): string | undefined {
  const p = f.properties;
  if (layer === 'lines') return p.osm_id ? `w${String(p.osm_id)}` : undefined;
  if (p.osm_way_id) return `w${String(p.osm_way_id)}`;
  return p.osm_id ? `r${String(p.osm_id)}` : undefined;
}

async function stage(client: PoolClient, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO basemap_stage SELECT * FROM jsonb_populate_recordset(NULL::basemap_stage, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/** Loads the base map of `file` (an .osm.pbf); replaces what an earlier load of OSM put there. */
export async function loadBasemap(file: string, pool: Pool = db()): Promise<BasemapSummary> {
  const layers = listLayers(file).map((l) => l.name);
  if (!layers.includes('lines') || !layers.includes('multipolygons')) {
    throw new BadInputError(
      `${file}: not an OpenStreetMap file; the base map needs an .osm.pbf with lines and multipolygons`,
    );
  }
  const summary: BasemapSummary = { read: 0, loaded: 0, skipped: 0, byLayer: {} };
  return withTransaction(async (client) => {
    await client.query(
      `CREATE TEMP TABLE basemap_stage (key text, layer text, class text, name text, geom text) ON COMMIT DROP`,
    );
    for (const ogrLayer of ['multipolygons', 'lines'] as const) {
      let batch: Row[] = [];
      for await (const f of readFeatures(file, ogrLayer)) {
        summary.read++;
        const k = key(f, ogrLayer);
        const c = ogrLayer === 'lines' ? classifyLine(f.properties) : classifyPolygon(f.properties);
        if (!k || !c || !f.geometry) {
          summary.skipped++;
          continue;
        }
        const name = f.properties.name == null ? null : String(f.properties.name);
        batch.push({ key: k, layer: c.layer, class: c.class, name, geom: JSON.stringify(f.geometry) });
        if (batch.length >= 2000) {
          await stage(client, batch);
          batch = [];
        }
      }
      await stage(client, batch);
    }
    await client.query(`DELETE FROM basemap_features WHERE source = 'osm'`);
    const r = await client.query<{ layer: string; n: string }>(
      `WITH ins AS (
         INSERT INTO basemap_features (source, source_key, layer, class, name, geom)
         SELECT DISTINCT ON (key, layer) 'osm', key, layer, class, name,
                ST_Transform(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(geom), 4326)), 3857)
         FROM basemap_stage ORDER BY key, layer
         ON CONFLICT (source, source_key, layer) DO NOTHING
         RETURNING layer)
       SELECT layer, count(*)::text AS n FROM ins GROUP BY layer`,
    );
    for (const row of r.rows) {
      summary.byLayer[row.layer] = Number(row.n);
      summary.loaded += Number(row.n);
    }
    return summary;
  }, pool);
}
