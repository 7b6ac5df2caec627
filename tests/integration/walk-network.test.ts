/** The walking network import-osm builds for pgRouting (issue 11), on the Delft demo area. */
import { useTestDatabase } from '../helpers/db';
import { walkable } from '../../server/imports/osm-import';

const t = useTestDatabase();

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const { rows } = await t.pool.query(text, params);
  return rows[0] as T;
}

test('footways and paths are in the network, motorways and foot=no ways are not', async () => {
  const r = await one<{ footway: number; path: number; motorway: number; trunk: number }>(
    `SELECT count(*) FILTER (WHERE highway = 'footway')::int AS footway, count(*) FILTER (WHERE highway = 'path')::int AS path,
            count(*) FILTER (WHERE highway LIKE 'motorway%')::int AS motorway,
            count(*) FILTER (WHERE highway LIKE 'trunk%')::int AS trunk
     FROM walk_ways`,
  );
  // The demo extract has 477 footways (437 unnamed), 60 paths, 2 motorways and 6 trunk ways, 5 of them foot=no.
  expect(r.footway).toBeGreaterThan(400);
  expect(r.path).toBeGreaterThan(50);
  expect(r.motorway).toBe(0);
  expect(r.trunk).toBeLessThanOrEqual(1);
  expect(walkable('footway', '')).toBe(true);
  expect(walkable('trunk', '"foot"=>"no"')).toBe(false);
  expect(walkable('service', '"access"=>"private"')).toBe(false);
  expect(walkable('service', '"access"=>"private","foot"=>"yes"')).toBe(true);
});

test('edges are cut at junctions and join up into one large connected network', async () => {
  const edges = await one<{ n: number; bad_ends: number; total: number; ways: number }>(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE NOT (ST_StartPoint(e.geom) ~= s.geom AND ST_EndPoint(e.geom) ~= g.geom))::int AS bad_ends,
            sum(e.cost) AS total, (SELECT sum(ST_Length(geom)) FROM walk_ways) AS ways
     FROM walk_edges e JOIN walk_vertices s ON s.id = e.source JOIN walk_vertices g ON g.id = e.target`,
  );
  expect(edges.bad_ends).toBe(0);
  // Cutting keeps every metre: the edges add up to the ways.
  expect(Math.abs(edges.total - edges.ways)).toBeLessThan(1);
  expect(edges.n).toBeGreaterThan(1500);
  const comp = await one<{ largest: number; vertices: number }>(
    `SELECT max(n)::int AS largest, sum(n)::int AS vertices FROM (
       SELECT count(*) AS n FROM pgr_connectedComponents('SELECT id, source, target, cost, reverse_cost FROM walk_edges')
       GROUP BY component) c`,
  );
  expect(comp.largest / comp.vertices).toBeGreaterThan(0.9);
  // A junction of two named streets is one vertex: Mekelweg meets other streets.
  const named = await one<{ streets: number }>(
    `SELECT count(DISTINCT e2.street_id)::int AS streets
     FROM walk_edges e1 JOIN streets s ON s.id = e1.street_id AND s.name = 'Mekelweg'
     JOIN walk_edges e2 ON e2.street_id <> e1.street_id AND (e2.source IN (e1.source, e1.target) OR e2.target IN (e1.source, e1.target))`,
  );
  expect(named.streets).toBeGreaterThan(2);
});

test('a second import of the same file rebuilds the same network', async () => {
  const before = await one<{ n: number; total: number }>(
    'SELECT count(*)::int AS n, sum(cost) AS total FROM walk_edges',
  );
  const { importOsm } = await import('../../server/imports/osm-import');
  const { DEMO_OSM_FILE, DEMO_MUNICIPALITY } = await import('../../server/setup/demo');
  await importOsm(DEMO_OSM_FILE, { municipality: DEMO_MUNICIPALITY, actor: 'test' }, t.pool);
  const after = await one<{ n: number; total: number }>(
    'SELECT count(*)::int AS n, sum(cost) AS total FROM walk_edges',
  );
  expect(after.n).toBe(before.n);
  expect(after.total).toBeCloseTo(before.total, 3);
});
