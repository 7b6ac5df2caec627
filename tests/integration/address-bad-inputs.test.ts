/**
 * Bad and hostile address files (issue 9) for import-bag and import-osm, one per fixture in
 * tests/fixtures/bad-inputs/bag|osm, each run as `npm run cli -- import-bag|import-osm FILE`
 * runs it (see tests/helpers/bad-inputs.ts): exit status, one message naming file, feature and
 * field, stored data unchanged, the attempt audited. Then the accepted files that used to move
 * stored addresses and streets to another municipality, each shown to leave them where they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useTestDatabase } from '../helpers/db';
import { BAD_INPUTS, badInputTests, type BadInputCase } from '../helpers/bad-inputs';
import { runCliInProcess } from '../helpers/cli';
import { importBag } from '../../server/imports/bag-import';

const t = useTestDatabase();
const ROOT = path.resolve(__dirname, '..', '..');
const BAG_RD = path.join(ROOT, 'tests', 'fixtures', 'bag', 'amsterdam_spaarndammerbuurt_bag_rd.gpkg');
const DEMO_PBF = path.join(ROOT, 'data', 'demo', 'delft_tudelft.osm.pbf');
// The Amsterdam GeoPackage in RD New with its layers declared as EPSG:4326 (made in beforeAll).
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-address-bad-'));
const BAG_RD_AS_WGS84 = path.join(TMP, 'amsterdam_bag_rd_declared_wgs84.gpkg');

// Amsterdam's 1,836 BAG addresses (GM0363) beside the template's Delft (GM0503, from OpenStreetMap).
beforeAll(async () => {
  const r = spawnSync(
    'ogr2ogr',
    ['-f', 'GPKG', BAG_RD_AS_WGS84, BAG_RD, 'verblijfsobjecten', '-a_srs', 'EPSG:4326'],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
  const s = await importBag(BAG_RD, { municipality: 'GM0363', name: 'Amsterdam', actor: 'test' }, t.pool);
  expect(s).toMatchObject({ imported: 1836, rejected: 0 });
});
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const bag: BadInputCase[] = [
  {
    file: BAG_RD,
    args: ['--municipality', 'GM0503'],
    exit: 1,
    where: 'verblijfsobjecten #1',
    what: /1836 address\(es\) .*already belong to GM0363 \(Amsterdam\).*--move-from GM0363/,
  },
  {
    file: 'withdrawn-address-of-other-municipality.geojson',
    args: ['--municipality', 'GM0503'],
    exit: 1,
    where: '#1 (0363200000039881)',
    what: /already belong to GM0363 \(Amsterdam\)/,
  },
  {
    file: BAG_RD_AS_WGS84,
    exit: 1,
    where: 'verblijfsobjecten #1 (0363200000039881)',
    what: /none of its 1836 feature\(s\) can be imported; .*position \(121223, 489163\) is not a WGS 84 longitude\/latitude.*RD New/,
  },
  {
    file: 'rd-numbers-declared-wgs84.geojson',
    exit: 1,
    where: '#1',
    what: /position \(121223, 489163\) is not a WGS 84 longitude\/latitude.*RD New/,
  },
  {
    file: 'latitude-999.geojson',
    exit: 1,
    where: '#1',
    what: /position \(4.89, 999\) is not a WGS 84 longitude\/latitude/,
  },
  {
    file: 'street-10000-chars.geojson',
    exit: 1,
    where: '#1',
    what: /field 'straatnaam' is 9,995 characters long; at most 200/,
  },
  {
    file: 'woonplaats-10000-chars.geojson',
    exit: 1,
    where: '#1',
    what: /field 'woonplaats' is 9,999 characters long; at most 200/,
  },
  {
    file: 'id-10000-chars.geojson',
    exit: 1,
    where: '#1',
    what: /field 'nummer_id' is 10,000 characters long; at most 200/,
  },
  {
    file: 'huisnummer-0.geojson',
    exit: 1,
    where: '#1',
    what: /field 'huisnummer' is '0', not a house number from 1 to 99999/,
  },
  {
    file: 'huisnummer-abc.geojson',
    exit: 1,
    where: '#1',
    what: /field 'huisnummer' is 'abc', not a house number from 1 to 99999/,
  },
  {
    file: 'huisletter-two-letters.geojson',
    exit: 1,
    where: '#1',
    what: /field 'huisletter' is 'ab', not one letter/,
  },
  {
    file: 'toevoeging-too-long.geojson',
    exit: 1,
    where: '#1',
    what: /field 'toevoeging' is 'toolong', not 1-4 letters or digits/,
  },
  {
    file: 'no-id.geojson',
    exit: 1,
    where: '#1',
    what: /field 'nummer_id' is empty; every address needs its id/,
  },
  {
    file: 'no-street.geojson',
    exit: 1,
    where: '#1',
    what: /field 'straatnaam' is empty; every address needs its street/,
  },
  { file: 'null-geometry-beside-stored-address.geojson', exit: 0, where: '#2', what: /no geometry/ },
  {
    file: 'postcode-invalid-on-stored-address.geojson',
    exit: 0,
    where: '#1',
    what: /field 'postcode' is 'ABCDEF', not a Dutch postcode/,
  },
  {
    file: 'same-id-twice-different-streets.geojson',
    exit: 0,
    where: '#2',
    what: /field 'nummer_id': the address 0363200000039881 appears again \(first as \S+ #1 \(0363200000039881\)\); the first is kept/,
  },
  {
    file: 'no-huisnummer-field.geojson',
    exit: 1,
    where: "layer 'no-huisnummer-field'",
    what: /not a BAG address layer.*house number/,
    audit: null,
  },
  {
    file: 'not-a-bag-file.csv',
    exit: 1,
    where: "layer 'not-a-bag-file'",
    what: /not a BAG address layer.*address id/,
    audit: null,
  },
  { file: 'empty.gpkg', exit: 1, where: '', what: /the file is empty/, audit: null },
];

const osm: BadInputCase[] = [
  {
    file: DEMO_PBF,
    args: ['--municipality', 'GM0518', '--name', 'Den Haag'],
    exit: 1,
    where: '',
    what: /address\(es\) and \d+ street segment\(s\) .*already belong to GM0503 \(Delft\).*--move-from GM0503/,
  },
  {
    file: 'street-name-10000-chars.osm',
    exit: 1,
    where: 'w9000000201',
    what: /tag 'name' is 10,000 characters long; at most 200/,
  },
  { file: 'street-name-blank.osm', exit: 1, where: 'w9000000201', what: /tag 'name' is empty/ },
  {
    file: 'addr-street-10000-chars.osm',
    exit: 1,
    where: 'n9000000001',
    what: /tag 'addr:street' is 10,000 characters long; at most 200/,
  },
  { file: 'addr-street-blank.osm', exit: 1, where: 'n9000000001', what: /tag 'addr:street' is empty/ },
  {
    file: 'addr-city-10000-chars.osm',
    exit: 1,
    where: 'n9000000001',
    what: /tag 'addr:city' is 11,999 characters long; at most 200/,
  },
  {
    file: 'housenumber-abc.osm',
    exit: 1,
    where: 'n9000000001',
    what: /tag 'addr:housenumber' is 'abc', not one address/,
  },
  {
    file: 'housenumber-0.osm',
    exit: 1,
    where: 'n9000000001',
    what: /tag 'addr:housenumber' is '0', not one address/,
  },
  {
    file: 'housenumber-999999.osm',
    exit: 1,
    where: 'n9000000001',
    what: /tag 'addr:housenumber' is '999999', not one address/,
  },
  { file: 'latitude-999.osm', exit: 1, where: '', what: /Invalid lon=4.37\d* lat=999/, audit: null },
  { file: 'longitude-200.osm', exit: 1, where: '', what: /Invalid lon=200\.0* lat=52/, audit: null },
  {
    file: 'malformed-xml.osm',
    exit: 1,
    where: 'line 5',
    what: /XML parsing of OSM file failed : mismatched tag/,
    audit: null,
  },
  { file: 'nul-character-reference.osm', exit: 1, where: 'line 5', what: /invalid character/, audit: null },
  { file: 'not-an-osm-file.csv', exit: 1, where: '', what: /not an OpenStreetMap file/, audit: null },
  { file: 'empty.osm.pbf', exit: 1, where: '', what: /the file is empty/, audit: null },
  { file: BAG_RD, exit: 1, where: '', what: /not an OpenStreetMap file.*verblijfsobjecten/, audit: null },
];

describe('import-bag bad inputs', () => {
  badInputTests(
    {
      command: 'import-bag',
      dir: 'bag',
      args: ['--municipality', 'GM0363'],
      acceptedAudit: 'import.bag',
      rejectedAudit: 'import.bag.rejected',
    },
    () => t.pool,
    bag,
  );
});

describe('import-osm bad inputs', () => {
  badInputTests(
    {
      command: 'import-osm',
      dir: 'osm',
      args: ['--municipality', 'GM0503', '--name', 'Delft'],
      acceptedAudit: 'import.osm',
      rejectedAudit: 'import.osm.rejected',
    },
    () => t.pool,
    osm,
  );
});

describe('accepted files that used to damage stored data leave it as it was', () => {
  const counts = async () =>
    (
      await t.pool.query<{ code: string; addresses: number; residential: number; segments: number }>(
        `SELECT m.code, (SELECT count(*)::int FROM addresses a WHERE a.municipality_id = m.id) AS addresses,
                (SELECT count(*)::int FROM addresses a WHERE a.municipality_id = m.id AND a.residential) AS residential,
                (SELECT count(*)::int FROM street_segments g JOIN streets s ON s.id = g.street_id WHERE s.municipality_id = m.id) AS segments
         FROM municipalities m ORDER BY m.code`,
      )
    ).rows;

  test('import-bag of Amsterdam with --municipality GM0503 moves nothing; --move-from GM0363 moves it, audited', async () => {
    const before = await counts();
    expect(before.find((m) => m.code === 'GM0363')).toMatchObject({ addresses: 1836 });
    const refused = await runCliInProcess(['import-bag', BAG_RD, '--municipality', 'GM0503']);
    expect(refused.code).toBe(1);
    expect(await counts()).toEqual(before);

    const moved = await runCliInProcess([
      'import-bag',
      BAG_RD,
      '--municipality',
      'GM0503',
      '--move-from',
      'GM0363',
    ]);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(moved.stdout)).toMatchObject({ imported: 0, updated: 1836, moved: 1836 });
    const after = await counts();
    expect(after.find((m) => m.code === 'GM0363')).toMatchObject({ addresses: 0 });
    expect(after.find((m) => m.code === 'GM0503')!.addresses).toBe(
      before.find((m) => m.code === 'GM0503')!.addresses + 1836,
    );
    const { rows } = await t.pool.query(
      `SELECT a.action, m.code, a.details FROM audit_log a JOIN municipalities m ON m.id = a.municipality_id WHERE a.action = 'import.bag.moved'`,
    );
    expect(rows).toEqual([
      {
        action: 'import.bag.moved',
        code: 'GM0363',
        details: expect.objectContaining({ to: 'GM0503', moved: 1836 }),
      },
    ]);

    // And back, the same way.
    expect(
      (await runCliInProcess(['import-bag', BAG_RD, '--municipality', 'GM0363', '--move-from', 'GM0503']))
        .code,
    ).toBe(0);
    expect(await counts()).toEqual(before);
  });

  test('a BAG file for GM0503 that lists an Amsterdam address as withdrawn leaves it a home', async () => {
    const file = path.join(BAD_INPUTS, 'bag', 'withdrawn-address-of-other-municipality.geojson');
    expect((await runCliInProcess(['import-bag', file, '--municipality', 'GM0503'])).code).toBe(1);
    const { rows } = await t.pool.query(
      `SELECT residential FROM addresses WHERE source = 'bag' AND source_key = '0363200000039881'`,
    );
    expect(rows).toEqual([{ residential: true }]);
  });

  test('import-osm of the Delft extract with --municipality GM0518 moves no address or street segment', async () => {
    const before = await counts();
    const r = await runCliInProcess([
      'import-osm',
      DEMO_PBF,
      '--municipality',
      'GM0518',
      '--name',
      'Den Haag',
    ]);
    expect(r.code).toBe(1);
    expect(await counts()).toEqual(before);
    const streetsOfDelft = await t.pool.query(
      `SELECT count(*)::int AS n FROM addresses a JOIN streets s ON s.id = a.street_id WHERE a.source = 'osm' AND s.municipality_id <> a.municipality_id`,
    );
    expect(streetsOfDelft.rows[0].n).toBe(0);
  });

  test('import-osm --move-from moves a street and its addresses, audited', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-osm-move-')), 'one-street.osm');
    fs.writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="preventiekaart tests">
 <node id="9100000001" version="1" lat="52.0025" lon="4.3722"><tag k="addr:housenumber" v="7"/><tag k="addr:street" v="Verhuisstraat"/><tag k="addr:city" v="Delft"/></node>
 <node id="9100000101" version="1" lat="52.0020" lon="4.3710"/>
 <node id="9100000102" version="1" lat="52.0030" lon="4.3730"/>
 <way id="9100000201" version="1"><nd ref="9100000101"/><nd ref="9100000102"/><tag k="highway" v="residential"/><tag k="name" v="Verhuisstraat"/></way>
</osm>
`,
    );
    expect(
      (await runCliInProcess(['import-osm', file, '--municipality', 'GM0503', '--name', 'Delft'])).code,
    ).toBe(0);
    const r = await runCliInProcess([
      'import-osm',
      file,
      '--municipality',
      'GM0599',
      '--name',
      'Elders',
      '--move-from',
      'GM0503',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ moved: 2 });
    const { rows } = await t.pool.query(
      `SELECT m.code, s.name, (SELECT count(*)::int FROM street_segments g WHERE g.street_id = s.id) AS segments,
              (SELECT count(*)::int FROM addresses a WHERE a.street_id = s.id AND a.municipality_id = s.municipality_id) AS addresses, s.geom IS NOT NULL AS drawn
       FROM streets s JOIN municipalities m ON m.id = s.municipality_id WHERE s.name = 'Verhuisstraat' ORDER BY m.code`,
    );
    expect(rows).toEqual([
      { code: 'GM0503', name: 'Verhuisstraat', segments: 0, addresses: 0, drawn: false },
      { code: 'GM0599', name: 'Verhuisstraat', segments: 1, addresses: 1, drawn: true },
    ]);
    const audit = await t.pool.query(`SELECT details FROM audit_log WHERE action = 'import.osm.moved'`);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ to: 'GM0599', moved: 2 }) }]);
  });
});

describe('concurrent BAG imports', () => {
  test('an import that creates a municipality another transaction is creating too reuses it instead of failing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-bag-race-')), 'new-address.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [4.8905, 52.389] },
            properties: {
              nummer_id: '0999200000000001',
              straatnaam: 'Gelijktijdigstraat',
              huisnummer: 1,
              postcode: '1013NJ',
              woonplaats: 'Ergens',
            },
          },
        ],
      }),
    );
    // One transaction creates GM0999 and holds it uncommitted while import-bag creates it too:
    // the import's INSERT waits on the unique code, then must take that row, not fail on it.
    const holder = await t.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`INSERT INTO municipalities (code, name) VALUES ('GM0999', 'Gelijktijdig')`);
      const running = importBag(
        file,
        { municipality: 'GM0999', name: 'Gelijktijdig', actor: 'test' },
        t.pool,
      ).then(
        (s) => ({ s }),
        (err: Error) => ({ err: err.message }),
      );
      for (let i = 0; i < 600; i++) {
        const { rows } = await t.pool.query<{
          n: number;
        }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'
           AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())`);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await holder.query('COMMIT');
      expect(await running).toEqual({ s: expect.objectContaining({ imported: 1 }) });
    } finally {
      holder.release();
    }
  });
});
