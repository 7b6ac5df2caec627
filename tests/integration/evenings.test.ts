/**
 * Prevention evenings for officers (issue 12): plan for a target area, change, cancel, mark held;
 * another municipality's officer never sees one; every change is audited.
 */
import '../helpers/own-redis-prefix';
import { ensureMunicipality } from '../../server/municipalities/municipalities.repo';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let stranger: TestUser;
let streets: DemoStreet[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  await ensureMunicipality(t.pool, { code: 'GM0599', name: 'Rotterdam' });
  stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM0599' });
  streets = (await demoStreets(t.pool, 3, 8)).slice(0, 2);
});

function body(extra: Record<string, unknown> = {}) {
  return {
    municipality: 'GM0503',
    title: 'Preventieavond Wippolder',
    startsAt: '2030-03-12T19:30:00+01:00',
    endsAt: '2030-03-12T21:30:00+01:00',
    venue: {
      name: 'Wijkcentrum De Wippolder',
      address: 'Jaffalaan 1, 2628 BX Delft',
      lon: 4.3736,
      lat: 52.0017,
    },
    capacity: 30,
    speakers: ['Wijkagent', 'Preventieadviseur'],
    organiser: { name: 'Team OOV', email: 'oov@delft.example', phone: '14 015' },
    area: { streetIds: streets.map((s) => s.id) },
    ...extra,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of many shapes, checked field by field
type Json = Record<string, any>;

async function call(method: string, path: string, who: TestUser, payload?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(who), 'content-type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

test('an officer plans, changes and cancels an evening; each change raises the sequence and is audited', async () => {
  const c = await call('POST', '/api/evenings', officer, body());
  expect(c.status).toBe(201);
  expect(c.json).toMatchObject({
    municipality: 'GM0503',
    status: 'planned',
    sequence: 0,
    capacity: 30,
    areaFrom: 'streets',
    venue: { name: 'Wijkcentrum De Wippolder' },
    counts: { invited: 0, confirmedPeople: 0, placesLeft: 30 },
  });
  expect([...c.json.areaStreets].sort()).toEqual(streets.map((s) => s.name).sort());
  const id = c.json.id as number;

  const p = await call('PATCH', `/api/evenings/${id}`, officer, {
    capacity: 25,
    title: 'Avond over inbraak',
  });
  expect(p.status).toBe(200);
  expect(p.json).toMatchObject({ capacity: 25, title: 'Avond over inbraak', sequence: 1 });

  // Not begun: it cannot be marked held yet.
  expect((await call('PATCH', `/api/evenings/${id}`, officer, { status: 'held' })).status).toBe(400);
  expect(
    (await call('PATCH', `/api/evenings/${id}`, officer, { endsAt: '2030-03-12T18:00:00+01:00' })).status,
  ).toBe(400);

  // Another municipality's officer: as if it did not exist.
  expect((await call('GET', `/api/evenings/${id}`, stranger)).status).toBe(404);
  expect((await call('PATCH', `/api/evenings/${id}`, stranger, { capacity: 1 })).status).toBe(404);
  expect((await call('POST', `/api/evenings/${id}/cancel`, stranger, {})).status).toBe(404);
  expect((await call('GET', '/api/evenings', stranger)).json).toEqual([]);

  const x = await call('POST', `/api/evenings/${id}/cancel`, officer, {});
  expect(x.json).toMatchObject({ status: 'cancelled', sequence: 2 });
  expect((await call('POST', `/api/evenings/${id}/cancel`, officer, {})).status).toBe(409);

  const list = await call('GET', '/api/evenings', officer);
  expect((list.json as unknown as { id: number }[]).map((e) => e.id)).toContain(id);

  const { rows } = await t.pool.query(
    `SELECT action FROM audit_log WHERE subject_type = 'evening' AND subject_id = $1 ORDER BY id`,
    [String(id)],
  );
  expect(rows.map((r) => r.action)).toEqual(['evening.create', 'evening.update', 'evening.cancel']);
});

test('an evening that was held no longer changes', async () => {
  const c = await call(
    'POST',
    '/api/evenings',
    officer,
    body({ startsAt: '2020-03-12T19:30:00+01:00', endsAt: '2020-03-12T21:30:00+01:00' }),
  );
  const id = c.json.id as number;
  expect((await call('PATCH', `/api/evenings/${id}`, officer, { status: 'held' })).json.status).toBe('held');
  expect((await call('PATCH', `/api/evenings/${id}`, officer, { title: 'Anders' })).status).toBe(409);
  expect((await call('POST', `/api/evenings/${id}/cancel`, officer, {})).status).toBe(409);
});

test('an area without homes, and an unknown street, are refused with a reason', async () => {
  const r = await call('POST', '/api/evenings', officer, body({ area: { streetIds: [999999] } }));
  expect(r.status).toBe(400);
  expect(r.json.error.message).toMatch(/no residential addresses/);
  const poly = await call(
    'POST',
    '/api/evenings',
    officer,
    body({
      area: {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [4.36, 51.99],
              [4.39, 51.99],
              [4.39, 52.01],
              [4.36, 52.01],
              [4.36, 51.99],
            ],
          ],
        },
      },
    }),
  );
  expect(poly.status).toBe(201);
  expect(poly.json.areaFrom).toBe('polygon');
  expect(poly.json.areaStreets.length).toBeGreaterThan(0);
});
