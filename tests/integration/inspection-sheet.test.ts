/**
 * The inspection sheet (issue 11) through the worker pipeline of the letters: BullMQ (real
 * Redis), Handlebars, Chromium, the content-addressed store. Checked with pdftotext: the streets
 * in walking order, the checklist, the phone page's address under the QR code.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { startSheetWorker } from '../../jobs/inspections/sheet-worker';
import { closeSheetQueue } from '../../server/inspections/sheet-job';
import { DEFAULT_CHECKLIST } from '../../server/inspections/checklist';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText } from '../helpers/pdf';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let worker: ReturnType<typeof startSheetWorker>;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startSheetWorker();
});

afterAll(async () => {
  await worker?.close();
  await closeSheetQueue();
});

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Page 1 at 75 dpi as RGB pixels (pdftoppm writes a binary PPM: a short header, then the bytes),
 * and the images the PDF holds (pdfimages -list).
 */
function pageOne(pdf: Uint8Array): { pixels: Buffer; images: string } {
  const file = path.join(os.tmpdir(), `pk-sheet-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const ppm = execFileSync('pdftoppm', ['-r', '75', '-f', '1', '-l', '1', file], { maxBuffer: 1 << 26 });
    // Header: "P6\n<w> <h>\n255\n"
    let nl = 0;
    let i = 0;
    while (nl < 3) if (ppm[i++] === 0x0a) nl++;
    return {
      pixels: ppm.subarray(i),
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }),
    };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** How many pixels are near an RGB colour. */
function near(pixels: Buffer, [r, g, b]: [number, number, number], tolerance = 40): number {
  let n = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if (Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) < tolerance)
      n++;
  return n;
}

async function sheet(id: number): Promise<Uint8Array> {
  for (let i = 0; i < 120; i++) {
    const r = await call('GET', `/api/inspections/${id}/sheet.pdf`);
    if (r.status === 200) {
      expect(r.headers.get('content-type')).toBe('application/pdf');
      return new Uint8Array(await r.arrayBuffer());
    }
    expect(r.status).toBe(409);
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('the sheet was not rendered within 30 s');
}

test('the sheet lists the streets in walking order with the checklist and the phone link', async () => {
  const { rows } = await t.pool.query<{ id: number }>(
    `SELECT id::int FROM streets WHERE name IN ('Mekelweg', 'Schoemakerstraat', 'Leeghwaterstraat') ORDER BY id`,
  );
  const created = await call('POST', '/api/inspections', {
    title: 'Schouw TU-wijk',
    startsAt: '2026-04-01T19:00:00+02:00',
    notes: 'Verzamelen bij de Aula',
    team: { names: ['Wijkagent Ria', 'Buurtpreventie Jan'] },
    selection: { streetIds: rows.map((r) => r.id) },
  });
  const { id } = (await created.json()) as { id: number };
  // No route yet: no sheet.
  expect((await call('POST', `/api/inspections/${id}/sheet`)).status).toBe(409);
  const routed = await call('POST', `/api/inspections/${id}/route`, {
    start: { lon: 4.3735, lat: 52.0005, label: 'Aula TU Delft' },
  });
  const walk = (await routed.json()) as { walk: { streets: { name: string }[]; lengthM: number } };
  const order = walk.walk.streets.map((s) => s.name);
  expect(order).toHaveLength(3);

  const queued = await call('POST', `/api/inspections/${id}/sheet`);
  expect(queued.status).toBe(202);
  const pdf = await sheet(id);
  expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
  const text = pdfText(pdf);
  expect(text).toContain('Schouw: Schouw TU-wijk');
  expect(text).toContain('Wijkagent Ria, Buurtpreventie Jan');
  expect(text).toContain('Aula TU Delft');
  expect(text).toMatch(/woensdag 1 april 2026 om 19:00/);
  // The street sections, in walking order.
  const at = order.map((name, i) => text.indexOf(`${i + 1}. ${name}`));
  for (const a of at) expect(a).toBeGreaterThan(0);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  // Every checklist item, once per street.
  for (const item of DEFAULT_CHECKLIST) {
    const n = text.split(item.label.slice(0, 30)).length - 1;
    expect({ item: item.key, n }).toEqual({ item: item.key, n: order.length });
  }
  // The route map: one 1400 x 900 image on page 1, with the red route line and the base map's
  // buildings and water on it (colours of client/src/shared/base-map.ts and route-map.ts).
  const p1 = pageOne(pdf);
  expect(p1.images).toMatch(/^\s*1\s+\d+\s+image\s+1400\s+900\s/m);
  expect(near(p1.pixels, [200, 16, 46], 60)).toBeGreaterThan(200);
  expect(near(p1.pixels, [0xa9, 0xcf, 0xe0], 30)).toBeGreaterThan(200);
  expect(text).toContain('Kaart: © OpenStreetMap-bijdragers');
  expect(text.replace(/\s+/g, '')).toContain(`${app.url}/inspectie.html?id=${id}`.replace(/\s+/g, ''));

  // A new route makes the stored sheet out of date until it is made again.
  await call('POST', `/api/inspections/${id}/route`, { start: { lon: 4.377, lat: 51.999 } });
  expect((await call('GET', `/api/inspections/${id}/sheet.pdf`)).status).toBe(409);
  expect((await call('POST', `/api/inspections/${id}/sheet`)).status).toBe(202);
  expect(pdfText(await sheet(id))).toContain('51.99900, 4.37700');
  const { rows: audit } = await t.pool.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspection.sheet' AND subject_id = $1`,
    [String(id)],
  );
  expect(audit[0].n).toBe(2);
});
