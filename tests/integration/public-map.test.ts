/**
 * The public map API against the real demo area and PostGIS: privacy rules (streets with few
 * homes merged into their area, small counts shown as "a few"), nothing identifying in any
 * answer, caching headers, tiles and glyphs.
 */
import { useTestDatabase } from '../helpers/db';
import { useTestApp } from '../helpers/app';
import type { MunicipalityInfo } from '../../server/public/public.types';
import { clearPublicCache } from '../../server/public/public.routes';
import { republish } from '../helpers/public-publications';
import type { SearchResponse, StreetsResponse, AreasResponse } from '../../server/public/public.types';

const t = useTestDatabase();
const app = useTestApp();

interface StreetRow {
  id: number;
  name: string;
  homes: number;
  postcode: string;
  huisnummer: number;
}
let big: StreetRow;
let fewStreet: StreetRow;
let helper: StreetRow;
let small: StreetRow;

/** Burglaries on the 10th of a complete month: `monthsBack` 1 is last month (the public figures count whole months). */
async function addIncidents(
  street: StreetRow,
  n: number,
  opts: { monthsBack?: number; attempt?: boolean; mo?: string } = {},
): Promise<void> {
  await t.pool.query(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom)
     SELECT a.municipality_id, 'nl-csv', 'REG-SECRET-' || gen_random_uuid(), w.at, w.at + interval '1 hour', $4, $5, a.id, a.street_id, a.geom
     FROM generate_series(1, $2::int) g
     CROSS JOIN LATERAL (SELECT * FROM addresses WHERE street_id = $1 AND residential ORDER BY id LIMIT 1) a
     CROSS JOIN LATERAL (
       SELECT (date_trunc('month', now() AT TIME ZONE 'Europe/Amsterdam') - make_interval(months => $3::int) + interval '9 days 12 hours')
              AT TIME ZONE 'Europe/Amsterdam' AS at
     ) w`,
    [street.id, n, opts.monthsBack ?? 1, opts.attempt ?? false, opts.mo ?? 'cylinder_snapping'],
  );
}

async function getJson<T>(
  path: string,
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const r = await fetch(`${app.url}${path}`);
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T, text, headers: r.headers };
}

const FORBIDDEN_KEYS =
  /^(huisnummer|huisletter|toevoeging|house_?number|address(_?id)?|external_?id|registration|incident_?id|occurred_(from|to)|geom|lat|lon|lng|x|y|coordinates)$/i;

function assertNothingIdentifying(value: unknown, path = '$'): void {
  if (Array.isArray(value)) return value.forEach((v, i) => assertNothingIdentifying(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.test(k)) throw new Error(`${path}.${k}: a public answer must not carry '${k}'`);
      assertNothingIdentifying(v, `${path}.${k}`);
    }
    return;
  }
  if (typeof value === 'string') {
    expect(value).not.toMatch(/REG-SECRET/);
    expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no exact date anywhere
  }
}

beforeAll(async () => {
  const r = await t.pool.query<StreetRow>(
    `SELECT s.id::int, s.name, count(*)::int AS homes, min(a.postcode) AS postcode, max(a.huisnummer) AS huisnummer
     FROM streets s JOIN addresses a ON a.street_id = s.id AND a.residential
     WHERE s.geom IS NOT NULL AND a.postcode IS NOT NULL GROUP BY s.id ORDER BY count(*) DESC, s.id`,
  );
  // Areas as the public map forms them (grid cells here): the big street shares its area with
  // a street of 2 and one of 3, so the pool of the 2 takes in the 3 and the big street stays shown.
  clearPublicCache();
  const before = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3')).body;
  const areaOf = new Map(before.streets.map((s) => [s.id, s.areaKey]));
  big = r.rows[0]!;
  const sameArea = r.rows.filter(
    (s) => s.id !== big.id && s.homes >= 8 && areaOf.get(s.id) === areaOf.get(big.id),
  );
  fewStreet = sameArea[0]!;
  helper = sameArea[1]!;
  small = r.rows.find((s) => s.homes > 0 && s.homes < 8 && areaOf.get(s.id) !== areaOf.get(big.id))!;
  expect(big.homes).toBeGreaterThanOrEqual(8);
  expect(helper).toBeDefined();
  expect(small).toBeDefined();
  await addIncidents(big, 4);
  await addIncidents(big, 3, { attempt: true, mo: 'window_forced' });
  await addIncidents(big, 3, { monthsBack: 7 });
  await addIncidents(fewStreet, 2);
  await addIncidents(helper, 3);
  await addIncidents(small, 5, { mo: 'climbing' });
  // The request above published the months without these burglaries: publish them anew.
  await republish(t.pool);
});

describe('public street figures', () => {
  test('counts per street; fewer than the minimum is "a few"; a street with few homes is merged', async () => {
    const { status, body, text } = await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3');
    expect(status).toBe(200);
    const byId = new Map(body.streets.map((s) => [s.id, s]));
    expect(byId.get(big.id)).toMatchObject({ count: 7, few: false, merged: false, band: 'mid' });
    expect(byId.get(big.id)!.methods).toEqual(['cylinder_snapping', 'window_forced']);
    expect(byId.get(fewStreet.id)).toMatchObject({ count: null, few: true, band: 'few' });
    // The 3 of the helper street is held back: with it, the area's number would give away the 2.
    expect(byId.get(helper.id)).toMatchObject({ count: null, few: true, band: 'few' });
    expect(byId.get(small.id)).toMatchObject({
      count: null,
      few: false,
      merged: true,
      band: 'merged',
      methods: [],
    });
    expect(body.months[1]).toMatch(/^\d{4}-\d{2}$/);
    // Hidden is never shown as 0.
    expect(body.streets.filter((s) => s.few || s.merged).every((s) => s.count === null)).toBe(true);
    expect(body.demo).toBe(false);
    assertNothingIdentifying(body);
    expect(text).not.toContain(`"${small.name}":5`);
  });

  test('the merged street still counts in its area', async () => {
    const streets = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3')).body;
    const areaKey = streets.streets.find((s) => s.id === small.id)!.areaKey;
    const { body } = await getJson<AreasResponse>('/api/public/GM0503/areas?period=3');
    const area = body.areas.find((a) => a.key === areaKey)!;
    expect(area.count).toBeGreaterThanOrEqual(5);
    expect(area.methods).toContain('climbing');
    expect(area.periods[3]).toEqual({ count: area.count, few: false });
    expect(area.periods[12].count).toBeGreaterThanOrEqual(area.count!);
    assertNothingIdentifying(body);
  });

  test('period, method and attempt filters', async () => {
    const twelve = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=12')).body;
    expect(twelve.streets.find((s) => s.id === big.id)!.count).toBe(10);
    const attempts = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3&attempt=attempt'))
      .body;
    expect(attempts.streets.find((s) => s.id === big.id)).toMatchObject({ count: 3, few: false });
    const climbing = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3&methods=climbing'))
      .body;
    expect(climbing.streets.find((s) => s.id === big.id)!.count).toBe(0);
    const bad = await getJson<{ error: { message: string } }>(
      '/api/public/GM0503/streets?methods=lockpicking',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/methods/);
  });

  test('cacheable: ETag, Cache-Control and 304', async () => {
    const r = await fetch(`${app.url}/api/public/GM0503/streets?period=3`);
    const etag = r.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(r.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await fetch(`${app.url}/api/public/GM0503/streets?period=3`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  test('gzip for clients that ask for it, plain for those that do not', async () => {
    const zipped = await fetch(`${app.url}/api/public/GM0503/streets?period=12`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = (await zipped.json()) as { streets: unknown[] };
    expect(body.streets.length).toBeGreaterThan(0);
    const plain = await fetch(`${app.url}/api/public/GM0503/streets?period=12`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  test('the municipality list carries the subsidy and WhatsApp texts in Dutch and English, nothing personal', async () => {
    const r = await fetch(`${app.url}/api/public/municipalities`);
    const { municipalities } = (await r.json()) as { municipalities: MunicipalityInfo[] };
    const delft = municipalities.find((m) => m.code === 'GM0503')!;
    expect(delft.subsidy.name).toBe('Subsidie hang- en sluitwerk');
    expect(delft.en.subsidy.name).toBe('Subsidy for locks and hinges');
    expect(delft.en.subsidy.url).toBe(delft.subsidy.url);
    expect(JSON.stringify(municipalities)).not.toMatch(/signatory|veiligheid@/);
  });

  test('unknown municipality is 404', async () => {
    expect((await getJson('/api/public/GM9999/streets')).status).toBe(404);
  });
});

describe('public search', () => {
  test('a postcode with a house number answers per street and never echoes the number', async () => {
    const q = `${big.postcode.slice(0, 4)} ${big.postcode.slice(4).toLowerCase()} ${big.huisnummer}`;
    const { status, body, text } = await getJson<SearchResponse>(
      `/api/public/GM0503/search?q=${encodeURIComponent(q)}`,
    );
    expect(status).toBe(200);
    expect(body.query).toEqual({
      kind: 'postcode',
      text: `${big.postcode.slice(0, 4)} ${big.postcode.slice(4)}`,
    });
    const hit = body.hits.find((h) => h.street.id === big.id)!;
    expect(hit.figure).toMatchObject({ count: 7 });
    expect(text).not.toContain(` ${big.huisnummer}"`);
    assertNothingIdentifying(body);
  });

  test('a merged street answers with its area', async () => {
    const { body } = await getJson<SearchResponse>(
      `/api/public/GM0503/search?q=${encodeURIComponent(small.name)}`,
    );
    const hit = body.hits.find((h) => h.street.id === small.id)!;
    expect(hit.figure).toBeNull();
    expect(hit.area.count).toBeGreaterThanOrEqual(5);
  });

  test('nothing found is an empty list, not an error', async () => {
    const { status, body } = await getJson<SearchResponse>('/api/public/GM0503/search?q=Nergensstraat');
    expect(status).toBe(200);
    expect(body.hits).toEqual([]);
  });
});

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

