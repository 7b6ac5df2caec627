/**
 * Walking routes on the Delft demo network (issue 11): pgr_dijkstraCostMatrix + pgr_TSP for the
 * order, pgr_dijkstra for the legs. Checked in PostGIS against the stored route.
 */
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { rebuildWalkNetwork } from '../../server/routing/walk-network.repo';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let delft: number;
// Near the Aula of TU Delft (Mekelweg).
const START = { lon: 4.3735, lat: 52.0005 };

interface Walk {
  lengthM: number;
  minutes: number;
  streets: { streetId: number; name: string; position: number }[];
  steps: { name: string | null; lengthM: number }[];
  geometry: { type: string; coordinates: number[][] };
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Streets of the demo area whose walkable edges all lie in the largest connected part of the network. */
async function connectedStreets(n: number): Promise<number[]> {
  const { rows } = await t.pool.query<{ id: number }>(
    `WITH comp AS (SELECT node, component FROM pgr_connectedComponents('SELECT id, source, target, cost, reverse_cost FROM walk_edges')),
          big AS (SELECT component FROM comp GROUP BY component ORDER BY count(*) DESC LIMIT 1)
     SELECT e.street_id::int AS id FROM walk_edges e
     JOIN comp c ON c.node = e.source
     WHERE e.street_id IS NOT NULL
     GROUP BY e.street_id HAVING bool_and(c.component = (SELECT component FROM big))
     ORDER BY min(e.id) LIMIT $1`,
    [n],
  );
  return rows.map((r) => r.id);
}

async function plan(streetIds: number[]): Promise<number> {
  const r = await api<{ id: number }>('POST', '/api/inspections', {
    title: `Schouw ${streetIds.length} straten`,
    startsAt: '2026-04-01T18:30:00+02:00',
    selection: { streetIds },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

/** Checks a stored route in PostGIS: connected legs, length, coverage of every street. */
async function checkStoredRoute(id: number, walk: Walk, streetIds: number[]) {
  const { rows } = await t.pool.query<{
    legs: number;
    gaps: number;
    st_length: number;
    far_streets: string[];
    min_length: number;
  }>(
    `WITH legs AS (SELECT d.path[1] AS n, d.geom FROM inspections i, ST_Dump(i.route_geom) d WHERE i.id = $1)
     SELECT (SELECT count(*)::int FROM legs) AS legs,
            (SELECT count(*)::int FROM legs a JOIN legs b ON b.n = a.n + 1
              WHERE NOT ST_EndPoint(a.geom) ~= ST_StartPoint(b.geom)) AS gaps,
            (SELECT ST_Length(route_geom) FROM inspections WHERE id = $1) AS st_length,
            (SELECT coalesce(array_agg(s.name), '{}') FROM streets s, inspections i
              WHERE i.id = $1 AND s.id = ANY ($2::bigint[]) AND NOT ST_DWithin(s.geom, i.route_geom, 25)) AS far_streets,
            (SELECT max(ST_Distance(s.geom, i.route_start)) FROM streets s, inspections i
              WHERE i.id = $1 AND s.id = ANY ($2::bigint[])) AS min_length`,
    [id, streetIds],
  );
  const r = rows[0]!;
  expect(r.far_streets).toEqual([]);
  expect(r.gaps).toBe(0);
  // The legs are walked edge by edge: the stored line is exactly as long as the walk reported.
  expect(Math.abs(r.st_length - walk.lengthM)).toBeLessThan(1);
  // At least as far as the straight line to the farthest street.
  expect(walk.lengthM).toBeGreaterThanOrEqual(r.min_length);
  // The answer's line: one LineString whose consecutive points never jump further than the
  // longest straight piece of any edge of the network.
  expect(walk.geometry.type).toBe('LineString');
  const { rows: jump } = await t.pool.query<{ route: number; network: number }>(
    `WITH pts AS (SELECT d.path, d.geom FROM ST_DumpPoints(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), 28992)) d),
          segs AS (SELECT ST_Distance(geom, lead(geom) OVER (ORDER BY path)) AS len FROM pts)
     SELECT (SELECT max(len) FROM segs) AS route,
            (SELECT max(ST_Distance(ST_PointN(e.geom, k), ST_PointN(e.geom, k + 1)))
             FROM walk_edges e, generate_series(1, ST_NPoints(e.geom) - 1) k) AS network`,
    [JSON.stringify(walk.geometry)],
  );
  expect(jump[0]!.route).toBeLessThanOrEqual(jump[0]!.network + 0.05);
  expect(new Set(walk.streets.map((s) => s.streetId))).toEqual(new Set(streetIds));
  expect(walk.streets.map((s) => s.position)).toEqual(streetIds.map((_, i) => i + 1));
}

/** The walk in another order (street id order), each leg a pgr_dijkstra: the TSP order must not be longer. */
async function naiveLength(id: number): Promise<number> {
  const { rows } = await t.pool.query<{ total: number }>(
    `WITH ends AS (
       SELECT x.street_id, (SELECT e.source FROM walk_edges e WHERE e.street_id = x.street_id ORDER BY e.id LIMIT 1) AS a,
              (SELECT e.target FROM walk_edges e WHERE e.street_id = x.street_id ORDER BY e.id DESC LIMIT 1) AS b
       FROM inspection_streets x WHERE x.inspection_id = $1),
     seq AS (SELECT v, row_number() OVER () AS n FROM (
       SELECT (SELECT v.id FROM walk_vertices v, inspections i WHERE i.id = $1 ORDER BY v.geom <-> i.route_start LIMIT 1) AS v
       UNION ALL SELECT unnest(ARRAY[a, b]) FROM (SELECT * FROM ends ORDER BY street_id) e) s),
     pairs AS (SELECT p.v AS f, q.v AS t FROM seq p JOIN seq q ON q.n = p.n + 1 WHERE p.v <> q.v)
     SELECT sum(d.cost) AS total FROM pgr_dijkstra('SELECT id, source, target, cost, reverse_cost FROM walk_edges',
       (SELECT array_agg(f) FROM pairs), (SELECT array_agg(t) FROM pairs), false) d
     JOIN pairs ON pairs.f = d.start_vid AND pairs.t = d.end_vid`,
    [id],
  );
  return rows[0]!.total;
}

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  delft = (await t.pool.query<{ id: number }>(`SELECT id FROM municipalities WHERE code = 'GM0503'`)).rows[0]!
    .id;
});

test.each([10, 30])(
  'a route over %i streets covers every street, is connected and not longer than another order',
  async (n) => {
    const streetIds = await connectedStreets(n);
    expect(streetIds).toHaveLength(n);
    const id = await plan(streetIds);
    const t0 = Date.now();
    const r = await api<{ walk: Walk; route: { lengthM: number; minutes: number } }>(
      'POST',
      `/api/inspections/${id}/route`,
      {
        start: START,
        walkKmh: 4,
        minutesPerStreet: 2,
      },
    );
    const ms = Date.now() - t0;
    expect(r.status).toBe(200);
    expect(ms).toBeLessThan(5000);
    await checkStoredRoute(id, r.body.walk, streetIds);
    expect(r.body.walk.lengthM).toBeLessThanOrEqual((await naiveLength(id)) * 1.05);
    // minutes = length at 4 km/h + 2 minutes per street
    expect(r.body.walk.minutes).toBe(Math.round(r.body.walk.lengthM / (4000 / 60) + 2 * n));
    expect(r.body.route.lengthM).toBe(r.body.walk.lengthM);
    // The steps name the streets in walking order; every selected street is among them.
    const stepNames = new Set(r.body.walk.steps.map((s) => s.name));
    for (const s of r.body.walk.streets) expect(stepNames).toContain(s.name);
  },
);

test('a street that cannot be reached gives an error naming it', async () => {
  // A way of its own, not sharing any OSM node with the network: its own island.
  await t.pool.query(
    `WITH st AS (INSERT INTO streets (municipality_id, name, place, geom)
                 VALUES ($1, 'Eilandpad', 'Delft', ST_Multi(ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(4.3741, 52.0011), ST_MakePoint(4.3749, 52.0013)), 4326), 28992)))
                 RETURNING id, geom)
     , seg AS (INSERT INTO street_segments (street_id, source, source_key, highway, geom)
               SELECT id, 'osm', 'w-test-island', 'footway', ST_GeometryN(geom, 1) FROM st)
     INSERT INTO walk_ways (municipality_id, source_key, name, highway, geom)
     SELECT $1, 'w-test-island', 'Eilandpad', 'footway', ST_GeometryN(geom, 1) FROM st`,
    [delft],
  );
  await rebuildWalkNetwork(t.pool, delft);
  const island = (await t.pool.query<{ id: number }>(`SELECT id::int FROM streets WHERE name = 'Eilandpad'`))
    .rows[0]!.id;
  const id = await plan([...(await connectedStreets(3)), island]);
  const r = await api<{ error: { code: string; message: string } }>('POST', `/api/inspections/${id}/route`, {
    start: START,
  });
  expect(r.status).toBe(400);
  expect(r.body.error.message).toMatch(/cannot walk from the start to 'Eilandpad'/);
});

test('a start far from any walkable way is refused; an address as start is found', async () => {
  const id = await plan(await connectedStreets(2));
  const far = await api<{ error: { message: string } }>('POST', `/api/inspections/${id}/route`, {
    start: { lon: 5.0, lat: 52.0 },
  });
  expect(far.status).toBe(400);
  expect(far.body.error.message).toMatch(/no walkable way within 500 m/);
  const { rows } = await t.pool.query<{ street_name: string; huisnummer: number }>(
    `SELECT street_name, huisnummer FROM addresses WHERE huisletter IS NULL AND street_name = 'Mekelweg' ORDER BY huisnummer LIMIT 1`,
  );
  const a = rows[0]!;
  const ok = await api<{ route: { start: { label: string } } }>('POST', `/api/inspections/${id}/route`, {
    start: { street: a.street_name, huisnummer: a.huisnummer },
  });
  expect(ok.status).toBe(200);
  expect(ok.body.route.start.label).toBe(`Mekelweg ${a.huisnummer}`);
});
