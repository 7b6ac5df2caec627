/**
 * Loads the base map (water, landuse, buildings, roads, waterways, railways) from an
 * OpenStreetMap extract into `basemap_features`, reprojected once to web mercator, so the
 * public map draws its background from the project's own data and no tile provider sees a
 * resident. One transaction; a second load of the same file replaces the features it had.
 */
import type { Pool } from 'pg';
import { db, withTransaction } from '../core/db';
import { listLayers, readFeatures, type OgrFeature } from '../geo/ogr';
import { BadInputError } from '../core/errors';
import * as repo from './basemap.repo';

export interface BasemapSummary {
  read: number;
  loaded: number;
  skipped: number;
  byLayer: Record<string, number>;
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
    await repo.createStage(client);
    for (const ogrLayer of ['multipolygons', 'lines'] as const) {
      let batch: repo.StagedFeature[] = [];
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
          await repo.stage(client, batch);
          batch = [];
        }
      }
      await repo.stage(client, batch);
    }
    const loaded = await repo.replaceOsmFeatures(client);
    for (const row of loaded) {
      summary.byLayer[row.layer] = row.n;
      summary.loaded += row.n;
    }
    return summary;
  }, pool);
}
