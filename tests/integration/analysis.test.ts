import fs from 'node:fs';
import path from 'node:path';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { generateDemoIncidents, type DemoIncidentResult } from '../../server/setup/demo-incidents';
import { importIncidents, resolveImportMunicipality } from '../../server/incidents/incident-import.service';
import {
  addressIdsByRiskZone,
  addressIdsInRiskZones,
  defaultRiskZoneParams,
  knox,
  nearRepeatClusters,
  riskZones,
  streetActivity,
} from '../../server/analysis/analysis.service';

const t = useTestDatabase();
const app = useTestApp();
const NOW = new Date('2026-03-15T10:00:00Z');
const DAY = 86_400_000;
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'incidents', 'cambridgeshire_2021-01_burglary.csv');

let delft: number;
let cambs: number;
let demo: DemoIncidentResult;
let officer: TestUser;

beforeAll(async () => {
  delft = (await resolveImportMunicipality(t.pool, 'GM0503')).id;
  demo = await generateDemoIncidents(t.pool, delft, { seed: 42, now: NOW });
  const m = await resolveImportMunicipality(t.pool, 'CAMBS', 'Cambridgeshire');
  cambs = m.id;
  const s = await importIncidents(fs.readFileSync(FIXTURE), {
    fileName: 'cambs.csv',
    municipality: m,
    skipInvalid: false,
    actor: 'test',
  });
  expect(s.imported).toBe(240);
  officer = await createTestUser(t.pool, { role: 'officer' });
});

/** Independent clustering: brute-force O(n^2) links on the raw points, components by flood fill. */
async function bruteForceClusters(
  municipalityId: number,
  from: Date,
  to: Date,
  dist: number,
  days: number,
): Promise<string[]> {
  const { rows } = await t.pool.query<{ id: string; x: number; y: number; t: Date }>(
    `SELECT id, ST_X(geom) x, ST_Y(geom) y, occurred_from t FROM incidents
     WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3 AND geom IS NOT NULL
       AND location_source IS DISTINCT FROM 'street'`,
    [municipalityId, from, to],
  );
  const adj = rows.map(() => [] as number[]);
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!,
        b = rows[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) <= dist && Math.abs(a.t.getTime() - b.t.getTime()) <= days * DAY) {
        adj[i]!.push(j);
        adj[j]!.push(i);
      }
    }
  }
  const seen = new Set<number>();
  const clusters: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (seen.has(i) || adj[i]!.length === 0) continue;
    const stack = [i],
      members: string[] = [];
    seen.add(i);
    while (stack.length) {
      const k = stack.pop()!;
      members.push(rows[k]!.id);
      for (const n of adj[k]!) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    clusters.push(
      members
        .map(Number)
        .sort((a, b) => a - b)
        .join(','),
    );
  }
  return clusters.sort();
}

describe('near-repeat clusters', () => {
  const from = new Date(NOW.getTime() - 130 * DAY);

  test('every synthetic burst of the demo falls within one cluster', async () => {
    const clusters = await nearRepeatClusters(
      {
        municipalityId: delft,
        from,
        to: NOW,
        distanceM: 200,
        days: 14,
        minSize: 2,
      },
      t.pool,
    );
    const { rows } = await t.pool.query<{ id: string; external_id: string }>(
      `SELECT id, external_id FROM incidents WHERE source = 'demo'`,
    );
    const idOf = new Map(rows.map((r) => [r.external_id, Number(r.id)]));
    const clusterOf = new Map<number, string>();
    for (const c of clusters) for (const m of c.members) clusterOf.set(m, c.id);
    expect(demo.bursts).toBeGreaterThanOrEqual(10);
    for (const burst of demo.burstMembers) {
      const ids = burst.map((e) => idOf.get(e)!);
      expect(new Set(ids.map((i) => clusterOf.get(i))).size).toBe(1);
      expect(clusterOf.get(ids[0]!)).toBeDefined();
    }
    const c = clusters[0]!;
    expect(c.hull).toHaveProperty('type');
    expect(c.streets.length).toBeGreaterThan(0);
    expect(c.spanDays).toBeLessThanOrEqual((c.size - 1) * 14);
  });

  test('clusters equal an independent brute-force space-time clustering (demo and police.uk data)', async () => {
    for (const [m, f, to, d, days] of [
      [delft, from, NOW, 200, 14],
      [delft, from, NOW, 100, 7],
      [cambs, new Date('2021-01-01'), new Date('2021-02-01'), 200, 14],
    ] as const) {
      const ours = await nearRepeatClusters(
        {
          municipalityId: m,
          from: f,
          to,
          distanceM: d,
          days,
          minSize: 2,
        },
        t.pool,
      );
      const expected = await bruteForceClusters(m, f, to, d, days);
      expect(expected.length).toBeGreaterThan(3);
      expect(ours.map((c) => [...c.members].sort((a, b) => a - b).join(',')).sort()).toEqual(expected);
    }
  });
});

