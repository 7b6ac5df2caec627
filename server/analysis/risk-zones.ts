/**
 * Forward-looking risk zones at a moment `at`: around each incident of the last `cocoonDays`
 * an inner cocoon (`cocoonDistanceM`), around each of the last `watchDays` an outer watch zone
 * (`watchDistanceM`, minus the cocoon), merged per street. Zone ids are stable:
 * 'cocoon:s<street id>' / 'watch:s<street id>', or '…:i<incident id>' for an incident without a
 * street. Addresses are counted (and listed, for letters) with true circles, distance <= radius,
 * over the in-memory address index.
 */
import type { Queryable } from '../core/db';
import { BadInputError } from '../core/errors';
import { sql } from '../core/sql';
import { addressIndex, countAddressesInCircles, forEachAddressInCircles, type Circle } from './address-index';

export interface RiskZoneParams {
  municipalityId: number;
  /** The moment the zones look forward from. */
  at: Date;
  cocoonDistanceM: number;
  cocoonDays: number;
  watchDistanceM: number;
  watchDays: number;
}

export interface RiskZone {
  id: string;
  kind: 'cocoon' | 'watch';
  streetId: number | null;
  streetName: string | null;
  incidents: number;
  lastIncidentAt: string;
  /** When the zone ends if nothing new happens. */
  expiresAt: string;
  addresses: number;
}

interface ZoneGroup {
  key: string;
  streetId: number | null;
  streetName: string | null;
  cocoon: Circle[];
  watch: Circle[];
  cocoonLast: number;
  watchLast: number;
}

const DAY_MS = 86_400_000;

async function zoneGroups(
  q: Queryable,
  p: RiskZoneParams,
  keys?: Set<string>,
): Promise<Map<string, ZoneGroup>> {
  const { rows } = await q.query<{
    id: string;
    x: number;
    y: number;
    occurred_from: Date;
    street_id: number | null;
    street_name: string | null;
  }>(sql('analysis/risk-zone-incidents'), [p.municipalityId, p.at, p.watchDays]);
  const cocoonFrom = p.at.getTime() - p.cocoonDays * DAY_MS;
  const groups = new Map<string, ZoneGroup>();
  for (const r of rows) {
    const key = r.street_id !== null ? `s${r.street_id}` : `i${r.id}`;
    if (keys && !keys.has(key)) continue;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        streetId: r.street_id,
        streetName: r.street_name,
        cocoon: [],
        watch: [],
        cocoonLast: 0,
        watchLast: 0,
      };
      groups.set(key, g);
    }
    const t = r.occurred_from.getTime();
    g.watch.push({ x: r.x, y: r.y, r: p.watchDistanceM });
    g.watchLast = Math.max(g.watchLast, t);
    if (t > cocoonFrom) {
      g.cocoon.push({ x: r.x, y: r.y, r: p.cocoonDistanceM });
      g.cocoonLast = Math.max(g.cocoonLast, t);
    }
  }
  return groups;
}

/** The risk zones with their residential address counts (cocoons first, then watch zones; newest first). */
export async function computeRiskZones(q: Queryable, p: RiskZoneParams): Promise<RiskZone[]> {
  const [groups, index] = await Promise.all([zoneGroups(q, p), addressIndex(q, p.municipalityId)]);
  const zones: RiskZone[] = [];
  for (const g of groups.values()) {
    let inCocoon = 0,
      inWatch = 0;
    if (p.cocoonDistanceM <= p.watchDistanceM) {
      // Every cocoon circle lies inside the watch circle of the same incident, so the watch
      // zone (watch union minus cocoon union) holds count(watch) - count(cocoon) addresses.
      inCocoon = countAddressesInCircles(index, g.cocoon);
      inWatch = countAddressesInCircles(index, g.watch) - inCocoon;
    } else {
      forEachAddressInCircles(index, [...g.watch, ...g.cocoon], g.cocoon, (_i, inner) => {
        if (inner) inCocoon++;
        else inWatch++;
      });
    }
    const base = { streetId: g.streetId, streetName: g.streetName };
    if (g.cocoon.length) {
      zones.push({
        id: `cocoon:${g.key}`,
        kind: 'cocoon',
        ...base,
        incidents: g.cocoon.length,
        lastIncidentAt: new Date(g.cocoonLast).toISOString(),
        expiresAt: new Date(g.cocoonLast + p.cocoonDays * DAY_MS).toISOString(),
        addresses: inCocoon,
      });
    }
    zones.push({
      id: `watch:${g.key}`,
      kind: 'watch',
      ...base,
      incidents: g.watch.length,
      lastIncidentAt: new Date(g.watchLast).toISOString(),
      expiresAt: new Date(g.watchLast + p.watchDays * DAY_MS).toISOString(),
      addresses: inWatch,
    });
  }
  return zones.sort((a, b) =>
    a.kind === b.kind
      ? b.lastIncidentAt.localeCompare(a.lastIncidentAt) || a.id.localeCompare(b.id)
      : a.kind === 'cocoon'
        ? -1
        : 1,
  );
}

/** GeoJSON geometry (EPSG:4326) of every zone, by zone id. */
export async function riskZoneGeometry(q: Queryable, p: RiskZoneParams): Promise<Map<string, object>> {
  const { rows } = await q.query<{ id: string; geometry: object }>(sql('analysis/risk-zones'), [
    p.municipalityId,
    p.at,
    p.cocoonDistanceM,
    p.cocoonDays,
    p.watchDistanceM,
    p.watchDays,
  ]);
  return new Map(rows.map((r) => [r.id, r.geometry]));
}

const ZONE_ID = /^(cocoon|watch):([si]\d+)$/;

/**
 * Residential address ids per zone id (an address lies in at most one zone of a street: the
 * watch zone excludes the cocoon; zones of different streets may share addresses).
 */
export async function addressIdsByRiskZone(
  q: Queryable,
  zoneIds: string[],
  p: RiskZoneParams,
): Promise<Map<string, number[]>> {
  const keys = new Set<string>();
  for (const id of zoneIds) {
    const m = ZONE_ID.exec(id);
    if (!m)
      throw new BadInputError(`'${id}' is not a risk zone id (expected e.g. 'cocoon:s12' or 'watch:i34')`);
    keys.add(m[2]!);
  }
  const result = new Map<string, number[]>(zoneIds.map((id) => [id, []]));
  if (keys.size === 0) return result;
  const [groups, index] = await Promise.all([zoneGroups(q, p, keys), addressIndex(q, p.municipalityId)]);
  for (const g of groups.values()) {
    const cocoon = result.get(`cocoon:${g.key}`);
    const watch = result.get(`watch:${g.key}`);
    forEachAddressInCircles(index, [...g.watch, ...g.cocoon], g.cocoon, (i, inner) => {
      if (inner) cocoon?.push(index.ids[i]!);
      else watch?.push(index.ids[i]!);
    });
  }
  for (const ids of result.values()) ids.sort((a, b) => a - b);
  return result;
}
