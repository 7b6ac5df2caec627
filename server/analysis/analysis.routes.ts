/**
 * Officer endpoints for the incident analyses. All take `municipality` (code; default: the
 * officer's only municipality), `from` and `to` (ISO dates; default the last 90 days, Knox
 * the last 365) and the distance/time parameters; geometry is GeoJSON in EPSG:4326.
 *
 *   GET /api/streets/activity
 *   GET /api/clusters        ?distance=200&days=14&minSize=2
 *   GET /api/risk-zones      ?at=&cocoonDistance=200&cocoonDays=14&watchDistance=400&watchDays=60&geometry=true
 *   GET /api/near-repeat/knox?distances=0,100,200,400&times=0,7,14,21&permutations=999&seed=1
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { auditView } from '../audit/audit-view';
import { config } from '../core/config';
import { QueryDate } from '../core/dates';
import { BadInputError } from '../core/errors';
import { MunicipalityCode, requestedMunicipality } from '../municipalities/municipality-access';
import * as analysis from './analysis.service';

const DAY_MS = 86_400_000;

/** Knox bands: at most this many per dimension (issue 8: 200 x 180 bands ran 16 s). */
const MAX_KNOX_BANDS = 20;

const TOO_MANY_BANDS = `at most ${MAX_KNOX_BANDS} bands (${MAX_KNOX_BANDS + 1} edges), e.g. 0,100,200,400`;

const bands = z
  .string()
  .max(400, TOO_MANY_BANDS)
  .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)+$/, 'a comma-separated list of numbers, e.g. 0,100,200,400')
  .transform((s) => s.split(',').map(Number))
  .refine((b) => b.length <= MAX_KNOX_BANDS + 1, TOO_MANY_BANDS);

const Period = z.object({
  municipality: MunicipalityCode.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
});

/** The municipality a request is about, checked against the officer's access (404 for an unknown code). */
async function requestMunicipality(req: Request, code: string | undefined): Promise<number> {
  const how = { param: "query parameter 'municipality'", unknown: 'not-found' } as const;
  return (await requestedMunicipality(currentUser(req), code, how)).id;
}

async function period(req: Request, defaultDays: number) {
  const q = Period.parse(req.query);
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - defaultDays * DAY_MS);
  if (from >= to) throw new BadInputError("'from' must lie before 'to'");
  return { municipalityId: await requestMunicipality(req, q.municipality), from, to };
}

export function analysisRouter(): Router {
  const router = Router();
  const officer = requireUser('officer');

  router.get('/api/streets/activity', officer, auditView('incidents.view.activity'), async (req, res) => {
    res.json(await analysis.streetActivity(await period(req, 90)));
  });

  router.get('/api/clusters', officer, auditView('incidents.view.clusters'), async (req, res) => {
    const c = config();
    const q = z
      .object({
        distance: z.coerce.number().positive().max(5000).prefault(c.NEAR_REPEAT_DISTANCE_M),
        days: z.coerce.number().positive().max(365).prefault(c.NEAR_REPEAT_DAYS),
        minSize: z.coerce.number().int().min(2).prefault(2),
      })
      .parse(req.query);
    const params = { ...(await period(req, 90)), distanceM: q.distance, days: q.days, minSize: q.minSize };
    res.json(analysis.clustersToGeoJson(await analysis.nearRepeatClusters(params), params));
  });

  router.get('/api/risk-zones', officer, auditView('incidents.view.risk-zones'), async (req, res) => {
    const c = config();
    const q = z
      .object({
        municipality: MunicipalityCode.optional(),
        at: QueryDate.optional(),
        cocoonDistance: z.coerce.number().positive().max(2000).prefault(c.NEAR_REPEAT_DISTANCE_M),
        cocoonDays: z.coerce.number().positive().max(365).prefault(c.NEAR_REPEAT_DAYS),
        watchDistance: z.coerce.number().positive().max(5000).prefault(c.WATCH_ZONE_DISTANCE_M),
        watchDays: z.coerce.number().positive().max(730).prefault(c.WATCH_ZONE_DAYS),
        geometry: z.enum(['true', 'false']).prefault('true'),
      })
      .parse(req.query);
    const municipalityId = await requestMunicipality(req, q.municipality);
    res.json(
      await analysis.riskZones(
        {
          municipalityId,
          at: q.at ?? new Date(),
          cocoonDistanceM: q.cocoonDistance,
          cocoonDays: q.cocoonDays,
          watchDistanceM: q.watchDistance,
          watchDays: q.watchDays,
        },
        { geometry: q.geometry === 'true' },
      ),
    );
  });

  router.get('/api/near-repeat/knox', officer, auditView('incidents.view.knox'), async (req, res) => {
    const q = z
      .object({
        distances: bands.prefault('0,100,200,400'),
        times: bands.prefault('0,7,14,21'),
        permutations: z.coerce
          .number()
          .int()
          .min(19, 'between 19 and 9999 (999 is usual)')
          .max(9999, 'between 19 and 9999 (999 is usual)')
          .prefault(config().KNOX_PERMUTATIONS),
        seed: z.coerce.number().int().prefault(1),
      })
      .parse(req.query);
    res.json(
      await analysis.knox({
        ...(await period(req, 365)),
        distanceBands: q.distances,
        timeBands: q.times,
        permutations: q.permutations,
        seed: q.seed,
      }),
    );
  });
  return router;
}