describe('street activity', () => {
  test('police.uk counts per street equal an independent count of the file by its "On or near" street', async () => {
    const counts = new Map<string, number>();
    const lines = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const label = line.split(',')[6]!;
      const street = label.replace(/^On or near /, '');
      counts.set(street, (counts.get(street) ?? 0) + 1);
    }
    const r = await streetActivity(
      {
        municipalityId: cambs,
        from: new Date('2021-01-01'),
        to: new Date('2021-02-01'),
      },
      t.pool,
    );
    expect(r.totals.incidents).toBe(240);
    expect(r.totals.unlocated).toBe(14);
    let onStreets = 0;
    for (const f of r.features) {
      expect({ street: f.properties.name, n: f.properties.incidents }).toEqual({
        street: f.properties.name,
        n: counts.get(f.properties.name),
      });
      onStreets += f.properties.incidents;
    }
    expect(onStreets).toBe(r.totals.on_streets);
    // Everything not on a street is a police.uk placeholder: 'No Location' or a kind of place.
    const placeholders = [...counts.entries()].filter(
      ([s]) => !r.features.some((f) => f.properties.name === s),
    );
    expect(placeholders.reduce((n, [, c]) => n + c, 0)).toBe(240 - onStreets);
    for (const [s] of placeholders)
      expect(s).toMatch(
        /No Location|\/|Parking Area|Supermarket|Petrol Station|Nightclub|Shopping Area|Hospital|Police Station|Pedestrian Subway/,
      );
  });

  test('demo activity: counts, attempts and residential addresses per street agree with the incidents table', async () => {
    const from = new Date(NOW.getTime() - 90 * DAY);
    const r = await streetActivity({ municipalityId: delft, from, to: NOW }, t.pool);
    const { rows } = await t.pool.query<{
      street_id: number;
      n: number;
      attempts: number;
      addresses: number;
    }>(
      `SELECT g.*, (SELECT count(*)::int FROM addresses a WHERE a.street_id = g.street_id AND a.residential) addresses
       FROM (SELECT i.street_id::int, count(*)::int n, count(*) FILTER (WHERE attempt)::int attempts
             FROM incidents i WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3 GROUP BY 1) g`,
      [delft, from, NOW],
    );
    expect(r.features).toHaveLength(rows.length);
    for (const row of rows) {
      const f = r.features.find((x) => x.properties.streetId === row.street_id)!;
      expect(f.properties).toMatchObject({
        incidents: row.n,
        attempts: row.attempts,
        completed: row.n - row.attempts,
        addresses: row.addresses,
      });
      expect(Object.values(f.properties.modusOperandi).reduce((a, b) => a + b, 0)).toBe(row.n);
      // A street known only from its addresses (no OSM way of that name) has no geometry.
      if (f.geometry !== null) expect(f.geometry).toMatchObject({ type: 'MultiLineString' });
    }
    expect(r.features.filter((f) => f.geometry !== null).length).toBeGreaterThan(r.features.length / 2);
  });
});

