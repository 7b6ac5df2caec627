/**
 * The importers as a user runs them (`npm run cli -- import-osm|import-bag FILE`, a child
 * process): one JSON summary line on stdout, idempotent second runs, correct coordinates, and
 * for malformed files one line on stderr naming the file and the problem, exit code 1 and a
 * database left exactly as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useTestDatabase } from '../helpers/db';
import { runCli, type CliResult } from '../helpers/cli';
import { fingerprint } from '../helpers/db-fingerprint';
import type { ImportSummary } from '../../server/imports/import-summary';

const ROOT = path.resolve(__dirname, '..', '..');
const DEMO_PBF = path.join(ROOT, 'data', 'demo', 'delft_tudelft.osm.pbf');
const BAG_RD = path.join(ROOT, 'tests', 'fixtures', 'bag', 'amsterdam_spaarndammerbuurt_bag_rd.gpkg');
const BAG_WGS84 = path.join(ROOT, 'tests', 'fixtures', 'bag', 'amsterdam_spaarndammerbuurt_bag_wgs84.gpkg');
// Barentszplein 1-H, 1013 NJ Amsterdam (see tests/fixtures/bag/LICENCE.md).
const KNOWN = { id: '0363200000039881', rd: [121223, 489163], wgs84: [4.89102758294952, 52.3892794488603] };

const t = useTestDatabase();
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-imports-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function summaryOf(r: CliResult): ImportSummary {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const s = JSON.parse(lines[0]!) as ImportSummary;
  expect(Object.keys(s)).toEqual(
    expect.arrayContaining(['read', 'imported', 'updated', 'skipped', 'rejected', 'errors']),
  );
  return s;
}

/** Everything except the audit log, which records every successful import. */
async function dataFingerprint(): Promise<Record<string, string>> {
  const { audit_log: _ignored, ...rest } = await fingerprint(t.pool);
  return rest;
}

describe('import-osm', () => {
  test('the demo area (loaded by the template through importOsm) has the Delft streets and addresses', async () => {
    const { rows } = await t.pool.query<{
      addresses: string;
      with_street: string;
      streets: string;
      with_geom: string;
      segments: string;
    }>(
      `SELECT (SELECT count(*) FROM addresses a JOIN municipalities m ON m.id = a.municipality_id WHERE m.code = 'GM0503' AND a.source = 'osm') AS addresses,
              (SELECT count(*) FROM addresses WHERE source = 'osm' AND street_id IS NOT NULL) AS with_street,
              (SELECT count(*) FROM streets) AS streets,
              (SELECT count(*) FROM streets WHERE geom IS NOT NULL) AS with_geom,
              (SELECT count(*) FROM street_segments) AS segments`,
    );
    const c = rows[0]!;
    expect(Number(c.addresses)).toBeGreaterThanOrEqual(8000);
    expect(Number(c.addresses)).toBeLessThanOrEqual(8200);
    expect(Number(c.with_street)).toBe(Number(c.addresses));
    expect(Number(c.streets)).toBeGreaterThanOrEqual(120);
    expect(Number(c.with_geom)).toBeGreaterThanOrEqual(100);
    expect(Number(c.segments)).toBeGreaterThanOrEqual(400);
  });

  test('a second import of the demo file changes nothing', async () => {
    const before = await dataFingerprint();
    const s = summaryOf(await runCli(['import-osm', DEMO_PBF], t.url));
    expect(s.read).toBeGreaterThan(8000);
    expect(s.imported).toBe(0);
    expect(s.updated).toBe(0);
    expect(s.skipped + s.rejected).toBe(s.read);
    expect(await dataFingerprint()).toEqual(before);
  });
});

describe('malformed files: one line naming file and problem, exit 1, database unchanged', () => {
  const cases: [string, string, () => string, RegExp][] = [
    [
      'import-bag',
      'a truncated GeoPackage',
      () => truncated(BAG_RD, 'trunc.gpkg', 300_000),
      /malformed|not recognized|truncated|corrupt/i,
    ],
    [
      'import-osm',
      'a truncated GeoPackage',
      () => truncated(BAG_RD, 'trunc-osm.gpkg', 300_000),
      /malformed|not recognized|not an OpenStreetMap/i,
    ],
    ['import-osm', 'a truncated PBF', () => truncated(DEMO_PBF, 'trunc.osm.pbf', 150_000), /parsing|error/i],
    ['import-osm', 'a CSV', () => csv('addresses.csv'), /not an OpenStreetMap file/],
    ['import-bag', 'a CSV', () => csv('addresses-bag.csv'), /not a BAG address layer.*address id/],
    ['import-bag', 'an OSM PBF', () => DEMO_PBF, /not a BAG address layer/],
    ['import-osm', 'an empty file', () => empty('empty.osm.pbf'), /empty/],
    ['import-bag', 'an empty file', () => empty('empty.gpkg'), /empty/],
    ['import-bag', 'a missing file', () => path.join(tmp, 'nope.gpkg'), /no such file/],
  ];

  test.each(cases)('%s with %s', async (command, _what, make, problem) => {
    const file = make();
    const before = await fingerprint(t.pool);
    const r = await runCli([command, file, '--municipality', 'GM0363', '--name', 'Amsterdam'], t.url);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(path.basename(file));
    expect(lines[0]).toMatch(problem);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await fingerprint(t.pool)).toEqual(before);
  });

  function truncated(src: string, name: string, bytes: number): string {
    const out = path.join(tmp, name);
    fs.writeFileSync(out, fs.readFileSync(src).subarray(0, bytes));
    return out;
  }
  function csv(name: string): string {
    const out = path.join(tmp, name);
    fs.writeFileSync(out, 'street,housenumber,postcode,city,lon,lat\nMekelweg,5,2628CD,Delft,4.37,52.0\n');
    return out;
  }
  function empty(name: string): string {
    const out = path.join(tmp, name);
    fs.writeFileSync(out, '');
    return out;
  }
});

