/**
 * A walking route through a set of streets (issue 11), on the network import-osm builds: every
 * selected street is entered at one end and left at the other. pgRouting does all the routing:
 * pgr_dijkstraCostMatrix gives the walking distances between the street ends and the start,
 * pgr_TSP the order to visit them, pgr_dijkstra each leg. This module only joins the legs up.
 */
import type { PoolClient } from 'pg';
import { BadInputError } from '../core/errors';
import * as repo from './routing.repo';

export interface RouteRequest {
  municipalityId: number;
  streetIds: number[];
  start: { lon: number; lat: number; label?: string };
  walkKmh: number;
  minutesPerStreet: number;
}

export interface RouteStreet {
  streetId: number;
  name: string;
  /** 1 = the first street of the walk. */
  position: number;
  /** Metres walked from the start to where the walk first enters this street. */
  reachedAtM: number;
}

export interface RouteStep {
  streetId: number | null;
  /** NULL: an unnamed footway, path or service road. */
  name: string | null;
  lengthM: number;
}

export interface WalkRoute {
  start: { lon: number; lat: number; label: string; snappedM: number };
  lengthM: number;
  minutes: number;
  walkKmh: number;
  minutesPerStreet: number;
  streets: RouteStreet[];
  steps: RouteStep[];
  /** The walk as one line, EPSG:4326. */
  geometry: { type: 'LineString'; coordinates: number[][] };
  /** The legs as EWKB hex (EPSG:28992), to store with the inspection. */
  legGeoms: string[];
}

/** How far a start may lie from the nearest walkable way. */
const MAX_START_SNAP_M = 500;

/**
 * The TSP visits street ends, not streets: it may reach one end of a street, go elsewhere and
 * come back to the other end later, so the street itself is never walked. This keeps pgr_TSP's
 * order but, at the first end of a street reached, walks on to its other end (pgr_dijkstra then
 * routes that leg, along the street where it is the shortest way).
 */
export function walkAlongStreets(
  tour: string[],
  ends: { a_vertex: string | null; b_vertex: string | null }[],
): string[] {
  const open = ends.filter((e) => e.a_vertex !== e.b_vertex).map((e) => [e.a_vertex!, e.b_vertex!] as const);
  const done = new Set<number>();
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of tour) {
    if (seen.has(v)) continue;
    out.push(v);
    seen.add(v);
    // Chain: from here along every street not yet walked that ends here.
    for (;;) {
      const here = out[out.length - 1]!;
      const i = open.findIndex((e, k) => !done.has(k) && (e[0] === here || e[1] === here));
      if (i < 0) break;
      done.add(i);
      const other = open[i]![0] === here ? open[i]![1] : open[i]![0];
      out.push(other);
      seen.add(other);
    }
  }
  return out;
}