describe('risk zones', () => {
  test('cocoon and watch zones per street with their residential addresses; ids feed letter selection', async () => {
    const params = defaultRiskZoneParams(delft, NOW);
    const zones = await riskZones(params, {}, t.pool);
    const cocoons = zones.features.filter((z) => z.properties.kind === 'cocoon');
    expect(cocoons.length).toBeGreaterThan(0);
    expect(zones.features.length).toBeGreaterThan(cocoons.length);
    for (const z of zones.features) expect(z.id).toMatch(/^(cocoon|watch):[si]\d+$/);

    // Independent counts in PostGIS: residential addresses within 200 m of a cocoon incident of
    // that street; and within 400 m of one of its 60-day incidents but not in its cocoon.
    const zone = cocoons.sort((a, b) => b.properties.addresses - a.properties.addresses)[0]!;
    const { rows } = await t.pool.query<{ cocoon: number; watch: number }>(
      `WITH inc AS (SELECT geom, occurred_from > $3::timestamptz - interval '14 days' AS recent FROM incidents
                    WHERE municipality_id = $1 AND street_id = $2 AND occurred_from <= $3 AND occurred_from > $3::timestamptz - interval '60 days'),
            adr AS (SELECT a.id, bool_or(i.recent AND ST_DWithin(a.geom, i.geom, 200)) AS in_cocoon
                    FROM addresses a JOIN inc i ON ST_DWithin(a.geom, i.geom, 400)
                    WHERE a.residential AND a.municipality_id = $1 GROUP BY a.id)
       SELECT count(*) FILTER (WHERE in_cocoon)::int cocoon, count(*) FILTER (WHERE NOT in_cocoon)::int watch FROM adr`,
      [delft, zone.properties.streetId, NOW],
    );
    expect(zone.properties.addresses).toBe(rows[0]!.cocoon);
    expect(rows[0]!.cocoon).toBeGreaterThan(10);
    const watchZone = zones.features.find((z) => z.id === zone.id.replace('cocoon', 'watch'))!;
    expect(watchZone.properties.addresses).toBe(rows[0]!.watch);
    expect(zone.geometry).toMatchObject({ type: expect.stringMatching(/Polygon/) });

    const ids = await addressIdsInRiskZones(t.pool, [zone.id], params);
    expect(ids).toHaveLength(zone.properties.addresses);
    const watchId = watchZone.id;
    const byZone = await addressIdsByRiskZone(t.pool, [zone.id, watchId], params);
    const watchIds = new Set(byZone.get(watchId));
    expect(ids.some((id) => watchIds.has(id))).toBe(false); // the watch zone is the ring outside the cocoon
    await expect(addressIdsInRiskZones(t.pool, ['street 1'], params)).rejects.toThrow(/not a risk zone id/);
  });
});

describe('Knox test', () => {
  test('the demo bursts raise the short-distance, short-time ratio', async () => {
    const r = await knox(
      {
        municipalityId: delft,
        from: new Date(NOW.getTime() - 130 * DAY),
        to: NOW,
        distanceBands: [0, 100, 200, 400],
        timeBands: [0, 7, 14, 21],
        permutations: 199,
        seed: 1,
      },
      t.pool,
    );
    const near = r.cells.find((c) => c.distance[0] === 0 && c.days[0] === 0)!;
    expect(near.observed).toBeGreaterThan(near.expected * 1.5);
    expect(near.p).toBeLessThan(0.05);
    const far = r.cells.find((c) => c.distance[0] === 200 && c.days[0] === 14)!;
    expect(far.ratio!).toBeLessThan(near.ratio!);
  });
});