describe('tiles and glyphs', () => {
  test('a street tile carries street lines with bands, no incident data; an empty tile is 204', async () => {
    const streets = (await getJson<StreetsResponse>('/api/public/GM0503/streets?period=3')).body;
    expect(streets.streets.length).toBeGreaterThan(100);
    const search = (
      await getJson<SearchResponse>(`/api/public/GM0503/search?q=${encodeURIComponent(big.name)}`)
    ).body;
    const b = search.hits[0]!.street.bbox!;
    const [x, y] = tileOf((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 15);
    const r = await fetch(`${app.url}/tiles/public/GM0503/15/${x}/${y}.mvt?period=3`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(r.headers.get('etag')).toBeTruthy();
    const tile = Buffer.from(await r.arrayBuffer()).toString('latin1');
    expect(tile).toContain('streets');
    expect(tile).toContain('band');
    expect(tile).not.toContain('REG-SECRET');
    expect(tile).not.toMatch(/incident|huisnummer|address/);
    const empty = await fetch(`${app.url}/tiles/public/GM0503/15/1/1.mvt`);
    expect(empty.status).toBe(204);
    expect((await fetch(`${app.url}/tiles/public/GM0503/3/9/1.mvt`)).status).toBe(400);
  });

  test('the base map tile has water, buildings and roads from the demo OSM data', async () => {
    const [x, y] = tileOf(4.3705, 52.0, 15);
    const r = await fetch(`${app.url}/tiles/basemap/15/${x}/${y}.mvt`);
    expect(r.status).toBe(200);
    const tile = Buffer.from(await r.arrayBuffer()).toString('latin1');
    for (const layer of ['water', 'building', 'road']) expect(tile).toContain(layer);
    expect((await fetch(`${app.url}/tiles/basemap/15/1/1.mvt`)).status).toBe(204);
  });

  test('glyphs are generated from Liberation Sans and served as a MapLibre glyph PBF', async () => {
    const r = await fetch(`${app.url}/fonts/${encodeURIComponent('Liberation Sans Regular')}/0-255.pbf`);
    expect(r.status).toBe(200);
    const buf = Buffer.from(await r.arrayBuffer());
    expect(buf[0]).toBe(0x0a); // field 1 (fontstack), length-delimited
    expect(buf.length).toBeGreaterThan(20_000);
    expect(buf.toString('latin1')).toContain('0-255');
    expect((await fetch(`${app.url}/fonts/Comic%20Sans/0-255.pbf`)).status).toBe(404);
    expect(
      (await fetch(`${app.url}/fonts/${encodeURIComponent('Liberation Sans Regular')}/1-256.pbf`)).status,
    ).toBe(404);
  });
});
