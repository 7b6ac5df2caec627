/**
 * What the boundary refuses (issue 8, the smaller defects): tile coordinates that are not
 * written as plain decimal integers; a period whose `from` lies after its `to`, on the officers'
 * tiles as on the analyses.
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
  const n = 2 ** z, r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
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
      expect({ route: route('z', 'x', 'y'), status: r.status }).toEqual({ route: route('z', 'x', 'y'), status: 200 });
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
      const r = await fetch(`${app.url}${route(z, encodeURIComponent(tx), encodeURIComponent(ty))}`, { headers: bearer(officer) });
      expect({ route: route(z, tx, ty), status: r.status }).toEqual({ route: route(z, tx, ty), status: 400 });
    }
  });
});

test("'from' after 'to' is a 400 on the officers' tiles, as on the analyses", async () => {
  const [x, y] = tileOf(4.3725, 52.0, 14);
  const q = 'from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z';
  for (const p of [`/tiles/incidents/14/${x}/${y}.mvt`, `/tiles/streets/14/${x}/${y}.mvt`, '/api/streets/activity', '/api/clusters']) {
    const r = await fetch(`${app.url}${p}?municipality=GM0503&${q}`, { headers: bearer(officer) });
    expect({ p, status: r.status }).toEqual({ p, status: 400 });
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/'from' must lie before 'to'/);
  }
});
