/**
 * Incident analyses for officers: street activity, near-repeat clusters, forward-looking risk
 * zones (which feed letter selection) and the Knox test. PostGIS selects and aggregates
 * (activity, hulls, buffers, point-in-zone counts); TypeScript does what SQL does badly here:
 * the space-time pair search (a grid, see space-time-pairs.ts), connected components
 * (union-find) and Monte Carlo permutations.
 */
import { config } from '../core/config';
import { db, type Queryable } from '../core/db';
import { BadInputError } from '../core/errors';
import * as repo from './analysis.repo';
import type { KnoxCell } from './knox';
import { runKnoxInWorker } from './knox-worker';
import { nearRepeatGroups } from './near-repeat-groups';

import { addressIdsByRiskZone, computeRiskZones, riskZoneGeometry, type RiskZoneParams } from './risk-zones';

export { addressIdsByRiskZone, type RiskZoneParams };

interface Period {
  municipalityId: number;
  from: Date;
  to: Date;
}

/** Street activity as a GeoJSON FeatureCollection (one feature per street with incidents). */
export async function streetActivity(p: Period, q: Queryable = db()) {
  const [rows, totals] = await Promise.all([
    repo.streetActivity(q, p.municipalityId, p.from, p.to),
    repo.periodTotals(q, p.municipalityId, p.from, p.to),
  ]);
  return {
    type: 'FeatureCollection' as const,
    period: { from: p.from.toISOString(), to: p.to.toISOString() },
    totals,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.street_id,
      geometry: r.geometry,
      properties: {
        streetId: r.street_id,
        name: r.name,
        place: r.place,
        incidents: r.n,
        attempts: r.attempts,
        completed: r.completed,
        lastAt: r.last_at.toISOString(),
        modusOperandi: r.mo,
        addresses: r.addresses,
        per1000Addresses: r.per_1000,
      },
    })),
  };
}

export interface ClusterParams extends Period {
  distanceM: number;
  days: number;
  /** Smallest cluster reported (default 2: a burglary and one near repeat). */
  minSize: number;
}

export interface NearRepeatCluster {
  /** 'c' + the lowest incident id of the cluster: stable while its members stay. */
  id: string;
  size: number;
  members: number[];
  firstAt: string;
  lastAt: string;
  spanDays: number;
  attempts: number;
  hull: object;
  centroid: object;
  streets: { id: number; name: string; n: number }[];
}

/**
 * Near-repeat clusters: the connected components of the graph that links two incidents when
 * they are within `distanceM` metres AND `days` days of each other. Exact for the time
 * condition (unlike DBSCAN on space alone, or on space-time with one radius): every link
 * satisfies both limits; a chain A-B-C is one cluster even if A and C are far apart.
 * Membership comes from near-repeat-groups.ts (grid pair search, union-find); hulls, time span
 * and streets from PostGIS.
 */
export async function nearRepeatClusters(
  p: ClusterParams,
  q: Queryable = db(),
): Promise<NearRepeatCluster[]> {
  const pts = await repo.locatedIncidents(q, p.municipalityId, p.from, p.to);
  const members = nearRepeatGroups(pts, p.distanceM, p.days, p.minSize);
  const memberIds: number[] = [];
  const memberClusters: number[] = [];
  for (const [root, ids] of members) {
    for (const id of ids) {
      memberIds.push(id);
      memberClusters.push(root);
    }
  }
  if (memberIds.length === 0) return [];
  const details = await repo.clusterDetails(q, memberIds, memberClusters);
  return details
    .map((d) => {
      const ids = members.get(d.cluster)!;
      return {
        id: `c${ids[0]}`,
        size: ids.length,
        members: ids,
        firstAt: d.first_at.toISOString(),
        lastAt: d.last_at.toISOString(),
        spanDays: Math.round(((d.last_at.getTime() - d.first_at.getTime()) / 86_400_000) * 10) / 10,
        attempts: d.attempts,
        hull: d.hull,
        centroid: d.centroid,
        streets: d.streets,
      };
    })
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || b.size - a.size);
}

