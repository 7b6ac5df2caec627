/**
 * The base map and its label glyphs, served by the project itself (no third party):
 *   GET /tiles/basemap/:z/:x/:y.mvt      water, landuse, building, waterway, railway, road (204 when empty)
 *   GET /fonts/:fontstack/:range.pbf     SDF glyphs, e.g. /fonts/Liberation Sans Regular/0-255.pbf
 */
import { Router } from 'express';
import { config } from '../core/config';
import { TileCoordinates } from '../tiles/tile-coordinates';
import { sendCached } from '../public/cacheable';
import { basemapTile } from '../public/public.repo';
import { ResponseCache } from '../public/response-cache';
import { glyphRange, parseGlyphRequest } from './glyphs';

/** The base map changes only with an OSM load: cache tiles longer than figures. */
const BASEMAP_MAX_AGE = 3600;

export function basemapRouter(): Router {
  const r = Router();
  const tiles = new ResponseCache(Math.max(config().PUBLIC_CACHE_SECONDS, 600) * 1000);
  const glyphs = new ResponseCache(24 * 3600 * 1000, 200);

  r.get('/tiles/basemap/:z/:x/:y.mvt', async (req, res) => {
    const t = TileCoordinates.parse(req.params);
    const c = await tiles.get(`${t.z}/${t.x}/${t.y}`, () => basemapTile(t.z, t.x, t.y));
    sendCached(req, res, c, {
      type: 'application/vnd.mapbox-vector-tile',
      maxAgeSeconds: BASEMAP_MAX_AGE,
      emptyIs204: true,
    });
  });

  r.get('/fonts/:fontstack/:range.pbf', async (req, res) => {
    const { fontstack, start } = parseGlyphRequest(String(req.params.fontstack), String(req.params.range));
    const c = await glyphs.get(`${fontstack}/${start}`, () => glyphRange(fontstack, start));
    sendCached(req, res, c, { type: 'application/x-protobuf', maxAgeSeconds: 7 * 24 * 3600 });
  });

  return r;
}
