/**
 * Bad and hostile police files (issue 9), one per fixture in tests/fixtures/bad-inputs/
 * police-uk|nl-csv|geojson, each run as `npm run cli -- import-incidents FILE` runs it (see
 * tests/helpers/bad-inputs.ts): exit status, one message naming file, line or feature and
 * field, stored data unchanged, the attempt audited. Then the accepted files that used to
 * damage what was stored, each shown to leave it as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '../helpers/db';
import { BAD_INPUTS, badInputTests, type BadInputCase, type BadInputTable } from '../helpers/bad-inputs';
import { runCliInProcess } from '../helpers/cli';
import { importIncidents, resolveImportMunicipality } from '../../server/incidents/incident-import.service';

const t = useTestDatabase();
const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const CAMBS_FILE = path.join(FIXTURES, 'incidents', 'cambridgeshire_2021-01_burglary.csv');

const table = (dir: string, municipality: string): BadInputTable => ({
  command: 'import-incidents',
  dir,
  args: ['--municipality', municipality],
  acceptedAudit: 'incidents.import',
  rejectedAudit: 'incidents.import.rejected',
});

async function importGood(buf: Buffer, code: string, fileName: string): Promise<void> {
  const municipality = await resolveImportMunicipality(
    t.pool,
    code,
    code === 'CAMBS' ? 'Cambridgeshire (police.uk test data)' : undefined,
  );
  const s = await importIncidents(buf, { fileName, municipality, skipInvalid: false, actor: 'test' }, t.pool);
  expect(s).toMatchObject({ committed: true, rejected: 0 });
}

// Stored before the tables run: the Cambridgeshire burglaries, and one incident each in Delft
// from nl-csv and GeoJSON, which the "moves-stored-incident" fixtures move by a kilometre or two.
beforeAll(async () => {
  await importGood(fs.readFileSync(CAMBS_FILE), 'CAMBS', 'cambridgeshire_2021-01_burglary.csv');
  await importGood(
    Buffer.from(
      'registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi\r\nPL-STORED-1;2024-03-05 14:30;2024-03-05 18:00;85304;446497;nee;cilinder afgebroken\r\n',
    ),
    'GM0503',
    'stored.csv',
  );
  await importGood(
    Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'G-STORED-1',
            geometry: { type: 'Point', coordinates: [4.3722, 52.0025] },
            properties: { occurred_from: '2024-05-01', attempt: false },
          },
        ],
      }),
    ),
    'GM0503',
    'stored.geojson',
  );
});

const POSITION = "columns 'Longitude'/'Latitude'";
const policeUk: BadInputCase[] = [
  {
    file: 'swapped-lat-lon.csv',
    exit: 1,
    where: 'line 2',
    what: new RegExp(`${POSITION} \\(52.229865, 0.143759\\) lie .*outside the area of CAMBS.*swapped`),
  },
  {
    file: 'reimport-swapped-lat-lon.csv',
    exit: 1,
    where: 'line 2',
    what: /outside the area of CAMBS.*swapped/,
  },
  { file: 'null-island.csv', exit: 1, where: 'line 2', what: /columns 'Longitude'\/'Latitude' \(0, 0\)/ },
  {
    file: 'north-pole.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'Longitude'\/'Latitude' \(0.143759, 90\) lie .*outside the area of CAMBS/,
  },
  {
    file: 'latitude-999.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'Longitude'\/'Latitude' \(0.143759, 999\) are not a WGS 84 longitude\/latitude; leave both empty/,
  },
  {
    file: 'rd-numbers-as-lon-lat.csv',
    exit: 1,
    where: 'line 2',
    what: /'Longitude'\/'Latitude' \(85304, 446497\) are not a WGS 84 longitude\/latitude; they look like RD New/,
  },
  { file: 'month-13.csv', exit: 1, where: 'line 2', what: /column 'Month' is '2021-13', expected YYYY-MM/ },
  { file: 'month-00.csv', exit: 1, where: 'line 2', what: /column 'Month' is '2021-00', expected YYYY-MM/ },
  {
    file: 'month-in-future.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'Month' is '2099-01', which lies after the import/,
  },
  {
    file: 'concatenated-twice.csv',
    exit: 1,
    where: 'line 5',
    what: /repeats the header line.*one file at a time/,
  },
  {
    file: 'concatenated-twice.csv',
    args: ['--skip-invalid'],
    exit: 1,
    where: 'line 5',
    what: /repeats the header line/,
    not: /--skip-invalid/,
  },
  {
    file: 'null-byte-in-location.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'Location' contains a NUL character/,
  },
  {
    file: 'null-byte-beside-stored-row.csv',
    args: ['--skip-invalid'],
    exit: 0,
    where: 'line 3',
    what: /column 'Location' contains a NUL character/,
  },
  {
    file: 'street-name-10000-chars.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'Location' is 10,0\d\d characters long; at most 200/,
  },
  {
    file: 'crime-id-10000-chars.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'Crime ID' is 10,000 characters long; at most 200/,
  },
  {
    file: 'crime-ids-a-a-a2.csv',
    exit: 1,
    where: 'line 4',
    what: /column 'Crime ID': the id 'A#2' is also the id of line 3/,
  },
  { file: 'eleven-columns.csv', exit: 1, where: 'line 2', what: /expected 12 columns, found 11/ },
  {
    file: 'latitude-without-longitude.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'Longitude'\/'Latitude' \('', '52.229865'\)/,
  },
  {
    file: 'utf-16-without-bom.csv',
    exit: 1,
    where: 'line 1',
    what: /UTF-16.*without a byte order mark.*save it as UTF-8/,
    not: /--skip-invalid/,
  },
  { file: 'utf-32.csv', exit: 1, where: 'line 1', what: /UTF-32.*save it as UTF-8/ },
  {
    file: 'moves-stored-incident.csv',
    exit: 1,
    where: 'line 2',
    what: /moves incident b47ef378\S* by 2,0\d\d m .*--allow-move/,
  },
  {
    file: 'wrong-header.csv',
    args: ['--format', 'police-uk'],
    exit: 1,
    where: 'line 1',
    what: /not a police\.uk street file/,
    not: /--skip-invalid/,
  },
];

const nlCsv: BadInputCase[] = [
  {
    file: 'mapping-names-missing-column.csv',
    args: ['--mapping', path.join(BAD_INPUTS, 'nl-csv', 'mapping-names-missing-column.json')],
    exit: 1,
    where: 'line 1',
    what: /the mapping names column 'BVH-nummer' for registratienummer, but the header has no such column/,
  },
  {
    file: 'huisnummer-999999.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'huisnummer' is '999999', expected a house number from 1 to 99999/,
  },
  {
    file: 'date-rollover-with-z.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2021-02-30T10:00Z', expected a date/,
  },
  {
    file: 'date-rollover-with-offset.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2021-04-31T10:00\+02:00', expected a date/,
  },
  {
    file: 'month-13.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2021-13-01', expected a date/,
  },
  {
    file: 'day-31-february.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '31-02-2024', expected a date/,
  },
  {
    file: 'hour-25.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2024-01-01 25:00', expected a date/,
  },
  {
    file: 'date-in-future.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2099-01-01 10:00', which lies after the import/,
  },
  {
    file: 'end-date-in-future.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_tot' is '2099-03-05 12:00', which lies after the import/,
  },
  {
    file: 'end-before-start.csv',
    exit: 1,
    where: 'line 2',
    what: /pleegdatum_tot lies before pleegdatum_van/,
  },
  {
    file: 'null-byte-in-modus-operandi.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'modus_operandi' contains a NUL character/,
  },
  {
    file: 'street-10000-chars.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'straat' is 10,000 characters long; at most 200/,
  },
  {
    file: 'registratienummer-10000-chars.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'registratienummer' is 10,000 characters long; at most 200/,
  },
  {
    file: 'duplicate-registratienummer.csv',
    exit: 1,
    where: 'line 3',
    what: /registratienummer 'PL-DUP' also appears on line 2/,
  },
  {
    file: 'rd-out-of-range.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'x'\/'y' \(500000, 446000\) lie outside the Netherlands/,
  },
  {
    file: 'lat-lon-outside-nl.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'lat'\/'lon' \(48.85, 2.35\) lie outside the Netherlands/,
  },
  {
    file: 'lat-lon-swapped.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'lat'\/'lon' \(4.3722, 52.0025\) lie outside the Netherlands.*swapped/,
  },
  {
    file: 'outside-municipality.csv',
    exit: 1,
    where: 'line 2',
    what: /columns 'x'\/'y' \(233500, 582000\) lie \d+ km outside the area of GM0503 \(Delft\)/,
  },
  {
    file: 'postcode-invalid.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'postcode' is 'ABCDEF', expected a Dutch postcode/,
  },
  {
    file: 'address-not-loaded.csv',
    exit: 1,
    where: 'line 2',
    what: /no address 9999ZZ 1 in the loaded addresses/,
  },
  {
    file: 'wrong-column-count.csv',
    exit: 1,
    where: 'line 2',
    what: /expected 7 columns like the header, found 3/,
  },
  {
    file: 'poging-misschien.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'poging' is 'misschien', expected ja or nee/,
  },
  {
    file: 'moves-stored-incident.csv',
    exit: 1,
    where: 'line 2',
    what: /moves incident PL-STORED-1 by 1,000 m .*--allow-move/,
  },
  {
    file: 'utf-16le-bom-bad-date.csv',
    exit: 1,
    where: 'line 2',
    what: /column 'pleegdatum_van' is '2024-02-30'/,
  },
];

const COORDS = 'geometry.coordinates';
const geoJson: BadInputCase[] = [
  {
    file: 'latitude-999.geojson',
    exit: 1,
    where: 'features[0]',
    what: new RegExp(`${COORDS} \\(4.37, 999\\) are not a WGS 84 longitude/latitude`),
  },
  {
    file: 'rd-numbers-without-crs.geojson',
    exit: 1,
    where: 'features[0]',
    what: /geometry.coordinates \(85304, 446497\) are not a WGS 84 longitude\/latitude.*RD New.*"crs"/,
  },
  {
    file: 'swapped-lat-lon.geojson',
    exit: 1,
    where: 'features[0]',
    what: /geometry.coordinates \(52.0025, 4.3722\) lie .*outside the area of GM0503.*swapped/,
  },
  { file: 'null-island.geojson', exit: 1, where: 'features[0]', what: /geometry.coordinates \(0, 0\)/ },
  {
    file: 'south-pole.geojson',
    exit: 1,
    where: 'features[0]',
    what: /geometry.coordinates \(0, -90\) lie .*outside the area of GM0503/,
  },
  {
    file: 'rd-out-of-range.geojson',
    exit: 1,
    where: 'features[0]',
    what: /geometry.coordinates \(10000000, 10000000\) lie outside the Netherlands \(RD New/,
  },
  {
    file: 'bng-outside-projection.geojson',
    exit: 1,
    where: 'features[0]',
    what: /geometry.coordinates \(1000000000, 1000000000\) could not be transformed from EPSG:27700/,
  },
  {
    file: 'month-13.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'month' is '2021-13', expected/,
  },
  {
    file: 'month-00.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'month' is '2021-00', expected/,
  },
  {
    file: 'date-rollover-with-z.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'occurred_from' is '2021-02-30T10:00Z', expected/,
  },
  {
    file: 'date-in-future.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'occurred_from' is '2099-05-01', which lies after the import/,
  },
  {
    file: 'null-byte.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'modus_operandi' contains a NUL character/,
  },
  {
    file: 'lone-surrogate.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'location_label' contains a lone UTF-16 surrogate/,
  },
  {
    file: 'colliding-ids.geojson',
    exit: 1,
    where: 'features[2]',
    what: /id: the id 'A#2' is also the id of features\[1\]/,
  },
  {
    file: 'street-10000-chars.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'straat' is 9,998 characters long; at most 200/,
  },
  {
    file: 'id-10000-chars.geojson',
    exit: 1,
    where: 'features[0]',
    what: /id is 10,000 characters long; at most 200/,
  },
  {
    file: 'unknown-epsg.geojson',
    exit: 1,
    where: 'features[0]',
    what: /EPSG:99999 is not a coordinate system PostGIS knows/,
  },
  {
    file: 'crs-without-epsg.geojson',
    exit: 1,
    where: 'crs',
    what: /names no EPSG code/,
    not: /--skip-invalid/,
  },
  {
    file: 'not-a-feature-collection.geojson',
    exit: 1,
    where: 'document',
    what: /expected a GeoJSON FeatureCollection/,
  },
  { file: 'linestring.geojson', exit: 1, where: 'features[0]', what: /geometry must be a Point/ },
  { file: 'invalid-json.geojson', exit: 1, where: 'line 4', what: /not valid JSON/ },
  {
    file: 'attempt-misschien.geojson',
    exit: 1,
    where: 'features[0]',
    what: /property 'attempt' is 'misschien', expected true or false/,
  },
  {
    file: 'moves-stored-incident.geojson',
    exit: 1,
    where: 'features[0]',
    what: /moves incident G-STORED-1 by 1,0\d\d m .*--allow-move/,
  },
];

describe('police-uk bad inputs', () => {
  badInputTests(table('police-uk', 'CAMBS'), () => t.pool, policeUk);
});

describe('nl-csv bad inputs', () => {
  badInputTests(table('nl-csv', 'GM0503'), () => t.pool, nlCsv);
});

describe('GeoJSON bad inputs', () => {
  badInputTests(table('geojson', 'GM0503'), () => t.pool, geoJson);
});

describe('accepted files that used to damage stored data leave it as it was', () => {
  const fixture = (dir: string, name: string): string => path.join(BAD_INPUTS, dir, name);
  const cli = (file: string, ...args: string[]) => runCliInProcess(['import-incidents', file, ...args]);

  test('police.uk re-imported with latitude and longitude swapped: the ten stored incidents stay on their points', async () => {
    const ids = fs
      .readFileSync(fixture('police-uk', 'reimport-swapped-lat-lon.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    expect(ids).toHaveLength(10);
    const points = async () =>
      (
        await t.pool.query<{ p: string }>(
          `SELECT ST_AsText(geom) AS p FROM incidents WHERE source = 'police-uk' AND external_id = ANY($1) ORDER BY external_id`,
          [ids],
        )
      ).rows;
    const before = await points();
    expect(before).toHaveLength(10);
    for (const args of [[], ['--skip-invalid']]) {
      const r = await cli(
        fixture('police-uk', 'reimport-swapped-lat-lon.csv'),
        '--municipality',
        'CAMBS',
        ...args,
      );
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ committed: false, updated: 0, rejected: 10 });
    }
    expect(await points()).toEqual(before);
  });

  test('--allow-move moves a stored incident when the new position is meant, and says how many moved', async () => {
    const [a] = (
      await t.pool.query<{ p: string }>(
        `SELECT ST_AsText(geom) AS p FROM incidents WHERE external_id = 'PL-STORED-1'`,
      )
    ).rows;
    const r = await cli(
      fixture('nl-csv', 'moves-stored-incident.csv'),
      '--municipality',
      'GM0503',
      '--allow-move',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ committed: true, updated: 1, moved: 1 });
    const [b] = (
      await t.pool.query<{ d: number }>(
        `SELECT round(ST_Distance(geom, ST_GeomFromText($1, 28992))) AS d FROM incidents WHERE external_id = 'PL-STORED-1'`,
        [a!.p],
      )
    ).rows;
    expect(Number(b!.d)).toBe(1000);
    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'incidents.import' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0].details).toMatchObject({ allowMove: true, moved: 1 });
  });

  test('GeoJSON months 2021-13 and 2021-00, and dates that roll over or lie in 2099, are not stored (even with --skip-invalid)', async () => {
    for (const [dir, name] of [
      ['geojson', 'month-13.geojson'],
      ['geojson', 'month-00.geojson'],
      ['geojson', 'date-rollover-with-z.geojson'],
      ['geojson', 'date-in-future.geojson'],
      ['nl-csv', 'date-rollover-with-z.csv'],
      ['nl-csv', 'date-rollover-with-offset.csv'],
      ['nl-csv', 'date-in-future.csv'],
      ['police-uk', 'month-in-future.csv'],
    ] as const) {
      const r = await cli(
        fixture(dir, name),
        '--municipality',
        dir === 'police-uk' ? 'CAMBS' : 'GM0503',
        '--skip-invalid',
      );
      expect({ name, code: r.code }).toEqual({ name, code: 1 });
    }
    const { rows } = await t.pool.query(
      `SELECT external_id, occurred_from FROM incidents WHERE external_id IN ('G-M13', 'G-M00', 'G-ROLL', 'G-FUT', 'PL-ROLL-1', 'PL-ROLL-2', 'PL-FUT-1', 'bad-month-2099')
          OR occurred_from > now()`,
    );
    expect(rows).toEqual([]);
  });

  test('a police.uk file concatenated twice adds no "#2" copies', async () => {
    const r = await cli(
      fixture('police-uk', 'concatenated-twice.csv'),
      '--municipality',
      'CAMBS',
      '--skip-invalid',
    );
    expect(r.code).toBe(1);
    const { rows } = await t.pool.query(
      `SELECT external_id FROM incidents WHERE external_id LIKE 'bad-concat-%'`,
    );
    expect(rows).toEqual([]);
  });

  test('a mapping that names a missing column does not key the rows by content', async () => {
    const r = await cli(
      fixture('nl-csv', 'mapping-names-missing-column.csv'),
      '--municipality',
      'GM0503',
      '--skip-invalid',
      '--mapping',
      fixture('nl-csv', 'mapping-names-missing-column.json'),
    );
    expect(r.code).toBe(1);
    const { rows } = await t.pool.query(
      `SELECT external_id FROM incidents WHERE source = 'nl-csv' AND (external_id LIKE 'k:%' OR external_id LIKE 'PL-MAP-%')`,
    );
    expect(rows).toEqual([]);
  });
});

describe('with --skip-invalid the rows that used to fail the whole file with a database error are listed, the rest imported', () => {
  test('police.uk: NUL, a 10,000-character street, A / A / A#2, latitude 999 beside valid rows', async () => {
    const row = (id: string, lon = '0.143759', lat = '52.229865', loc = 'On or near Lovell Road') =>
      `${id},2021-03,Cambridgeshire Constabulary,Cambridgeshire Constabulary,${lon},${lat},${loc},E01017976,Cambridge 001B,Burglary,Under investigation,`;
    const lines = [
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context',
      row('skip-good-1'),
      row('skip-nul', undefined, undefined, 'On or near Lovell\u0000 Road'),
      row('skip-long', undefined, undefined, `On or near ${'x'.repeat(10_000)}`),
      row('skip-A'),
      row('skip-A'),
      row('skip-A#2'),
      row('skip-lat', '0.14', '999'),
      row('skip-good-2', '0.133765', '52.232762'),
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-skip-')), 'mixed.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const r = await runCliInProcess(['import-incidents', file, '--municipality', 'CAMBS', '--skip-invalid']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const s = JSON.parse(r.stdout) as {
      imported: number;
      rejected: number;
      errors: { line: number; reason: string }[];
    };
    expect(s).toMatchObject({ imported: 4, rejected: 4 });
    expect(s.errors.map((e) => [e.line, e.reason.slice(0, 40)])).toEqual([
      [3, "column 'Location' contains a NUL charact"],
      [4, "column 'Location' is 10,011 characters l"],
      [7, "column 'Crime ID': the id 'skip-A#2' is "],
      [8, "columns 'Longitude'/'Latitude' (0.14, 99"],
    ]);
    const { rows } = await t.pool.query(
      `SELECT external_id FROM incidents WHERE external_id LIKE 'skip-%' ORDER BY external_id`,
    );
    expect(rows.map((x) => x.external_id)).toEqual(['skip-A', 'skip-A#2', 'skip-good-1', 'skip-good-2']);
  });

  test('GeoJSON: latitude 999, a lone surrogate, colliding ids and an unknown projection domain beside a valid feature', async () => {
    const f = (id: string, coordinates: number[], props: Record<string, unknown> = {}) => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates },
      properties: { occurred_from: '2024-06-01', attempt: false, ...props },
    });
    const doc = {
      type: 'FeatureCollection',
      features: [
        f('skipg-1', [4.3722, 52.0025]),
        f('skipg-lat', [4.37, 999]),
        f('skipg-sur', [4.3722, 52.0025], { location_label: 'Mekelweg \ud800' }),
        f('skipg-1', [4.3723, 52.0026]),
        f('skipg-1#2', [4.3724, 52.0027]),
      ],
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-skip-')), 'mixed.geojson');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = await runCliInProcess(['import-incidents', file, '--municipality', 'GM0503', '--skip-invalid']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const s = JSON.parse(r.stdout) as {
      imported: number;
      rejected: number;
      errors: { feature: string; reason: string }[];
    };
    expect(s).toMatchObject({ imported: 2, rejected: 3 });
    expect(s.errors.map((e) => e.feature).sort()).toEqual(['features[1]', 'features[2]', 'features[4]']);
    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'incidents.import' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0].details).toMatchObject({
      file: 'mixed.geojson',
      skipInvalid: true,
      imported: 2,
      rejected: 3,
    });
  });
});
