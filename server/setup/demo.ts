/**
 * The demo area: Delft (TU Delft campus, Wippolder, edge of the centre) from the OpenStreetMap
 * extract in data/demo/ (ODbL, see data/demo/LICENSE.md). Idempotent: a second run reuses
 * what is there.
 */
import path from 'node:path';
import type { Pool } from 'pg';
import { config } from '../core/config';
import { ensureMunicipality } from '../municipalities/municipalities.repo';
import { MunicipalitySettings, delftDemoSettings } from '../municipalities/municipality-settings';
import { importOsm } from '../imports/osm-import';
import type { ImportSummary } from '../imports/import-summary';
import { withdrawPublications } from '../public/public.publication';
import { generateDemoIncidents, type DemoIncidentResult } from './demo-incidents';
import { loadBasemap, type BasemapSummary } from '../basemap/basemap-loader';

export const DEMO_MUNICIPALITY = { code: 'GM0503', name: 'Delft' } as const;
export const DEMO_OSM_FILE = path.join(config().rootDir, 'data', 'demo', 'delft_tudelft.osm.pbf');

export async function loadDemoArea(
  pool: Pool,
  opts: { incidents: boolean; quiet?: boolean; now?: Date },
): Promise<{
  municipalityId: number;
  osm: ImportSummary;
  basemap: BasemapSummary;
  incidents?: DemoIncidentResult;
}> {
  const settings = MunicipalitySettings.parse(delftDemoSettings);
  const municipalityId = (await ensureMunicipality(pool, { ...DEMO_MUNICIPALITY, settings })).id;
  const osm = await importOsm(DEMO_OSM_FILE, { municipality: DEMO_MUNICIPALITY, actor: 'setup:demo' }, pool);
  // The public map's own background (water, buildings, roads): no third-party tiles.
  const basemap = await loadBasemap(DEMO_OSM_FILE, pool);
  // Synthetic burglaries (source 'demo'), deterministic for a fixed seed and day.
  const incidents = opts.incidents
    ? await generateDemoIncidents(pool, municipalityId, { now: opts.now })
    : undefined;
  // The demo's burglaries are made anew relative to today: its public months are published anew too.
  if (incidents) await withdrawPublications(municipalityId, 'setup:demo');
  return { municipalityId, osm, basemap, incidents };
}