/** Computes the route; runs in the caller's transaction (the cost matrix is a temp table). */
export async function walkRoute(c: PoolClient, req: RouteRequest): Promise<WalkRoute> {
  const ends = await repo.streetEnds(c, req.municipalityId, req.streetIds);
  const missing = ends.filter((e) => e.a_vertex === null || e.b_vertex === null);
  if (missing.length > 0)
    throw new BadInputError(
      `streets: ${missing.map((m) => `'${m.name}'`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the walking network (no walkable OpenStreetMap way carries the name); leave ${missing.length === 1 ? 'it' : 'them'} out or import the ways`,
    );
  const near = await repo.nearestVertex(c, req.municipalityId, req.start.lon, req.start.lat);
  if (!near || near.distance_m > MAX_START_SNAP_M)
    throw new BadInputError(
      `start: no walkable way within ${MAX_START_SNAP_M} m of the start point; choose a start in the inspected area`,
    );
  const start = near.id;
  const cities = [...new Set([start, ...ends.flatMap((e) => [e.a_vertex!, e.b_vertex!])])];

  let order: string[];
  if (cities.length === 1) order = [start];
  else {
    await repo.createCostMatrix(c, req.municipalityId, cities);
    const reachable = await repo.reachableFrom(c, start);
    const unreachable = ends.filter((e) =>
      [e.a_vertex!, e.b_vertex!].some((v) => v !== start && !reachable.has(v)),
    );
    if (unreachable.length > 0)
      throw new BadInputError(
        `streets: cannot walk from the start to ${unreachable.map((u) => `'${u.name}'`).join(', ')}: no path on the walking network within 1.5 km of the selection connects ${unreachable.length === 1 ? 'it' : 'them'}; leave ${unreachable.length === 1 ? 'it' : 'them'} out or choose another start`,
      );
    // pgr_TSP needs at least three cities; two are simply there and (not) back.
    const tour = cities.length === 2 ? [start, cities[1]!] : (await repo.tspOrder(c, start)).slice(0, -1);
    order = walkAlongStreets(tour, ends);
  }

  // The walk is open: it ends at the last street, not back at the start.
  const from = order.slice(0, -1);
  const to = order.slice(1);
  const legRows = from.length > 0 ? await repo.legs(c, req.municipalityId, from, to) : [];
  const byPair = new Map(legRows.map((l) => [`${l.from_vid}>${l.to_vid}`, l]));

  const coordinates: number[][] = [];
  const steps: RouteStep[] = [];
  const legGeoms: string[] = [];
  const firstReach = new Map<string, number>();
  let walked = 0;
  for (let i = 0; i < from.length; i++) {
    const leg = byPair.get(`${from[i]}>${to[i]}`);
    if (!leg) throw new Error(`pgr_dijkstra returned no leg ${from[i]} -> ${to[i]} that the cost matrix had`);
    legGeoms.push(leg.geom);
    const line = (JSON.parse(leg.geojson) as { coordinates: number[][] }).coordinates;
    coordinates.push(...(coordinates.length > 0 ? line.slice(1) : line));
    leg.street_ids.forEach((sid, k) => {
      const len = leg.lengths[k]!;
      const id = sid === null ? null : Number(sid);
      if (sid !== null && !firstReach.has(sid)) firstReach.set(sid, walked);
      const last = steps[steps.length - 1];
      if (last && last.streetId === id && (id !== null || last.name === null)) last.lengthM += len;
      else steps.push({ streetId: id, name: leg.names[k] ?? null, lengthM: len });
      walked += len;
    });
  }
  // Where the walk first enters each selected street; a street whose ends are one vertex (a
  // tiny square) and that no leg runs along is reached where the walk passes that vertex.
  const visitAt = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < order.length; i++) {
    if (!visitAt.has(order[i]!)) visitAt.set(order[i]!, at);
    if (i < from.length) at += byPair.get(`${from[i]}>${to[i]}`)!.length_m;
  }
  const streets = ends
    .map((e) => ({
      streetId: Number(e.street_id),
      name: e.name,
      reachedAtM:
        firstReach.get(e.street_id) ?? Math.min(visitAt.get(e.a_vertex!) ?? 0, visitAt.get(e.b_vertex!) ?? 0),
    }))
    .sort((a, b) => a.reachedAtM - b.reachedAtM || a.streetId - b.streetId)
    .map((s, i) => ({ ...s, position: i + 1, reachedAtM: Math.round(s.reachedAtM) }));

  const lengthM = walked;
  const minutes = lengthM / ((req.walkKmh * 1000) / 60) + req.minutesPerStreet * streets.length;
  return {
    start: {
      lon: req.start.lon,
      lat: req.start.lat,
      label: req.start.label ?? `${req.start.lat.toFixed(5)}, ${req.start.lon.toFixed(5)}`,
      snappedM: Math.round(near.distance_m),
    },
    lengthM: Math.round(lengthM * 10) / 10,
    minutes: Math.round(minutes),
    walkKmh: req.walkKmh,
    minutesPerStreet: req.minutesPerStreet,
    streets,
    steps: steps.map((s) => ({ ...s, lengthM: Math.round(s.lengthM) })),
    geometry: { type: 'LineString', coordinates },
    legGeoms,
  };
}
