/** Street inspections over HTTP (issue 11): plan, change, access, audit, findings, no addresses. */
import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { DEFAULT_CHECKLIST } from '../../server/inspections/checklist';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let planner: TestUser;
let delft: number;
const START = { lon: 4.3735, lat: 52.0005 };

// The answers are read loosely and their shape asserted field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(user: TestUser, method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(user), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as Json,
  };
}

async function streetIds(names: string[]): Promise<number[]> {
  const { rows } = await t.pool.query<{ id: number }>(
    `SELECT id::int FROM streets WHERE municipality_id = $1 AND name = ANY ($2) ORDER BY id`,
    [delft, names],
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  delft = (await t.pool.query<{ id: number }>(`SELECT id FROM municipalities WHERE code = 'GM0503'`)).rows[0]!
    .id;
  officer = await createTestUser(t.pool, { role: 'officer' });
  planner = await createTestUser(t.pool, { role: 'planner' });
  await generateDemoIncidents(t.pool, delft, { seed: 7, now: new Date() });
});

test('an officer plans an inspection from streets with a team; it is audited', async () => {
  const ids = await streetIds(['Mekelweg', 'Schoemakerstraat']);
  expect(ids).toHaveLength(2);
  const r = await call(officer, 'POST', '/api/inspections', {
    title: 'Schouw Mekelweg',
    startsAt: '2026-04-01T19:00:00+02:00',
    notes: 'Verzamelen bij de Aula',
    team: { userIds: [officer.id, planner.id], names: ['Buurtpreventie Jan'] },
    selection: { streetIds: ids },
  });
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({
    title: 'Schouw Mekelweg',
    municipality: 'GM0503',
    status: 'planned',
    plannedFrom: 'streets',
    startsAt: '2026-04-01T17:00:00.000Z',
    route: null,
    findings: 0,
  });
  expect(r.body.team.map((m: { name: string }) => m.name)).toEqual([
    officer.email,
    planner.email,
    'Buurtpreventie Jan',
  ]);
  expect(r.body.streets.map((s: { name: string }) => s.name).sort()).toEqual([
    'Mekelweg',
    'Schoemakerstraat',
  ]);
  expect(r.body.checklist.map((c: { key: string }) => c.key)).toEqual(DEFAULT_CHECKLIST.map((c) => c.key));
  const { rows } = await t.pool.query(
    `SELECT action, actor FROM audit_log WHERE subject_type = 'inspection' AND subject_id = $1`,
    [String(r.body.id)],
  );
  expect(rows).toEqual([{ action: 'inspection.create', actor: officer.email }]);

  const patched = await call(officer, 'PATCH', `/api/inspections/${r.body.id}`, {
    status: 'done',
    team: { names: ['Wijkagent Ria'] },
  });
  expect(patched.status).toBe(200);
  expect(patched.body.status).toBe('done');
  expect(patched.body.team).toEqual([{ userId: null, name: 'Wijkagent Ria' }]);
  expect((await call(officer, 'PATCH', `/api/inspections/${r.body.id}`, { status: 'gone' })).status).toBe(
    400,
  );
  const list = await call(officer, 'GET', '/api/inspections');
  expect(list.body.map((i: { id: number }) => i.id)).toContain(r.body.id);
});