/** Clusters as GeoJSON: hull geometry (a point or line for tiny clusters), details in properties. */
export function clustersToGeoJson(clusters: NearRepeatCluster[], p: ClusterParams) {
  return {
    type: 'FeatureCollection' as const,
    parameters: {
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      distanceM: p.distanceM,
      days: p.days,
      minSize: p.minSize,
    },
    features: clusters.map(({ hull, ...c }) => ({
      type: 'Feature' as const,
      id: c.id,
      geometry: hull,
      properties: c,
    })),
  };
}

/** Default risk-zone parameters from the configuration (docs/readme/incidents.md, "Risk zones": 200 m / 14 d, 400 m / 60 d). */
export function defaultRiskZoneParams(municipalityId: number, at = new Date()): RiskZoneParams {
  const c = config();
  return {
    municipalityId,
    at,
    cocoonDistanceM: c.NEAR_REPEAT_DISTANCE_M,
    cocoonDays: c.NEAR_REPEAT_DAYS,
    watchDistanceM: c.WATCH_ZONE_DISTANCE_M,
    watchDays: c.WATCH_ZONE_DAYS,
  };
}

/**
 * Risk zones at `params.at` as GeoJSON (geometry null when `geometry` is false: the list is
 * fast, the shapes of thousands of zones are not). Zone ids are stable ('cocoon:s<street id>').
 */
export async function riskZones(
  params: RiskZoneParams,
  opts: { geometry?: boolean } = {},
  q: Queryable = db(),
) {
  const [zones, shapes] = await Promise.all([
    computeRiskZones(q, params),
    opts.geometry === false ? Promise.resolve(new Map<string, object>()) : riskZoneGeometry(q, params),
  ]);
  return {
    type: 'FeatureCollection' as const,
    parameters: { ...params, at: params.at.toISOString() },
    features: zones.map((z) => ({
      type: 'Feature' as const,
      id: z.id,
      geometry: shapes.get(z.id) ?? null,
      properties: z,
    })),
  };
}

/**
 * Residential address ids inside the given risk zones (distinct, ascending): what letter
 * selection sends to. Use the same `params` (and especially the same `at`) as the listing the
 * zone ids came from; a zone that no longer exists at `at` contributes nothing.
 */
export async function addressIdsInRiskZones(
  q: Queryable,
  zoneIds: string[],
  params: RiskZoneParams,
): Promise<number[]> {
  const byZone = await addressIdsByRiskZone(q, zoneIds, params);
  return [...new Set([...byZone.values()].flat())].sort((a, b) => a - b);
}

export interface KnoxParams extends Period {
  distanceBands: number[];
  timeBands: number[];
  permutations: number;
  seed: number;
}

export async function knox(
  p: KnoxParams,
  q: Queryable = db(),
): Promise<{ parameters: object; incidents: number; pairs: number; cells: KnoxCell[] }> {
  for (const bands of [p.distanceBands, p.timeBands]) {
    if (bands.length < 2 || bands[0] !== 0 || bands.some((b, i) => i > 0 && b <= bands[i - 1]!)) {
      throw new BadInputError(`bands must start at 0 and rise, e.g. 0,100,200,400 (got ${bands.join(',')})`);
    }
  }
  const pts = await repo.locatedIncidents(q, p.municipalityId, p.from, p.to);
  // Pair search and permutations take seconds of CPU: off the event loop (knox-worker.ts).
  const r = await runKnoxInWorker({
    x: pts.x,
    y: pts.y,
    t: pts.t,
    distanceBands: p.distanceBands,
    timeBands: p.timeBands,
    permutations: p.permutations,
    seed: p.seed,
  });
  if (!r.ok) throw new BadInputError(r.message);
  const { ok: _ok, ...result } = r;
  return {
    parameters: {
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      distanceBands: p.distanceBands,
      timeBands: p.timeBands,
      permutations: p.permutations,
      seed: p.seed,
    },
    ...result,
  };
}