describe('HTTP', () => {
  function tileOf(lon: number, lat: number, z: number): [number, number] {
    const n = 2 ** z,
      r = (lat * Math.PI) / 180;
    return [
      Math.floor(((lon + 180) / 360) * n),
      Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
    ];
  }
  const q = `municipality=GM0503&from=${new Date(NOW.getTime() - 120 * DAY).toISOString()}&to=${NOW.toISOString()}`;

  test('officer endpoints answer GeoJSON; other municipalities and strangers are refused', async () => {
    for (const p of ['/api/streets/activity', '/api/clusters', '/api/risk-zones']) {
      const res = await fetch(`${app.url}${p}?${q}&at=${NOW.toISOString()}`, { headers: bearer(officer) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        type: string;
        features: { geometry: { type: string; coordinates: unknown } }[];
      };
      expect(body.type).toBe('FeatureCollection');
      expect(body.features.length).toBeGreaterThan(0);
      const coords = JSON.stringify(body.features[0]!.geometry.coordinates)
        .match(/-?\d+\.\d+/g)!
        .map(Number);
      expect(coords[0]).toBeGreaterThan(4.3); // EPSG:4326 around Delft
      expect(coords[0]).toBeLessThan(4.4);
    }
    const k = await fetch(`${app.url}/api/near-repeat/knox?${q}&permutations=99`, {
      headers: bearer(officer),
    });
    expect(k.status).toBe(200);
    expect(((await k.json()) as { cells: unknown[] }).cells).toHaveLength(9);
    const bad = await fetch(`${app.url}/api/near-repeat/knox?${q}&distances=100,50`, {
      headers: bearer(officer),
    });
    expect(bad.status).toBe(400);
    expect(
      (await fetch(`${app.url}/api/clusters?municipality=CAMBS`, { headers: bearer(officer) })).status,
    ).toBe(403);
    expect((await fetch(`${app.url}/api/clusters?${q}`)).status).toBe(401);
  });

  test('viewing incident data is audited, once per kind of view in a short window', async () => {
    const viewer = await createTestUser(t.pool, { role: 'officer' });
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${app.url}/api/clusters?${q}`, { headers: bearer(viewer) })).status).toBe(200);
    }
    expect((await fetch(`${app.url}/api/streets/activity?${q}`, { headers: bearer(viewer) })).status).toBe(
      200,
    );
    // A refused request is not a view.
    expect(
      (await fetch(`${app.url}/api/clusters?municipality=CAMBS`, { headers: bearer(viewer) })).status,
    ).toBe(403);
    // The row is written after the answer has gone out: give it a moment.
    let rows: { action: string; subject_id: string }[] = [];
    for (let i = 0; i < 50 && rows.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = (
        await t.pool.query<{ action: string; subject_id: string }>(
          "SELECT action, subject_id FROM audit_log WHERE user_id = $1 AND action LIKE 'incidents.view.%' ORDER BY action",
          [viewer.id],
        )
      ).rows;
    }
    expect(rows).toEqual([
      { action: 'incidents.view.activity', subject_id: 'GM0503' },
      { action: 'incidents.view.clusters', subject_id: 'GM0503' },
    ]);
  });

  test('vector tiles: MVT for a tile with incidents, 204 for an empty one', async () => {
    const [x, y] = tileOf(4.3725, 52.0, 13);
    const from = new Date(NOW.getTime() - 120 * DAY).toISOString();
    const tq = `from=${from}&to=${NOW.toISOString()}`;
    const inc = await fetch(`${app.url}/tiles/incidents/13/${x}/${y}.mvt?${tq}`, {
      headers: bearer(officer),
    });
    expect(inc.status).toBe(200);
    expect(inc.headers.get('content-type')).toMatch(/vnd.mapbox-vector-tile/);
    const buf = Buffer.from(await inc.arrayBuffer());
    expect(buf.includes(Buffer.from('incidents'))).toBe(true);
    const [sx, sy] = tileOf(4.3725, 52.0, 14);
    const streets = await fetch(`${app.url}/tiles/streets/14/${sx}/${sy}.mvt?${tq}`, {
      headers: bearer(officer),
    });
    expect(streets.status).toBe(200);
    expect(Buffer.from(await streets.arrayBuffer()).includes(Buffer.from('streets'))).toBe(true);
    const sea = tileOf(3.0, 52.5, 13);
    expect(
      (
        await fetch(`${app.url}/tiles/incidents/13/${sea[0]}/${sea[1]}.mvt?${tq}`, {
          headers: bearer(officer),
        })
      ).status,
    ).toBe(204);
    expect((await fetch(`${app.url}/tiles/incidents/13/${x}/${y}.mvt`)).status).toBe(401);
    expect((await fetch(`${app.url}/tiles/incidents/3/9/9.mvt`, { headers: bearer(officer) })).status).toBe(
      400,
    );
  });
});