test('a polygon, a near-repeat cluster and risk zones become streets; an empty one is refused', async () => {
  // A square of about 300 m around the Aula.
  const d = 0.002;
  const polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [START.lon - d, START.lat - d],
        [START.lon + d, START.lat - d],
        [START.lon + d, START.lat + d],
        [START.lon - d, START.lat + d],
        [START.lon - d, START.lat - d],
      ],
    ],
  };
  const p = await call(officer, 'POST', '/api/inspections', {
    title: 'Vlak',
    startsAt: '2026-04-02T10:00:00Z',
    selection: { polygon },
  });
  expect(p.status).toBe(201);
  expect(p.body.plannedFrom).toBe('polygon');
  expect(p.body.streets.length).toBeGreaterThan(2);
  expect(p.body.streets.map((s: { name: string }) => s.name)).toContain('Mekelweg');

  const { rows } = await t.pool.query<{ id: number; street: string }>(
    `SELECT i.id::int, s.name AS street FROM incidents i JOIN streets s ON s.id = i.street_id WHERE i.municipality_id = $1 ORDER BY i.id LIMIT 2`,
    [delft],
  );
  // An officer: a planner may not plan from burglaries (inspection-planning.test.ts).
  const c = await call(officer, 'POST', '/api/inspections', {
    title: 'Cluster',
    startsAt: '2026-04-02T10:00:00Z',
    selection: { cluster: { incidentIds: rows.map((r) => r.id), radiusM: 50 } },
  });
  expect(c.status).toBe(201);
  expect(c.body.plannedFrom).toBe('cluster');
  for (const r of rows) expect(c.body.streets.map((s: { name: string }) => s.name)).toContain(r.street);

  const zones = await call(officer, 'GET', '/api/risk-zones?geometry=false');
  const zoneId = zones.body.features[0].id as string;
  const z = await call(officer, 'POST', '/api/inspections', {
    title: 'Zone',
    startsAt: '2026-04-02T10:00:00Z',
    selection: { riskZoneIds: [zoneId] },
  });
  expect(z.status).toBe(201);
  expect(z.body.streets.length).toBeGreaterThan(0);

  const far = {
    type: 'Polygon',
    coordinates: [
      [
        [5, 52],
        [5.001, 52],
        [5.001, 52.001],
        [5, 52.001],
        [5, 52],
      ],
    ],
  };
  const none = await call(officer, 'POST', '/api/inspections', {
    title: 'Leeg',
    startsAt: '2026-04-02T10:00:00Z',
    selection: { polygon: far },
  });
  expect(none.status).toBe(400);
  expect(none.body.error.message).toBe('selection: no streets in this selection');
});

test('a planner runs an inspection and never receives an address; other municipalities see nothing', async () => {
  const ids = await streetIds(['Mekelweg', 'Schoemakerstraat']);
  const created = await call(planner, 'POST', '/api/inspections', {
    title: 'Planner',
    startsAt: '2026-04-03T19:00:00+02:00',
    selection: { streetIds: ids },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as number;
  const route = await call(planner, 'POST', `/api/inspections/${id}/route`, { start: START });
  expect(route.status).toBe(200);
  const street = ids[0]!;
  const f = await call(planner, 'POST', `/api/inspections/${id}/findings`, {
    findings: [
      {
        id: crypto.randomUUID(),
        streetId: street,
        item: 'lighting',
        note: 'lamp kapot',
        recordedAt: new Date().toISOString(),
      },
    ],
  });
  expect(f.status).toBe(200);
  // No answer carries a house number, postcode or incident: only street names.
  const { rows: addr } = await t.pool.query<{ postcode: string }>(
    `SELECT DISTINCT postcode FROM addresses WHERE street_id = ANY ($1::bigint[]) AND postcode IS NOT NULL`,
    [ids],
  );
  expect(addr.length).toBeGreaterThan(0);
  const bodies = [
    created.text,
    route.text,
    f.text,
    (await call(planner, 'GET', `/api/inspections/${id}`)).text,
    (await call(planner, 'GET', `/api/inspections/${id}/findings`)).text,
    (await call(planner, 'GET', `/api/inspections/${id}/findings.csv`)).text,
    (await call(planner, 'GET', '/api/inspections')).text,
  ];
  for (const b of bodies) {
    for (const a of addr) expect(b).not.toContain(a.postcode);
    expect(b).not.toMatch(/"(huisnummer|huisletter|postcode|address\w*|incident\w*)"\s*:/i);
  }
  await t.pool.query(
    `INSERT INTO municipalities (code, name) VALUES ('GM9999', 'Elders') ON CONFLICT DO NOTHING`,
  );
  const stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM9999' });
  for (const p of [`/api/inspections/${id}`, `/api/inspections/${id}/findings`]) {
    const r = await call(stranger, 'GET', p);
    expect(r).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: `no inspection ${id}` } },
    });
  }
  expect(
    (await call(stranger, 'GET', '/api/inspections')).body.map((i: { id: number }) => i.id),
  ).not.toContain(id);
  const bad = await call(officer, 'POST', '/api/inspections', {
    title: 'x',
    startsAt: '2026-04-03T19:00:00Z',
    team: { userIds: [stranger.id] },
    selection: { streetIds: ids },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/team.userIds: user \d+ cannot work in this municipality/);
});

