import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp } from '../helpers/app';
import {
  importIncidents,
  rejectionMessage,
  resolveImportMunicipality,
  type IncidentImportOptions,
  type IncidentImportSummary,
} from '../../server/incidents/incident-import.service';

const t = useTestDatabase();
const app = useTestApp();
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'incidents');
const UK_HEADER = fs.readFileSync(path.join(FIXTURES, 'cambridgeshire_2021-01_burglary.csv'));
const UK_NOHEADER = fs.readFileSync(path.join(FIXTURES, 'cambridgeshire_2021-01_street_noheader.csv'));

async function opts(code: string, more: Partial<IncidentImportOptions> = {}): Promise<IncidentImportOptions> {
  const municipality = await resolveImportMunicipality(
    t.pool,
    code,
    code.startsWith('CAMBS') ? 'Cambridgeshire (police.uk test data)' : undefined,
  );
  return { fileName: 'test.csv', municipality, skipInvalid: false, actor: 'test', ...more };
}

/** Everything an import may change, except the audit log (which records rejected attempts too). */
async function dbState(): Promise<string> {
  const { rows } = await t.pool.query<{ s: string }>(
    `SELECT md5(coalesce((SELECT string_agg(concat_ws('|', source, external_id, municipality_id, occurred_from, occurred_to,
              attempt, modus_operandi, mo_text, location_label, address_id, street_id, ST_AsText(geom), location_source), ',' ORDER BY source, external_id) FROM incidents), '')
            || coalesce((SELECT string_agg(concat_ws('|', id, name, place), ',' ORDER BY id) FROM streets), '')
            || (SELECT count(*) FROM municipalities)) AS s`,
  );
  return rows[0]!.s;
}

/** A few Delft addresses that postcode + number identify uniquely. */
async function uniqueAddresses(n: number): Promise<
  {
    id: number;
    postcode: string;
    huisnummer: number;
    huisletter: string | null;
    street_name: string;
    x: number;
    y: number;
  }[]
> {
  const { rows } = await t.pool.query(
    `SELECT a.id::int, a.postcode, a.huisnummer, a.huisletter, a.street_name, ST_X(a.geom) x, ST_Y(a.geom) y
     FROM addresses a
     WHERE a.postcode IS NOT NULL AND a.toevoeging IS NULL AND a.residential
       AND (SELECT count(*) FROM addresses b WHERE b.postcode = a.postcode AND b.huisnummer = a.huisnummer
            AND coalesce(b.huisletter, '') = coalesce(a.huisletter, '') AND coalesce(b.toevoeging, '') = '') = 1
     ORDER BY a.source_key LIMIT $1`,
    [n],
  );
  return rows;
}

