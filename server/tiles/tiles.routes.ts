/**
 * Officer vector tiles (Mapbox Vector Tile, ST_AsMVT), never public: they carry exact incident
 * points. `/tiles/incidents/{z}/{x}/{y}.mvt` (z >= 10) and `/tiles/streets/{z}/{x}/{y}.mvt`
 * (z >= 12), optional `from`/`to` (default the last 90 days). An empty tile answers 204.
 * Like every answer behind sign-in they are `Cache-Control: no-store` (server/app.ts): incident
 * tiles hold victims' locations. JIT is off for tile queries: it added 0.3-1.2 s to first runs
 * (measured.md) of queries that take milliseconds.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { auditView } from '../audit/audit-view';
import { QueryDate } from '../core/dates';
import { withTransaction, db } from '../core/db';
import { BadInputError } from '../core/errors';
import { sql } from '../core/sql';
import { visibleMunicipalityIds } from '../municipalities/municipality-access';
import { TileCoordinates } from './tile-coordinates';

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
      const municipalities = await visibleMunicipalityIds(db(), user);
      const tile = await withTransaction(async (client) => {
        await client.query('SET LOCAL jit = off');
        const { rows } = await client.query<{ mvt: Buffer | null }>(sql(`tiles/${t.layer}`), [
          t.z,
          t.x,
          t.y,
          municipalities,
          from,
          to,
        ]);
        return rows[0]?.mvt ?? null;
      });
      if (!tile || tile.length === 0) {
        res.status(204).end();
        return;
      }
      res.type('application/vnd.mapbox-vector-tile').send(tile);
    },
  );
  return router;
}
