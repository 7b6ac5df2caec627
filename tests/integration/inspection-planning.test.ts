/**
 * Planning an inspection from the officers' page (issue 11): the planning options (streets, team,
 * checklist), the checklist editor, photos of findings (stored without EXIF or GPS, too big a 413,
 * no image a 400), and a planner who never receives a victim's address from any endpoint the
 * page uses for them.
 */
import fs from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { DEFAULT_CHECKLIST } from '../../server/inspections/checklist';
import { photoPath } from '../../server/inspections/photo-store';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { burglaryIn } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let planner: TestUser;
let streets: { id: number; name: string }[];
const START = { lon: 4.3735, lat: 52.0005 };
/** Every answer a planner got in this file, for the address check at the end. */
const plannerSaw: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(user: TestUser, method: string, path: string, body?: unknown, type = 'application/json') {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(user), 'content-type': type },
    body:
      body === undefined ? undefined : body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body),
  });
  const buf = new Uint8Array(await res.arrayBuffer());
  const text = Buffer.from(buf).toString('utf8');
  if (user === planner) plannerSaw.push(`${method} ${path} -> ${text}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: buf,
    text,
    body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as Json,
  };
}

/** A JPEG as a phone camera writes it: with the camera's make and a GPS position in its EXIF. */
async function cameraJpeg(): Promise<Uint8Array> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7a50' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Phone X' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 0/1 2/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 22/1 25/1',
      },
    })
    .toBuffer();
}

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  planner = await createTestUser(t.pool, { role: 'planner' });
  streets = (
    await t.pool.query<{ id: number; name: string }>(
      `SELECT id::int, name FROM streets WHERE name IN ('Mekelweg', 'Schoemakerstraat') ORDER BY id`,
    )
  ).rows;
  // Burglaries in both streets: their addresses must never reach the planner.
  for (const [i, s] of streets.entries()) await burglaryIn(t.pool, s.id, `PLANNER-${i}`);
});

test('the planning options: walkable streets by name, possible team members, the checklist', async () => {
  const r = await call(planner, 'GET', '/api/inspections/options?municipality=GM0503');
  expect(r.status).toBe(200);
  expect(r.body.municipality).toBe('GM0503');
  expect(r.body.streets.length).toBeGreaterThan(50);
  expect(r.body.streets.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Mekelweg']));
  expect(Object.keys(r.body.streets[0]).sort()).toEqual(['id', 'name', 'place']);
  const members = r.body.users.map((u: { id: number }) => u.id);
  expect(members).toEqual(expect.arrayContaining([officer.id, planner.id]));
  expect(r.body.checklist).toMatchObject({ isDefault: true, items: DEFAULT_CHECKLIST });
  // Another municipality's options are refused.
  expect((await call(planner, 'GET', '/api/inspections/options?municipality=GM0599')).status).toBe(400);
});

test("an officer sets the municipality's checklist; new inspections and the phone use it; [] restores the default", async () => {
  const items = [
    { key: 'lighting', label: 'Verlichting kapot of ontbreekt' },
    { key: 'gate', label: 'Achterpad zonder poort', subsidy: 'Kleine Veiligheidsprojecten' },
  ];
  expect((await call(planner, 'PUT', '/api/inspections/checklist', { items })).status).toBe(403);
  const bad = await call(officer, 'PUT', '/api/inspections/checklist', {
    items: [...items, { key: 'gate', label: 'nog eens' }],
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/items\.2\.key: 'gate' is used twice/);
  expect(
    (await call(officer, 'PUT', '/api/inspections/checklist', { items: [{ key: 'other', label: 'x' }] }))
      .status,
  ).toBe(400);
  const r = await call(officer, 'PUT', '/api/inspections/checklist', { municipality: 'GM0503', items });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ isDefault: false, items });
  const insp = await call(officer, 'POST', '/api/inspections', {
    title: 'Schouw eigen lijst',
    startsAt: '2026-05-01T19:00:00+02:00',
    selection: { streetIds: [streets[0]!.id] },
  });
  expect(insp.body.checklist).toEqual(items);
  const audit = await t.pool.query(`SELECT details FROM audit_log WHERE action = 'inspection.checklist'`);
  expect(audit.rows.map((a) => a.details.keys)).toEqual([['lighting', 'gate']]);
  const back = await call(officer, 'PUT', '/api/inspections/checklist', { items: [] });
  expect(back.body).toMatchObject({ isDefault: true, items: DEFAULT_CHECKLIST });
});

describe('a planner plans, routes and records, and never receives an address', () => {
  let id: number;
  const finding = '0d7c4f50-5a0b-4c57-9c2f-1d2e3f405162';

  test('a planner may not plan from a cluster or a risk zone (they are made of burglaries)', async () => {
    const base = { title: 'Schouw', startsAt: '2026-05-01T19:00:00+02:00' };
    const incident = (
      await t.pool.query<{ id: number }>(`SELECT id::int FROM incidents WHERE external_id = 'PLANNER-0'`)
    ).rows[0]!.id;
    const c = await call(planner, 'POST', '/api/inspections', {
      ...base,
      selection: { cluster: { incidentIds: [incident] } },
    });
    expect(c.status).toBe(403);
    expect(c.body.error.message).toMatch(/selection\.streetIds/);
    const z = await call(planner, 'POST', '/api/inspections', {
      ...base,
      selection: { riskZoneIds: [`cocoon:i${incident}`] },
    });
    expect(z.status).toBe(403);
  });

  test('a planner may plan from an area drawn on the map: the streets inside it are walked', async () => {
    const { rows } = await t.pool.query<{ polygon: string }>(
      `SELECT ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_ConvexHull(ST_Collect(geom)), 10), 4326)) AS polygon
       FROM addresses WHERE street_id = $1`,
      [streets[0]!.id],
    );
    const r = await call(planner, 'POST', '/api/inspections', {
      title: 'Schouw getekend gebied',
      startsAt: '2026-05-02T19:00:00+02:00',
      selection: { polygon: JSON.parse(rows[0]!.polygon) as unknown },
    });
    expect(r.status).toBe(201);
    const planned = await t.pool.query<{ street_id: string }>(
      'SELECT street_id FROM inspection_streets WHERE inspection_id = $1',
      [r.body.id],
    );
    expect(planned.rows.map((x) => Number(x.street_id))).toContain(streets[0]!.id);
  });

  test('plan, route, findings, follow-up, CSV', async () => {
    const r = await call(planner, 'POST', '/api/inspections', {
      title: 'Schouw TU-wijk',
      startsAt: '2026-05-01T19:00:00+02:00',
      team: { userIds: [planner.id], names: ['Buurtpreventie Jan'] },
      selection: { streetIds: streets.map((s) => s.id) },
    });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect((await call(planner, 'POST', `/api/inspections/${id}/route`, { start: START })).status).toBe(200);
    const f = await call(planner, 'POST', `/api/inspections/${id}/findings`, {
      findings: [
        {
          id: finding,
          streetId: streets[0]!.id,
          item: 'open_alley',
          note: 'Poort ontbreekt',
          recordedAt: '2026-05-01T19:20:00+02:00',
        },
      ],
    });
    expect(f.body.stored).toBe(1);
    expect((await call(planner, 'GET', '/api/inspections')).status).toBe(200);
    expect((await call(planner, 'GET', `/api/inspections/${id}`)).status).toBe(200);
    const list = await call(planner, 'GET', `/api/inspections/${id}/findings`);
    expect(list.body).toEqual([
      expect.objectContaining({ id: finding, photo: false, subsidy: expect.stringMatching(/Kleine/) }),
    ]);
    const up = await call(planner, 'PATCH', `/api/inspections/${id}/findings/${finding}`, {
      followUp: 'maintenance',
    });
    expect(up.status).toBe(200);
    const csv = await call(planner, 'GET', `/api/inspections/${id}/findings.csv`);
    expect(csv.text.split('\r\n')[0]).toMatch(/;foto$/);
    expect(csv.text).toMatch(/;maintenance;/);
  });

  test('a photo is stored re-encoded: no EXIF, no GPS, no camera; the CSV says there is one', async () => {
    const jpeg = await cameraJpeg();
    expect(await exifr.gps(jpeg)).toMatchObject({ latitude: expect.closeTo(52.0006, 3) });
    const r = await call(
      planner,
      'PUT',
      `/api/inspections/${id}/findings/${finding}/photo`,
      jpeg,
      'image/jpeg',
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: finding, photo: true });
    const { rows } = await t.pool.query<{ photo_sha256: string; photo_bytes: number }>(
      `SELECT photo_sha256, photo_bytes FROM inspection_findings WHERE id = $1`,
      [finding],
    );
    // The stored file itself, as it is on disk.
    const stored = fs.readFileSync(photoPath(rows[0]!.photo_sha256));
    expect(stored.length).toBe(rows[0]!.photo_bytes);
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(await exifr.parse(stored, true)).toBeUndefined();
    expect(Buffer.from(stored).includes('TestCam')).toBe(false);
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    // Downloaded: the same file.
    const got = await call(planner, 'GET', `/api/inspections/${id}/findings/${finding}/photo`);
    expect(got.type).toBe('image/jpeg');
    expect(Buffer.from(got.bytes).equals(stored)).toBe(true);
    expect((await call(planner, 'GET', `/api/inspections/${id}/findings`)).body[0].photo).toBe(true);
    expect((await call(planner, 'GET', `/api/inspections/${id}/findings.csv`)).text).toMatch(/;ja\r\n$/);
    const audit = await t.pool.query(`SELECT details FROM audit_log WHERE action = 'inspection.photo'`);
    expect(audit.rows).toHaveLength(1);
  });

  test('too big a photo is a 413, no image a 400, a finding not sent yet a 404', async () => {
    const path = `/api/inspections/${id}/findings/${finding}/photo`;
    const big = await call(planner, 'PUT', path, new Uint8Array(11 * 1024 * 1024), 'image/jpeg');
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than 10 MB/);
    const junk = await call(planner, 'PUT', path, new TextEncoder().encode('not a photo'), 'image/jpeg');
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toMatch(/cannot be read as a JPEG, PNG or WebP/);
    const pdf = await call(planner, 'PUT', path, new TextEncoder().encode('%PDF'), 'application/pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.message).toMatch(/Content-Type 'application\/pdf'/);
    const other = await call(
      planner,
      'PUT',
      `/api/inspections/${id}/findings/9d7c4f50-5a0b-4c57-9c2f-1d2e3f405162/photo`,
      await cameraJpeg(),
      'image/jpeg',
    );
    expect(other.status).toBe(404);
  });

  test("the officers' endpoints with burglaries answer a planner 403", async () => {
    for (const p of [
      '/api/streets/activity?municipality=GM0503',
      '/api/clusters?municipality=GM0503',
      '/api/risk-zones?municipality=GM0503',
      '/tiles/incidents/14/8411/5398.mvt',
      '/tiles/streets/14/8411/5398.mvt',
    ])
      expect((await call(planner, 'GET', p)).status).toBe(403);
  });

  test("no answer the planner got holds a victim's address, postcode or registration number", async () => {
    const { rows } = await t.pool.query<{ street: string; nr: number; postcode: string; reg: string }>(
      `SELECT a.street_name AS street, a.huisnummer AS nr, a.postcode, i.external_id AS reg
       FROM incidents i JOIN addresses a ON a.id = i.address_id WHERE i.external_id LIKE 'PLANNER-%'`,
    );
    expect(rows).toHaveLength(2);
    expect(plannerSaw.length).toBeGreaterThan(15);
    const all = plannerSaw.join('\n');
    for (const v of rows) {
      expect(all).not.toMatch(new RegExp(`${v.street}\\s+${v.nr}\\b`));
      expect(all).not.toMatch(new RegExp(`${v.postcode.slice(0, 4)}\\s?${v.postcode.slice(4)}`));
      expect(all).not.toContain(v.reg);
    }
    expect(all).not.toMatch(/"(address|incidentId|incidents|huisnummer|postcode)"/);
  });
});
