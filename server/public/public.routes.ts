/**
 * Public map API and street tiles: no sign-in, cacheable (ETag + Cache-Control), and by
 * construction free of house numbers, incident ids, exact locations and exact dates.
 *   GET /api/public/municipalities
 *   GET /api/public/:code/streets?period=1|3|12&methods=a,b&attempt=all|attempt|completed
 *   GET /api/public/:code/areas?...same filter
 *   GET /api/public/:code/search?q=2628CD|Mekelweg&period=...
 *   GET /tiles/public/:code/:z/:x/:y.mvt?...same filter   (204 when empty)
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { config } from '../core/config';
import { TileCoordinates } from '../tiles/tile-coordinates';
import { text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { sendCached } from './cacheable';
import * as service from './public.service';
import * as repo from './public.repo';
import { ResponseCache, cachedBody } from './response-cache';

const Code = MunicipalityCode;
const SearchQuery = z.object({ q: text().trim().min(1, 'type a postcode or street name').max(100) });

let cache: ResponseCache | undefined;
function responses(): ResponseCache {
  cache ??= new ResponseCache(config().PUBLIC_CACHE_SECONDS * 1000);
  return cache;
}

/** Forgets cached responses and figures (tests, or after an import). */
export function clearPublicCache(): void {
  cache?.clear();
  service.clearPublicFigures();
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function filterOf(req: Request) {
  return service.FilterQuery.parse(req.query);
}

export function publicRouter(): Router {
  const r = Router();
  const maxAge = () => config().PUBLIC_CACHE_SECONDS;
  const JSON_TYPE = 'application/json; charset=utf-8';

  r.get('/api/public/municipalities', async (req, res) => {
    const c = await responses().get('municipalities', async () =>
      json({ municipalities: await service.listMunicipalities() }),
    );
    sendCached(req, res, c, { type: JSON_TYPE, maxAgeSeconds: maxAge() });
  });

  r.get('/api/public/:code/streets', async (req, res) => {
    const code = Code.parse(req.params.code);
    const f = filterOf(req);
    const c = await responses().get(
      `streets|${code}|${service.filterKey(f)}`,
      async () => json(await service.streetFigures(code, f)),
      () => service.figuresReadAt(code),
    );
    sendCached(req, res, c, { type: JSON_TYPE, maxAgeSeconds: maxAge() });
  });

  r.get('/api/public/:code/areas', async (req, res) => {
    const code = Code.parse(req.params.code);
    const f = filterOf(req);
    const c = await responses().get(
      `areas|${code}|${service.filterKey(f)}`,
      async () => json(await service.areaFigures(code, f)),
      () => service.figuresReadAt(code),
    );
    sendCached(req, res, c, { type: JSON_TYPE, maxAgeSeconds: maxAge() });
  });

  r.get('/api/public/:code/search', async (req, res) => {
    const code = Code.parse(req.params.code);
    const f = filterOf(req);
    const { q } = SearchQuery.parse(req.query);
    // Searches are not kept in the shared cache (they carry a resident's postcode); browsers may cache them.
    const c = await cachedBody(json(await service.search(code, q, f)));
    sendCached(req, res, c, { type: JSON_TYPE, maxAgeSeconds: maxAge() });
  });

  r.get('/tiles/public/:code/:z/:x/:y.mvt', async (req, res) => {
    const code = Code.parse(req.params.code);
    const t = TileCoordinates.parse(req.params);
    const f = filterOf(req);
    const c = await responses().get(
      `tile|${code}|${t.z}/${t.x}/${t.y}|${service.filterKey(f)}`,
      async () => {
        const { municipalityId, figures } = await service.tileFigures(code, f);
        return repo.streetTile(t.z, t.x, t.y, municipalityId, figures);
      },
      () => service.figuresReadAt(code),
    );
    sendCached(req, res, c, {
      type: 'application/vnd.mapbox-vector-tile',
      maxAgeSeconds: maxAge(),
      emptyIs204: true,
    });
  });

  return r;
}