describe('police.uk', () => {
  test('the headerless Cambridgeshire file is recognised by its shape; 240 burglaries, 14 unlocated reported', async () => {
    const s = await importIncidents(
      UK_NOHEADER,
      await opts('CAMBS', { fileName: 'cambridgeshire_2021-01_street_noheader.csv' }),
    );
    expect(s).toMatchObject({
      committed: true,
      format: 'police-uk',
      read: 5252,
      imported: 240,
      skipped: 5012,
      rejected: 0,
      unlocated: 14,
    });
    expect(s.warnings!.join(' ')).toMatch(/no header line.*recognised as a police\.uk street file/);
    expect(s.warnings!.join(' ')).toMatch(/14 incident\(s\) have no location/);
    const { rows } = await t.pool.query<{ n: string; located: string; month_ok: string }>(
      `SELECT count(*) n, count(geom) located,
              count(*) FILTER (WHERE occurred_from = '2021-01-01T00:00:00Z' AND occurred_to < '2021-02-01T00:00:00Z') month_ok
       FROM incidents i JOIN municipalities m ON m.id = i.municipality_id WHERE m.code = 'CAMBS' AND i.source = 'police-uk'`,
    );
    expect(rows[0]).toEqual({ n: '240', located: '226', month_ok: '240' });
  });

  test('the same burglaries with a header change nothing; a second import is all skipped', async () => {
    const before = await dbState();
    const s = await importIncidents(UK_HEADER, await opts('CAMBS'));
    expect(s).toMatchObject({ committed: true, read: 240, imported: 0, updated: 0, skipped: 240 });
    expect(s.warnings ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/no header/)]));
    expect(await dbState()).toBe(before);
    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'incidents.import' ORDER BY id`,
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[1].details).toMatchObject({
      sha256: crypto.createHash('sha256').update(UK_HEADER).digest('hex'),
      read: 240,
      skipped: 240,
      format: 'police-uk',
    });
  });

  test('identical rows without a Crime ID are distinct burglaries, and stay so on re-import', async () => {
    const row =
      ',2021-01,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.117,52.2,On or near Mill Road,E01017976,Cambridge 001B,Burglary,Under investigation,';
    const file = Buffer.from([UK_HEADER.toString().split('\n')[0], row, row, row, ''].join('\r\n'));
    const first = await importIncidents(file, await opts('CAMBS'));
    expect(first).toMatchObject({ committed: true, imported: 3 });
    const again = await importIncidents(file, await opts('CAMBS'));
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 3 });
  });

  test('a bad month names its line and leaves the database as it was; --skip-invalid keeps the good rows', async () => {
    const lines = UK_HEADER.toString().split('\n');
    lines[3] = lines[3]!.replace(',2021-01,', ',2021-13,');
    lines[5] = lines[5]!.replace(/,-?\d+\.\d+,(\d+\.\d+),/, ',abc,$1,');
    const file = Buffer.from(lines.join('\n').replace(/,2021-01,/g, ',2020-12,'));
    const before = await dbState();
    const s = await importIncidents(file, await opts('CAMBS'));
    expect(s.committed).toBe(false);
    expect(s.rejected).toBe(2);
    expect(s.errors).toEqual([
      { line: 4, reason: "column 'Month' is '2021-13', expected YYYY-MM" },
      { line: 6, reason: expect.stringMatching(/'Longitude'\/'Latitude' \('abc'/) },
    ]);
    expect(await dbState()).toBe(before);
    const rejectedAudit = await t.pool.query(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'incidents.import.rejected'`,
    );
    expect(rejectedAudit.rows[0].n).toBe(1);

    const skip = await importIncidents(file, await opts('CAMBS', { skipInvalid: true }));
    expect(skip).toMatchObject({ committed: true, rejected: 2, updated: 238, imported: 0 });
  });

  test('one street per name within a place, whatever its case: "Lovell Road" and "LOVELL ROAD" are one', async () => {
    const header = UK_HEADER.toString().split('\n')[0]!;
    const row = (id: string, street: string) =>
      `${id},2021-02,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.143759,52.229865,On or near ${street},E01017976,Cambridge 001B,Burglary,Under investigation,`;
    const file = Buffer.from(
      [
        header.trim(),
        row('case-1', 'Lovell Road'),
        row('case-2', 'LOVELL ROAD'),
        row('case-3', 'Nieuwe Weg'),
        row('case-4', 'NIEUWE WEG'),
        '',
      ].join('\r\n'),
    );
    const s = await importIncidents(file, await opts('CAMBS2', { fileName: 'cases.csv' }));
    expect(s).toMatchObject({ committed: true, imported: 4, errors: [] });
    const { rows } = await t.pool.query(
      `SELECT s.name, count(i.id)::int AS incidents FROM streets s JOIN municipalities m ON m.id = s.municipality_id
       LEFT JOIN incidents i ON i.street_id = s.id WHERE m.code = 'CAMBS2' GROUP BY s.name ORDER BY s.name`,
    );
    expect(rows).toEqual([
      { name: 'Lovell Road', incidents: 2 },
      { name: 'Nieuwe Weg', incidents: 2 },
    ]);
  });

  test('a refused file whose other rows are valid suggests --skip-invalid, saying how many rows it would keep', async () => {
    const [header, good, bad] = UK_HEADER.toString().split('\n');
    const file = Buffer.from(
      [
        header,
        good!.replace(/^\w+/, 'suggest-1'),
        bad!.replace(/^\w+/, 'suggest-2').replace(',2021-01,', ',2021-13,'),
        '',
      ].join('\n'),
    );
    const s = await importIncidents(file, await opts('CAMBS'));
    expect(s).toMatchObject({ committed: false, rejected: 1 });
    expect(rejectionMessage(s)).toMatch(
      /line 3: column 'Month'.*Fix the file, or import with --skip-invalid \(skipInvalid=true\) to keep the 1 valid row\(s\)$/,
    );
  });

  test('a file of which no row can be imported is refused even with --skip-invalid, without suggesting it', async () => {
    const header = UK_HEADER.toString().split('\n')[0]!;
    const file = Buffer.from(
      [header, UK_HEADER.toString().split('\n')[1]!.replace(',2021-01,', ',2021-13,'), ''].join('\n'),
    );
    const s = await importIncidents(file, await opts('CAMBS', { skipInvalid: true }));
    expect(s).toMatchObject({ committed: false, rejected: 1 });
    expect(rejectionMessage(s)).toMatch(
      /^nothing was imported: no row of the file can be imported; line 2: column 'Month'/,
    );
    expect(rejectionMessage(s)).not.toMatch(/skip-invalid/);
  });
});

