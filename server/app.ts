/**
 * Builds the Express app (no listen(): tests start it on an ephemeral port).
 */
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { authenticate } from './auth/auth.middleware';
import { authRouter } from './auth/auth.routes';
import { campaignsRouter } from './campaigns/campaigns.routes';
import { accountRouter } from './auth/account.routes';
import { adminRouter } from './admin/admin.routes';
import { inspectionsRouter } from './inspections/inspections.routes';
import { effectRouter } from './effect/effect.routes';
import { subsidiesRouter } from './subsidies/subsidies.routes';
import { eveningsRouter } from './evenings/evenings.routes';
import { eveningsPublicRouter } from './evenings/evenings-public.routes';
import { calendarFeedsRouter } from './calendar/calendar-feeds.routes';
import { embedOriginsRouter, embedPageRouter } from './embed/embed.routes';
import { config, type Config } from './core/config';
import { errorHandler, notFoundHandler } from './core/http';
import { logger } from './core/logger';
import { securityHeaders } from './core/security-headers';
import { healthRouter } from './health/health.routes';
import { incidentsRouter } from './incidents/incidents.routes';
import { analysisRouter } from './analysis/analysis.routes';
import { tilesRouter } from './tiles/tiles.routes';
import { publicRouter } from './public/public.routes';
import { shouldCompress } from './public/cacheable';
import { basemapRouter } from './basemap/basemap.routes';
import { residentsRouter } from './residents/residents.routes';
import { openApiRouter } from './openapi/openapi.routes';

/** `overrides`: settings that differ from the process configuration (tests, e.g. embedding sites on ephemeral ports). */
export function buildApp(overrides: Partial<Config> = {}): Express {
  const cfg: Config = { ...config(), ...overrides };
  const app = express();
  app.disable('x-powered-by');
  if (cfg.TRUST_PROXY) app.set('trust proxy', 1);

  app.use(securityHeaders(cfg));
  app.use(
    pinoHttp({
      logger,
      // Log the path without the query string: queries can carry postcodes and street names.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  // gzip for JSON, HTML, JS and vector tiles; small bodies stay as they are. Cached public
  // answers and tiles are gzipped once per cache entry instead (server/public/cacheable.ts).
  app.use(compression({ threshold: 1024, filter: shouldCompress }));
  // Public map and base map: no sign-in, so they sit before the session lookup (a signed-in
  // officer viewing the public map must not cost a database query per tile).
  app.use(publicRouter());
  app.use(basemapRouter());
  app.use(residentsRouter());
  app.use(openApiRouter());
  // Sign-up by personal code and the public calendar of evenings: no sign-in either.
  app.use(eveningsPublicRouter());
  // The map for an iframe on the municipality's website (framed by its own list of sites).
  app.use(embedPageRouter());
  // Everything from here on is behind sign-in (or refuses for want of it): the session and its
  // CSRF token, incidents, addresses, campaign files. No browser or proxy may keep any of it.
  app.use(['/api', '/tiles'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: '5mb' }));
  app.use(cookieParser());
  app.use(authenticate);

  app.use(healthRouter());
  app.use(authRouter());
  app.use(accountRouter());
  app.use(adminRouter());
  app.use(incidentsRouter());
  app.use(analysisRouter());
  app.use(tilesRouter());
  app.use(campaignsRouter());
  app.use(inspectionsRouter());
  app.use(effectRouter());
  app.use(subsidiesRouter());
  app.use(eveningsRouter());
  app.use(calendarFeedsRouter());
  app.use(embedOriginsRouter());

  app.use('/api', notFoundHandler);
  app.use('/tiles', notFoundHandler);
  app.use('/fonts', notFoundHandler);

  const dist = path.join(cfg.rootDir, 'dist');
  if (fs.existsSync(dist)) {
    app.use(
      express.static(dist, {
        index: 'index.html',
        setHeaders: (res, file) => {
          // Vite fingerprints assets: cache them for a year; HTML must revalidate.
          res.setHeader(
            'Cache-Control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      }),
    );
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
