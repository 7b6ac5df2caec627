/**
 * What the boundary refuses (issue 8, the smaller defects): tile coordinates that are not
 * written as plain decimal integers; a period whose `from` lies after its `to`, on the officers'
 * tiles as on the analyses; dates that do not exist (2026-02-30 was read as 2 March).
 */
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
});

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z,
    r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

describe('tile coordinates', () => {
  const [x, y] = tileOf(4.3725, 52.0, 14);
  const routes = [
    (z: string, tx: string, ty: string) => `/tiles/public/GM0503/${z}/${tx}/${ty}.mvt`,
    (z: string, tx: string, ty: string) => `/tiles/basemap/${z}/${tx}/${ty}.mvt`,
    (z: string, tx: string, ty: string) => `/tiles/streets/${z}/${tx}/${ty}.mvt`,
  ];

  test('plain decimal integers are tiles', async () => {
    for (const route of routes) {
      const r = await fetch(`${app.url}${route('14', String(x), String(y))}`, { headers: bearer(officer) });
      expect({ route: route('z', 'x', 'y'), status: r.status }).toEqual({
        route: route('z', 'x', 'y'),
        status: 200,
      });
    }
  });

  test.each([
    ['1.4e1', String(x), String(y)],
    ['0x0e', String(x), String(y)],
    ['14', `0x${x.toString(16)}`, String(y)],
    ['14', String(x), `+${y}`],
    ['14', `0${x}`, String(y)],
    ['14', `${x}.0`, String(y)],
    ['14', String(x), ` ${y}`],
  ])('z=%p x=%p y=%p is refused with 400', async (z, tx, ty) => {
    for (const route of routes) {
      const r = await fetch(`${app.url}${route(z, encodeURIComponent(tx), encodeURIComponent(ty))}`, {
        headers: bearer(officer),
      });
      expect({ route: route(z, tx, ty), status: r.status }).toEqual({ route: route(z, tx, ty), status: 400 });
    }
  });
});

test("'from' after 'to' is a 400 on the officers' tiles, as on the analyses", async () => {
  const [x, y] = tileOf(4.3725, 52.0, 14);
  const q = 'from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z';
  for (const p of [
    `/tiles/incidents/14/${x}/${y}.mvt`,
    `/tiles/streets/14/${x}/${y}.mvt`,
    '/api/streets/activity',
    '/api/clusters',
  ]) {
    const r = await fetch(`${app.url}${p}?municipality=GM0503&${q}`, { headers: bearer(officer) });
    expect({ p, status: r.status }).toEqual({ p, status: 400 });
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
      /'from' must lie before 'to'/,
    );
  }
});

describe('impossible calendar dates', () => {
  const [x, y] = tileOf(4.3725, 52.0, 14);
  const get = (p: string) => fetch(`${app.url}${p}`, { headers: bearer(officer) });

  test.each([
    ['/api/streets/activity?municipality=GM0503&from=2026-02-30&to=2026-03-31', 'from'],
    ['/api/clusters?municipality=GM0503&from=2026-01-01&to=2026-04-31', 'to'],
    ['/api/near-repeat/knox?municipality=GM0503&from=2025-02-29T00:00:00Z&to=2026-01-01', 'from'],
    ['/api/risk-zones?municipality=GM0503&at=2026-02-29', 'at'],
    [`/tiles/incidents/14/${x}/${y}.mvt?from=2026-02-30&to=2026-03-31`, 'from'],
  ])('%s is a 400 naming %s', async (p, name) => {
    const r = await get(p);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
      new RegExp(`^${name}: `),
    );
  });

  test('real dates and date-times still work: leap days, offsets, UTC', async () => {
    for (const p of [
      '/api/streets/activity?municipality=GM0503&from=2024-02-29&to=2024-03-31',
      '/api/clusters?municipality=GM0503&from=2026-01-01T00:00:00%2B01:00&to=2026-04-30T23:59:59.999Z',
      '/api/risk-zones?municipality=GM0503&at=2026-02-28&geometry=false',
    ]) {
      expect({ p, status: (await get(p)).status }).toEqual({ p, status: 200 });
    }
  });

  test('a campaign letter date that does not exist is a 400 before anything is created', async () => {
    const r = await fetch(`${app.url}/api/campaigns`, {
      method: 'POST',
      headers: { ...bearer(officer), 'content-type': 'application/json' },
      body: JSON.stringify({
        municipality: 'GM0503',
        kind: 'evening',
        selection: { streetIds: [1] },
        letterDate: '2026-02-30',
        evening: { at: '2026-02-30T19:30:00+01:00', location: 'Stadskantoor' },
      }),
    });
    expect(r.status).toBe(400);
    const { message } = ((await r.json()) as { error: { message: string } }).error;
    expect(message).toMatch(/letterDate: /);
    expect(message).toMatch(/evening\.at: /);
  });
});