describe('nl-csv', () => {
  test('Windows-1252, semicolons, quoted fields, decimal commas, RD and lat/lon, BAG geocoding', async () => {
    const [a, b, c] = await uniqueAddresses(3);
    const csv = [
      'Registratienummer;Pleegdatum van;Pleegdatum tot;Straat;Huisnummer;Huisletter;Toevoeging;Postcode;Woonplaats;X;Y;Lat;Lon;Poging;Modus operandi',
      `PL1500-2024-001;05-03-2024 14:30;05-03-2024 18:00;"${a!.street_name}";${a!.huisnummer};${a!.huisletter ?? ''};;${a!.postcode.slice(0, 4)} ${a!.postcode.slice(4)};Delft;;;;;nee;"Cilinder afgebroken; één deur"`,
      `PL1500-2024-002;2024-03-07;;"${b!.street_name}";;;;;Delft;${b!.x.toFixed(2).replace('.', ',')};${b!.y.toFixed(2).replace('.', ',')};;;ja;Raam geforceerd`,
      `PL1500-2024-003;2024-03-09 08:00;2024-03-09 12:00;;;;;;Delft;;;52,0;4,37;nee;flipperen`,
      `PL1500-2024-004;2024-03-10;;;${c!.huisnummer};${c!.huisletter ?? ''};;${c!.postcode};Delft;;;;;Nee;`,
    ].join('\r\n');
    const s = await importIncidents(
      iconv.encode(csv, 'win1252'),
      await opts('GM0503', { fileName: 'export.csv' }),
    );
    expect(s).toMatchObject({
      committed: true,
      format: 'nl-csv',
      encoding: 'windows-1252',
      read: 4,
      imported: 4,
      rejected: 0,
      unlocated: 0,
    });
    const { rows } = await t.pool.query(
      `SELECT external_id, attempt, modus_operandi, mo_text, address_id::int, street_id IS NOT NULL AS on_street, location_source,
              occurred_from, round(ST_X(geom)) x FROM incidents WHERE source = 'nl-csv' ORDER BY external_id`,
    );
    expect(rows[0]).toMatchObject({
      external_id: 'PL1500-2024-001',
      attempt: false,
      modus_operandi: 'cylinder_snapping',
      mo_text: 'Cilinder afgebroken; één deur',
      address_id: a!.id,
      location_source: 'address',
      on_street: true,
    });
    expect((rows[0].occurred_from as Date).toISOString()).toBe('2024-03-05T13:30:00.000Z'); // 14:30 CET
    expect(rows[1]).toMatchObject({
      attempt: true,
      modus_operandi: 'window_forced',
      location_source: 'coordinates',
      x: Math.round(b!.x),
    });
    expect(rows[2]).toMatchObject({ modus_operandi: 'latch_slipping', location_source: 'coordinates' });
    expect(rows[3]).toMatchObject({ address_id: c!.id, modus_operandi: 'unknown' });
  });

  test('UTF-8 with BOM and commas, with a custom column mapping', async () => {
    const [a] = await uniqueAddresses(1);
    const csv = `\uFEFFBVH,Datum,PC,Nr,Letter,Poging\r\n"X-1","2024-04-01","${a!.postcode}",${a!.huisnummer},${a!.huisletter ?? ''},nee\r\n`;
    const s = await importIncidents(
      Buffer.from(csv),
      await opts('GM0503', {
        mapping: {
          registratienummer: 'BVH',
          pleegdatum_van: 'Datum',
          postcode: 'PC',
          huisnummer: 'Nr',
          huisletter: 'Letter',
        },
      }),
    );
    expect(s).toMatchObject({ committed: true, encoding: 'utf-8-bom', imported: 1 });
  });

  test('broken files give line-numbered errors and leave the database as it was', async () => {
    const before = await dbState();
    const wrongColumns = await importIncidents(
      Buffer.from('nummer;wanneer;waar\n1;gisteren;hier\n'),
      await opts('GM0503', { format: 'nl-csv' }),
    );
    expect(wrongColumns.committed).toBe(false);
    expect(wrongColumns.errors[0]).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/does not name the column\(s\) pleegdatum_van.*--mapping/),
    });

    const header = 'registratienummer;pleegdatum van;x;y;poging';
    const bad = await importIncidents(
      Buffer.from(
        [
          header,
          'A1;2024-02-30;85000;446000;nee',
          'A2;2024-02-01;500000;446000;nee',
          'A3;2024-02-01;1,5;2;nee',
          'A4;2024-02-01;85000;446000;misschien',
          'A5;2024-02-01;85000',
        ].join('\n'),
      ),
      await opts('GM0503'),
    );
    expect(bad.committed).toBe(false);
    expect(bad.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/'pleegdatum_van' is '2024-02-30'/) },
      {
        line: 3,
        reason: expect.stringMatching(
          /^columns 'x'\/'y' \(500000, 446000\) lie outside the Netherlands \(RD New, EPSG:28992/,
        ),
      },
      { line: 4, reason: expect.stringMatching(/outside the Netherlands/) },
      { line: 5, reason: expect.stringMatching(/'poging' is 'misschien'/) },
      { line: 6, reason: 'expected 5 columns like the header, found 3' },
    ]);

    const noMatch = await importIncidents(
      Buffer.from('registratienummer;pleegdatum van;postcode;huisnummer\nB1;2024-01-01;9999ZZ;1\n'),
      await opts('GM0503'),
    );
    expect(noMatch.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^no address 9999ZZ 1 in the loaded addresses/) },
    ]);

    // A refused file lists every problem at once: parse errors and database-side ones (geocoding).
    const both = await importIncidents(
      Buffer.from(
        'registratienummer;pleegdatum van;postcode;huisnummer\nC1;2024-01-01;9999ZZ;1\nC2;2024-13-01;9999ZZ;2\n',
      ),
      await opts('GM0503'),
    );
    expect(both).toMatchObject({ committed: false, imported: 0, rejected: 2 });
    expect(both.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^no address 9999ZZ 1/) },
      { line: 3, reason: expect.stringMatching(/'pleegdatum_van' is '2024-13-01'/) },
    ]);

    const empty = await importIncidents(Buffer.alloc(0), await opts('GM0503'));
    expect(empty).toMatchObject({ committed: false, errors: [{ line: 1, reason: 'the file is empty' }] });

    // 50 MB of garbage: rejected on line 1 without parsing the rest.
    const garbage = crypto.randomBytes(50 * 1024 * 1024);
    for (const format of [undefined, 'police-uk', 'nl-csv', 'geojson'] as const) {
      const g = await importIncidents(garbage, await opts('GM0503', { format, fileName: 'garbage.bin' }));
      expect(g.committed).toBe(false);
      // Random bytes break the CSV quoting (or the JSON) on the first line or two.
      expect(g.errors[0]!.line).toBeLessThanOrEqual(2);
      expect(g.errors[0]!.reason).toMatch(
        /not readable as CSV|not valid JSON|not a police\.uk street file|does not name the column/,
      );
    }
    expect(await dbState()).toBe(before);
  });
});

