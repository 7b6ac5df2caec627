/**
 * Nothing behind sign-in may be kept by a browser or a proxy cache (issue 8): the session and its
 * CSRF token, incidents with their points and addresses, campaigns with excluded addresses,
 * and the exports all answer `Cache-Control: no-store`.
 */
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { burglaryIn, demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
});
afterAll(() => closeLetterQueue());

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z,
    r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

test('the session and its CSRF token are not stored', async () => {
  const signIn = await fetch(`${app.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: officer.email, password: officer.password }),
  });
  expect(signIn.status).toBe(201);
  expect(((await signIn.json()) as { csrfToken: string }).csrfToken).toBeTruthy();
  expect(signIn.headers.get('cache-control')).toBe('no-store');
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const session = await fetch(`${app.url}/api/session`, { headers: { cookie } });
  expect(session.status).toBe(200);
  expect(session.headers.get('cache-control')).toBe('no-store');
});

test('incident data, campaigns and their addresses are not stored', async () => {
  const [street] = await demoStreets(t.pool, 10, 40);
  const { incidentId } = await burglaryIn(t.pool, street!.id, 'no-store-1');
  const created = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'cocoon', selection: { streetIds: [street!.id] }, incidentId }),
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('cache-control')).toBe('no-store');
  const { id } = (await created.json()) as { id: number };
  const [x, y] = tileOf(4.3725, 52.0, 14);
  for (const p of [
    `/api/campaigns/${id}`,
    `/api/incidents/${incidentId}`,
    '/api/streets/activity?municipality=GM0503',
    '/api/clusters?municipality=GM0503',
    '/api/risk-zones?municipality=GM0503&geometry=false',
    '/api/near-repeat/knox?municipality=GM0503&permutations=19',
    `/tiles/incidents/14/${x}/${y}.mvt`,
    `/tiles/streets/14/${x}/${y}.mvt`,
  ]) {
    const r = await fetch(`${app.url}${p}`, { headers: bearer(officer) });
    expect({ p, status: r.status, cache: r.headers.get('cache-control') }).toEqual({
      p,
      status: r.status < 300 ? r.status : 200,
      cache: 'no-store',
    });
  }
});

test('refusals behind sign-in are not stored either', async () => {
  for (const p of ['/api/session', '/api/campaigns/1', '/api/clusters']) {
    const r = await fetch(`${app.url}${p}`);
    expect({ p, status: r.status, cache: r.headers.get('cache-control') }).toEqual({
      p,
      status: 401,
      cache: 'no-store',
    });
  }
});
