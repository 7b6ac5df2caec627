/**
 * import-bag on BAG products other than the fixture: PDOK's field names (openbare_ruimte_naam,
 * woonplaats_naam, gebruiksdoel, nummeraanduiding_hoofdadres_identificatie) and PDOK's status
 * values, made from the fixture with ogr2ogr. Also: which municipality an import goes to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useTestDatabase } from '../helpers/db';
import { importBag } from '../../server/imports/bag-import';
import { importOsm } from '../../server/imports/osm-import';
import { DEMO_MUNICIPALITY, DEMO_OSM_FILE } from '../../server/setup/demo';

const BAG_RD = path.resolve(__dirname, '..', 'fixtures', 'bag', 'amsterdam_spaarndammerbuurt_bag_rd.gpkg');
const t = useTestDatabase();
let tmp: string;
let pdok: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-bag-'));
  pdok = path.join(tmp, 'pdok-style.gpkg');
  // 124 addresses on Barentszplein. huisnummer % 5 = 0: shop only (skipped); % 5 = 1: home and
  // shop (kept); % 7 = 0 / 1: withdrawn / never built (skipped); % 7 = 2: upper-case status (kept).
  const r = spawnSync(
    'ogr2ogr',
    [
      '-f',
      'GPKG',
      pdok,
      BAG_RD,
      '-dialect',
      'SQLite',
      '-nln',
      'verblijfsobject',
      '-sql',
      `SELECT '0363010000' || substr(nummer_id, 11) AS identificatie, nummer_id AS nummeraanduiding_hoofdadres_identificatie,
            straatnaam AS openbare_ruimte_naam, huisnummer, huisletter, toevoeging, postcode, woonplaats AS woonplaats_naam,
            CASE WHEN huisnummer % 5 = 0 THEN 'winkelfunctie' WHEN huisnummer % 5 = 1 THEN 'woonfunctie,winkelfunctie' ELSE 'woonfunctie' END AS gebruiksdoel,
            CASE WHEN huisnummer % 7 = 0 THEN 'Verblijfsobject ingetrokken' WHEN huisnummer % 7 = 1 THEN 'Niet gerealiseerd verblijfsobject'
                 WHEN huisnummer % 7 = 2 THEN 'VERBLIJFSOBJECT IN GEBRUIK' ELSE 'Verblijfsobject in gebruik' END AS status,
            geom FROM verblijfsobjecten WHERE straatnaam = 'Barentszplein'`,
    ],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('with one municipality in the database and no --municipality, the import goes to it', async () => {
  const s = await importBag(pdok, { actor: 'test' }, t.pool);
  expect(s).toMatchObject({ read: 124, imported: 70, skipped: 54, rejected: 0 });
  expect(s.warnings).toBeUndefined();
  const { rows } = await t.pool.query<{ code: string; n: string; ids_ok: string }>(
    `SELECT m.code, count(*) AS n, count(*) FILTER (WHERE a.source_key = a.bag_id AND a.bag_id LIKE '036320%') AS ids_ok
     FROM addresses a JOIN municipalities m ON m.id = a.municipality_id WHERE a.source = 'bag' GROUP BY m.code`,
  );
  expect(rows).toEqual([{ code: 'GM0503', n: '70', ids_ok: '70' }]);
  // Shops (% 5 = 0) and withdrawn/unbuilt (% 7 in 0, 1) are absent; home-and-shop is present.
  const kinds = await t.pool.query<{ bad: string; mixed: string }>(
    `SELECT count(*) FILTER (WHERE huisnummer % 5 = 0 OR huisnummer % 7 IN (0, 1)) AS bad,
            count(*) FILTER (WHERE huisnummer % 5 = 1) AS mixed FROM addresses WHERE source = 'bag'`,
  );
  expect(Number(kinds.rows[0]!.bad)).toBe(0);
  expect(Number(kinds.rows[0]!.mixed)).toBeGreaterThan(0);
});

test('with several municipalities, --municipality is required', async () => {
  await t.pool.query(`INSERT INTO municipalities (code, name) VALUES ('GM0363', 'Amsterdam')`);
  await expect(importBag(pdok, { actor: 'test' }, t.pool)).rejects.toThrow(
    /needs --municipality CODE.*GM0363, GM0503/,
  );
  await expect(importBag(pdok, { actor: 'test', municipality: 'GM9999' }, t.pool)).rejects.toThrow(
    /add --name NAME/,
  );
});

test('--layer naming a layer the file lacks is refused before anything is written', async () => {
  await expect(
    importBag(pdok, { actor: 'test', municipality: 'GM0363', layers: ['ligplaats'] }, t.pool),
  ).rejects.toThrow(/no layer 'ligplaats' \(layers: verblijfsobject\)/);
});

test('a home loaded from both OpenStreetMap and the BAG counts once; import-osm stays idempotent', async () => {
  // Two Delft homes from the OSM demo data, now also delivered by the BAG (as a GeoJSON with the
  // fixture's field names, at the OSM point).
  const { rows: homes } = await t.pool.query<{
    id: string;
    street_name: string;
    huisnummer: number;
    huisletter: string | null;
    postcode: string;
    lon: number;
    lat: number;
  }>(
    `SELECT id, street_name, huisnummer, huisletter, postcode, ST_X(ST_Transform(geom, 4326)) AS lon, ST_Y(ST_Transform(geom, 4326)) AS lat
     FROM addresses WHERE source = 'osm' AND residential AND postcode IS NOT NULL AND toevoeging IS NULL ORDER BY id LIMIT 2`,
  );
  expect(homes).toHaveLength(2);
  const file = path.join(tmp, 'delft-bag.geojson');
  fs.writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: homes.map((h, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
        properties: {
          nummer_id: `05032000000${String(90000 + i)}`,
          straatnaam: h.street_name,
          huisnummer: h.huisnummer,
          huisletter: h.huisletter,
          toevoeging: null,
          postcode: h.postcode,
          woonplaats: 'Delft',
          type: 'verblijfsobject',
          status: 'Naamgeving uitgegeven',
        },
      })),
    }),
  );
  const residential = async () =>
    (
      await t.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM addresses a JOIN municipalities m ON m.id = a.municipality_id WHERE m.code = 'GM0503' AND a.residential",
      )
    ).rows[0]!.n;
  const before = await residential();
  const s = await importBag(file, { actor: 'test', municipality: 'GM0503' }, t.pool);
  expect(s).toMatchObject({ imported: 2 });
  expect(s.warnings?.join()).toMatch(/2 address\(es\) loaded from OpenStreetMap are now taken from the BAG/);
  expect(await residential()).toBe(before);
  const { rows } = await t.pool.query<{ residential: boolean }>(
    'SELECT residential FROM addresses WHERE id = ANY($1) ORDER BY id',
    [homes.map((h) => h.id)],
  );
  expect(rows.map((r) => r.residential)).toEqual([false, false]);

  const osm = await importOsm(DEMO_OSM_FILE, { municipality: DEMO_MUNICIPALITY, actor: 'test' }, t.pool);
  expect(osm).toMatchObject({ imported: 0, updated: 0 });
  expect(await residential()).toBe(before);
});