test('findings sent twice are stored once; follow-up and CSV', async () => {
  const ids = await streetIds(['Mekelweg', 'Schoemakerstraat']);
  const { body: insp } = await call(officer, 'POST', '/api/inspections', {
    title: 'Bevindingen',
    startsAt: '2026-04-04T19:00:00Z',
    selection: { streetIds: ids },
  });
  const findings = [
    {
      id: crypto.randomUUID(),
      streetId: ids[0],
      item: 'open_alley',
      note: 'poort ontbreekt',
      recordedAt: '2026-04-04T19:10:00Z',
      position: { lon: 4.3736, lat: 52.0006 },
    },
    {
      id: crypto.randomUUID(),
      streetId: ids[1],
      item: 'other',
      note: '=SUM(A1)',
      recordedAt: '2026-04-04T19:20:00Z',
    },
  ];
  const first = await call(officer, 'POST', `/api/inspections/${insp.id}/findings`, { findings });
  expect(first.body).toMatchObject({ stored: 2, alreadyStored: 0 });
  const again = await call(officer, 'POST', `/api/inspections/${insp.id}/findings`, { findings });
  expect(again.body).toMatchObject({ stored: 0, alreadyStored: 2, received: findings.map((f) => f.id) });
  const list = await call(officer, 'GET', `/api/inspections/${insp.id}/findings`);
  expect(list.body).toHaveLength(2);
  const alley = list.body.find((f: { item: string }) => f.item === 'open_alley');
  expect(alley.subsidy).toMatch(/Kleine Veiligheidsprojecten/);
  expect(alley.lon).toBeCloseTo(4.3736, 5);
  const wrongStreet = await call(officer, 'POST', `/api/inspections/${insp.id}/findings`, {
    findings: [{ ...findings[0], id: crypto.randomUUID(), streetId: 1 }],
  });
  expect(wrongStreet.status).toBe(400);
  expect(wrongStreet.body.error.message).toMatch(
    /findings\[0\].streetId: street 1 is not part of this inspection/,
  );
  const wrongItem = await call(officer, 'POST', `/api/inspections/${insp.id}/findings`, {
    findings: [{ ...findings[0], id: crypto.randomUUID(), item: 'unicorns' }],
  });
  expect(wrongItem.status).toBe(400);
  const fu = await call(officer, 'PATCH', `/api/inspections/${insp.id}/findings/${findings[0]!.id}`, {
    followUp: 'maintenance',
  });
  expect(fu.body).toEqual({ id: findings[0]!.id, followUp: 'maintenance' });
  const csv = await call(officer, 'GET', `/api/inspections/${insp.id}/findings.csv`);
  expect(csv.text).toContain('poort ontbreekt;maintenance;Kleine Veiligheidsprojecten');
  expect(csv.text).toContain("'=SUM(A1)");
  const { rows } = await t.pool.query(
    `SELECT action FROM audit_log WHERE subject_type = 'inspection' AND subject_id = $1 ORDER BY id`,
    [String(insp.id)],
  );
  expect(rows.map((r) => r.action)).toEqual([
    'inspection.create',
    'inspection.findings',
    'inspection.follow-up',
  ]);
});