describe('import-bag (Amsterdam fixture)', () => {
  test('loads the 1,836 verblijfsobjecten with streets, into the named municipality', async () => {
    const s = summaryOf(
      await runCli(['import-bag', BAG_RD, '--municipality', 'GM0363', '--name', 'Amsterdam'], t.url),
    );
    expect(s).toMatchObject({ read: 1836, imported: 1836, updated: 0, skipped: 0, rejected: 0, errors: [] });
    expect(s.warnings?.join(' ')).toMatch(/ligplaatsen, standplaatsen/);
    const { rows } = await t.pool.query<{
      n: string;
      with_street: string;
      bag_ids: string;
      streets: string;
      street_geom: string;
    }>(
      `SELECT count(*) AS n, count(a.street_id) AS with_street, count(*) FILTER (WHERE a.bag_id ~ '^036320\\d{10}$') AS bag_ids,
              (SELECT count(*) FROM streets s WHERE s.municipality_id = m.id) AS streets,
              (SELECT count(s.geom) FROM streets s WHERE s.municipality_id = m.id) AS street_geom
       FROM addresses a JOIN municipalities m ON m.id = a.municipality_id
       WHERE m.code = 'GM0363' AND a.source = 'bag' AND a.residential GROUP BY m.id`,
    );
    expect(rows[0]).toEqual({
      n: '1836',
      with_street: '1836',
      bag_ids: '1836',
      streets: '24',
      street_geom: '0',
    });
    // Each address hangs on the street of its own name and place.
    const mismatched = await t.pool.query(
      `SELECT 1 FROM addresses a JOIN streets s ON s.id = a.street_id WHERE a.source = 'bag' AND (s.name <> a.street_name OR s.place <> a.place)`,
    );
    expect(mismatched.rowCount).toBe(0);
    const audit = await t.pool.query(`SELECT 1 FROM audit_log WHERE action = 'import.bag'`);
    expect(audit.rowCount).toBe(1);
  });

  test('a known address has its parts and its coordinates to within 1 m, in RD and in WGS 84', async () => {
    const { rows } = await t.pool.query<{
      street_name: string;
      huisnummer: number;
      huisletter: string | null;
      toevoeging: string;
      postcode: string;
      place: string;
      rd_error: number;
      wgs84_error: number;
    }>(
      `SELECT street_name, huisnummer, huisletter, toevoeging, postcode, place,
              ST_Distance(geom, ST_SetSRID(ST_MakePoint($2, $3), 28992)) AS rd_error,
              ST_Distance(ST_Transform(geom, 4326)::geography, ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography) AS wgs84_error
       FROM addresses WHERE source = 'bag' AND source_key = $1`,
      [KNOWN.id, ...KNOWN.rd, ...KNOWN.wgs84],
    );
    expect(rows).toHaveLength(1);
    const a = rows[0]!;
    expect(a).toMatchObject({
      street_name: 'Barentszplein',
      huisnummer: 1,
      huisletter: null,
      toevoeging: 'H',
      postcode: '1013NJ',
      place: 'Amsterdam',
    });
    expect(a.rd_error).toBeLessThan(1);
    expect(a.wgs84_error).toBeLessThan(1);
  });

  test('a second import changes nothing, and the WGS 84 edition of the same data moves no address', async () => {
    const before = await dataFingerprint();
    for (const file of [BAG_RD, BAG_WGS84]) {
      const s = summaryOf(await runCli(['import-bag', file, '--municipality', 'GM0363'], t.url));
      expect(s).toMatchObject({ read: 1836, imported: 0, updated: 0, skipped: 1836, rejected: 0 });
    }
    expect(await dataFingerprint()).toEqual(before);
  });

  test('an address withdrawn since the last import stops being residential', async () => {
    const file = path.join(tmp, 'withdrawn.gpkg');
    fs.copyFileSync(BAG_RD, file);
    fs.chmodSync(file, 0o644);
    const r = spawnSync('ogrinfo', [
      file,
      '-sql',
      `UPDATE verblijfsobjecten SET status = 'Naamgeving ingetrokken' WHERE nummer_id = '${KNOWN.id}'`,
    ]);
    expect(r.status).toBe(0);
    const s = summaryOf(await runCli(['import-bag', file, '--municipality', 'GM0363'], t.url));
    expect(s).toMatchObject({ read: 1836, imported: 0, updated: 1, skipped: 1835 });
    const { rows } = await t.pool.query(
      `SELECT residential FROM addresses WHERE source = 'bag' AND source_key = $1`,
      [KNOWN.id],
    );
    expect(rows).toEqual([{ residential: false }]);
  });

  test('--layer imports the houseboat moorings too', async () => {
    const s = summaryOf(
      await runCli(
        [
          'import-bag',
          BAG_RD,
          '--municipality',
          'GM0363',
          '--layer',
          'verblijfsobjecten',
          '--layer',
          'ligplaatsen',
        ],
        t.url,
      ),
    );
    expect(s.read).toBe(1836 + 67);
    expect(s.imported).toBe(67);
    expect(s.warnings?.join(' ')).toMatch(/standplaatsen/);
  });
});