describe('GeoJSON', () => {
  test('points in EPSG:28992 and EPSG:27700 are transformed by PostGIS', async () => {
    const [a] = await uniqueAddresses(1);
    const rd = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        {
          type: 'Feature',
          id: 'G1',
          geometry: { type: 'Point', coordinates: [a!.x, a!.y] },
          properties: { occurred_from: '2024-05-01', attempt: false, modus_operandi: 'door_forced' },
        },
      ],
    };
    const s1 = await importIncidents(
      Buffer.from(JSON.stringify(rd)),
      await opts('GM0503', { fileName: 'a.geojson' }),
    );
    expect(s1).toMatchObject({ committed: true, format: 'geojson', imported: 1 });
    const uk = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:27700' } },
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [545000, 258000] },
          properties: { month: '2021-01', attempt: 'false' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          properties: { month: '2021-01' },
        },
      ],
    };
    const s2 = await importIncidents(
      Buffer.from(JSON.stringify(uk)),
      await opts('CAMBS', { fileName: 'b.geojson', skipInvalid: true }),
    );
    expect(s2).toMatchObject({
      committed: true,
      imported: 1,
      rejected: 1,
      errors: [{ feature: 'features[1]', reason: expect.stringMatching(/must be a Point/) }],
    });
    const { rows } = await t.pool.query(
      `SELECT external_id, round(ST_X(ST_Transform(geom, 4326))::numeric, 2) lon, round(ST_Distance(geom, ST_SetSRID(ST_MakePoint($1, $2), 28992))) d
       FROM incidents WHERE source = 'geojson' ORDER BY external_id`,
      [a!.x, a!.y],
    );
    expect(rows.find((r) => r.external_id === 'G1').d).toBe(0);
    expect(Number(rows.find((r) => r.external_id !== 'G1').lon)).toBeCloseTo(0.12, 1); // BNG 545000 258000 is near Cambridge, 0.12° E
  });
});

