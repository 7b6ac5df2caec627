/**
 * Officer vector tiles (Mapbox Vector Tile, ST_AsMVT), never public: they carry exact incident
 * points. `/tiles/incidents/{z}/{x}/{y}.mvt` (z >= 10) and `/tiles/streets/{z}/{x}/{y}.mvt`
 * (z >= 12), optional `from`/`to` (default the last 90 days). An empty tile answers 204.
 * Like every answer behind sign-in they are `Cache-Control: no-store` (server/app.ts): incident
 * tiles hold victims' locations. The SQL (JIT off, `&&` filter) is in tiles.repo.ts.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { auditView } from '../audit/audit-view';
import { QueryDate } from '../core/dates';
import { BadInputError } from '../core/errors';
import { visibleMunicipalityIds } from '../municipalities/municipality-access';
import { TileCoordinates } from './tile-coordinates';
import * as tiles from './tiles.repo';

const TILE_LAYERS = { incidents: { minZoom: 10 }, streets: { minZoom: 12 } } as const;

const Layer = z.enum(['incidents', 'streets']);

const TileQuery = z.object({ from: QueryDate.optional(), to: QueryDate.optional() });

export function tilesRouter(): Router {
  const router = Router();
  // '/tiles/:layer/...' also matches the public base map ('/tiles/basemap/...', mounted later):
  // pass every other layer on before the sign-in check, or the base map answers 401/400.
  const ownLayer: RequestHandler = (req, _res, next) =>
    next(Object.hasOwn(TILE_LAYERS, String(req.params.layer)) ? undefined : 'route');
  router.get(
    '/tiles/:layer/:z/:x/:y.mvt',
    ownLayer,
    requireUser('officer'),
    auditView('incidents.view.tiles'),
    async (req, res) => {
      const t = { layer: Layer.parse(req.params.layer), ...TileCoordinates.parse(req.params) };
      const q = TileQuery.parse(req.query);
      const user = currentUser(req);
      const to = q.to ?? new Date();
      const from = q.from ?? new Date(to.getTime() - 90 * 86_400_000);
      // As the analysis routes answer (analysis.routes.ts): an empty period is a mistake, not an empty tile.
      if (from >= to) throw new BadInputError("'from' must lie before 'to'");
      if (t.z < TILE_LAYERS[t.layer].minZoom) {
        res.status(204).end();
        return;
      }
      const municipalities = await visibleMunicipalityIds(user);
      const tile = await tiles.tile(t.layer, t, municipalities, from, to);
      if (!tile || tile.length === 0) {
        res.status(204).end();
        return;
      }
      res.type('application/vnd.mapbox-vector-tile').send(tile);
    },
  );
  return router;
}