describe('POST /api/incidents/import', () => {
  test('an officer uploads a file; cookie sign-in needs the CSRF header; other municipalities are refused', async () => {
    const officer = await createTestUser(t.pool, { role: 'officer' });
    const [a] = await uniqueAddresses(1);
    const form = (): FormData => {
      const f = new FormData();
      f.append(
        'file',
        new Blob([
          `registratienummer;pleegdatum van;postcode;huisnummer;huisletter\nH1;2024-06-01;${a!.postcode};${a!.huisnummer};${a!.huisletter ?? ''}\n`,
        ]),
        'upload.csv',
      );
      return f;
    };
    const ok = await fetch(`${app.url}/api/incidents/import`, {
      method: 'POST',
      headers: bearer(officer),
      body: form(),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()) as IncidentImportSummary).toMatchObject({ committed: true, imported: 1 });

    const bad = new FormData();
    bad.append(
      'file',
      new Blob(['registratienummer;pleegdatum van;postcode;huisnummer\nH2;morgen;2628CD;1\n']),
      'bad.csv',
    );
    const rejected = await fetch(`${app.url}/api/incidents/import`, {
      method: 'POST',
      headers: bearer(officer),
      body: bad,
    });
    expect(rejected.status).toBe(422);
    const body = (await rejected.json()) as { error: { message: string }; summary: IncidentImportSummary };
    expect(body.summary.errors[0]).toMatchObject({ line: 2 });
    expect(body.error.message).toMatch(/line 2/);

    const other = await fetch(`${app.url}/api/incidents/import`, {
      method: 'POST',
      headers: bearer(officer),
      body: (() => {
        const f = form();
        f.append('municipality', 'CAMBS');
        return f;
      })(),
    });
    expect(other.status).toBe(403);

    const session = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: officer.password }),
    });
    expect(session.status).toBeLessThan(300);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const noCsrf = await fetch(`${app.url}/api/incidents/import`, {
      method: 'POST',
      headers: { cookie },
      body: form(),
    });
    expect(noCsrf.status).toBe(403);
    const { csrfToken } = (await (await fetch(`${app.url}/api/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const withCsrf = await fetch(`${app.url}/api/incidents/import`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
      body: form(),
    });
    expect(withCsrf.status).toBe(200);
    expect(await withCsrf.json()).toMatchObject({ imported: 0, skipped: 1 });

    const anonymous = await fetch(`${app.url}/api/incidents/import`, { method: 'POST', body: form() });
    expect(anonymous.status).toBe(401);
  });
});
