/**
 * The officers' map end to end: the built client (run `npx vite build` first; `npm test` does)
 * in headless Chromium against the real app with the demo incidents. Signs in through the form,
 * waits for the map, clusters and street activity, selects a street in the table, creates a
 * cocoon letter campaign through the form and checks it against the database, restores the
 * session on reload and signs out. Any request to a host other than this server fails the test.
 *
 * OFFICER_MAP_SCREENSHOT=docs/img/officer-map.png saves a screenshot of the page with the demo data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
const DIST = path.join(__dirname, '../../dist/intern.html');

let browser: Browser;
let page: Page;
let officer: TestUser;
const foreign: string[] = [];
const seen: string[] = [];
const pageErrors: string[] = [];
const consoleLines: string[] = [];
const pending = new Map<import('puppeteer-core').HTTPRequest, number>();
const slowLines: string[] = [];
const slow = (r: import('puppeteer-core').HTTPRequest) => {
  const ms = Date.now() - (pending.get(r) ?? Date.now());
  if (ms > 2000) slowLines.push(`${ms}ms ${r.url().replace(/\?.*/, '')}`);
};

beforeAll(async () => {
  if (!fs.existsSync(DIST))
    throw new Error('dist/intern.html is missing: run `npx vite build` before the e2e tests');
  const { rows } = await t.pool.query<{ id: number }>("SELECT id FROM municipalities WHERE code = 'GM0503'");
  await generateDemoIncidents(t.pool, rows[0]!.id);
  officer = await createTestUser(t.pool, { role: 'officer' });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  // Recorded, not intercepted: with request interception on, tile requests made by MapLibre's
  // web worker sometimes stayed pending for minutes. Nothing can leave anyway: every host name
  // but this server's resolves to nothing (--host-resolver-rules).
  page.on('request', (req) => {
    const u = new URL(req.url());
    seen.push(u.pathname);
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1' && u.hostname !== 'localhost')
      foreign.push(req.url());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => consoleLines.push(`failed: ${r.url()}`));
  page.on('request', (r) => pending.set(r, Date.now()));
  page.on('requestfinished', (r) => {
    slow(r);
    pending.delete(r);
  });
  page.on('requestfailed', (r) => pending.delete(r));
});

afterAll(async () => {
  await browser?.close();
});

async function waitForMap(): Promise<void> {
  try {
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  } catch (err) {
    const diag = await page.evaluate(() => ({
      message: document.getElementById('pk-message')?.textContent,
      ready: window.preventiekaartIntern?.ready,
      loaded: window.preventiekaartIntern?.map.loaded(),
      style: window.preventiekaartIntern?.map.isStyleLoaded(),
      tiles: window.preventiekaartIntern?.map.areTilesLoaded(),
    }));
    throw new Error(
      `map not ready: ${JSON.stringify(diag)}; pending: ${[...pending].map(([r, t0]) => `${Date.now() - t0}ms ${r.url().replace(/\?.*/, '')}`).join(', ')}; slow: ${slowLines.join(', ')}; console: ${consoleLines
        .filter((l) => !l.includes('GL Driver'))
        .slice(-10)
        .join(' | ')}`,
      { cause: err },
    );
  }
}

test('sign in through the form; the map shows incidents, clusters, risk zones and street activity', async () => {
  await page.goto(`${app.url}/intern.html`, { waitUntil: 'load' });
  await page.waitForSelector('#pk-signin:not([hidden])');
  await page.type('#pk-email', officer.email);
  await page.type('#pk-password', 'wrong password');
  await page.click('#pk-signin-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('pk-signin-error')!.textContent!.length > 0);
  expect(await page.$eval('#pk-signin-error', (e) => e.textContent)).toContain('klopt niet');

  await page.$eval('#pk-password', (e) => ((e as HTMLInputElement).value = ''));
  await page.type('#pk-password', officer.password);
  await page.click('#pk-signin-form button[type=submit]');
  await waitForMap();
  expect(await page.$eval('#pk-signin', (e) => (e as HTMLElement).hidden)).toBe(true);
  expect(await page.$eval('#pk-municipality', (e) => e.textContent)).toContain('Delft');

  // Rendered features, queried from the map itself.
  const rendered = await page.waitForFunction(
    () => {
      const m = window.preventiekaartIntern!.map;
      const n = (layers: string[]) => m.queryRenderedFeatures({ layers }).length;
      const r = {
        clusters: n(['cluster-fill', 'cluster-line', 'cluster-point']),
        activity: n(['activity']),
        incidents: n(['incidents']),
        zones: n(['zone-fill']),
        base: n(['road', 'building', 'water']),
      };
      return r.clusters > 0 && r.activity > 0 && r.incidents > 0 && r.base > 0 ? r : null;
    },
    { timeout: 60_000, polling: 500 },
  );
  const counts = (await rendered.jsonValue()) as Record<string, number>;
  expect(counts.clusters).toBeGreaterThan(0);
  expect(counts.incidents).toBeGreaterThan(0);

  // The clusters list agrees with the API, and the activity table has rows.
  const listed = await page.$$eval('#pk-clusters li', (li) => li.length);
  const api = (await page.evaluate(
    async (code) => (await fetch(`/api/clusters?municipality=${code}`)).json(),
    'GM0503',
  )) as { features: unknown[] };
  expect(listed).toBe(api.features.length);
  expect(listed).toBeGreaterThan(0);
  expect(await page.$$eval('#pk-activity tbody tr', (tr) => tr.length)).toBeGreaterThan(0);

  // Knox table: 3 distance bands x 3 time bands, each with a ratio and a p-value.
  await page.waitForSelector('#pk-knox-table', { timeout: 60_000 });
  const knox = await page.$$eval('#pk-knox-table tbody td', (td) => td.map((c) => c.textContent ?? ''));
  expect(knox).toHaveLength(9);
  for (const cell of knox) expect(cell).toMatch(/p /);
});

test('the activity table sorts with its heading buttons', async () => {
  const names = () => page.$$eval('#pk-activity tbody tr th', (th) => th.map((c) => c.textContent ?? ''));
  await page.click('#pk-activity thead th:nth-child(2) button');
  const desc = await names();
  expect(await page.$eval('#pk-activity thead th:nth-child(2)', (th) => th.getAttribute('aria-sort'))).toBe(
    'descending',
  );
  await page.click('#pk-activity thead th:nth-child(2) button');
  const asc = await names();
  expect(asc).toEqual([...desc].reverse());
  expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'nl')));
  // Back to the busiest streets first.
  await page.click('#pk-activity thead th:nth-child(3) button');
});

test('select a street in the table and create a cocoon letter campaign through the form', async () => {
  const streetId = Number(await page.$eval('#pk-activity tbody tr', (tr) => (tr as HTMLElement).dataset.key));
  await page.click(`#pk-activity tbody tr[data-key="${streetId}"] input[type=checkbox]`);
  expect(await page.evaluate(() => window.preventiekaartIntern!.selectedStreets())).toEqual([streetId]);
  await page.waitForFunction(
    () => window.preventiekaartIntern!.map.queryRenderedFeatures({ layers: ['streets-selected'] }).length > 0,
    { timeout: 30_000 },
  );

  await page.select('#pk-kind', 'cocoon');
  // The incident list offers the burglaries on the selected street; take the newest.
  await page.waitForFunction(
    () => (document.getElementById('pk-incident') as HTMLSelectElement).options.length > 1,
    { timeout: 30_000 },
  );
  const incidentId = Number(
    await page.$eval('#pk-incident', (s) => (s as HTMLSelectElement).options[1]!.value),
  );
  await page.select('#pk-incident', String(incidentId));
  const {
    rows: [inc],
  } = await t.pool.query<{ street_id: string; address_id: string | null }>(
    'SELECT street_id, address_id FROM incidents WHERE id = $1',
    [incidentId],
  );
  expect(Number(inc!.street_id)).toBe(streetId);
  await page.select('#pk-language', 'nl');
  const {
    rows: [expected],
  } = await t.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM addresses WHERE street_id = $1 AND residential AND id IS DISTINCT FROM $2',
    [streetId, inc!.address_id],
  );
  // Before sending: the live preview counts the letters, and the send button names the count.
  await page.waitForFunction(
    (n: number) =>
      document.getElementById('pk-preview')?.dataset.state === 'ready' &&
      window.preventiekaartIntern!.preview()?.letters === n,
    { timeout: 30_000 },
    expected!.n,
  );
  expect(await page.$eval('#pk-letter-submit', (e) => e.textContent)).toBe(
    `${expected!.n} ${expected!.n === 1 ? 'brief' : 'brieven'} aanmaken`,
  );
  expect(await t.pool.query('SELECT 1 FROM campaigns')).toMatchObject({ rowCount: 0 });
  await page.click('#pk-preview-letter');
  await page.waitForSelector('#pk-preview-image img', { timeout: 30_000 });
  expect(
    await page.$eval(
      '#pk-preview-image img',
      (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth,
    ),
  ).toBe(794);
  await page.click('#pk-letter-submit');
  await page.waitForSelector('#pk-campaign[data-campaign-id]', { timeout: 30_000 });
  expect(await page.$eval('#pk-letter-error', (e) => e.textContent)).toBe('');

  const campaignId = Number(await page.$eval('#pk-campaign', (e) => (e as HTMLElement).dataset.campaignId));
  // The campaign list shows it.
  await page.waitForSelector(`#pk-campaigns tr[data-campaign-id="${campaignId}"]`, { timeout: 30_000 });
  // The street's history lists it.
  await page.waitForSelector(`#pk-street-letters tr[data-street-id="${streetId}"]`, { timeout: 30_000 });
  await page.evaluate(
    () => ((document.getElementById('pk-campaigns-section') as HTMLDetailsElement).open = true),
  );
  await page.click(`#pk-street-letters tr[data-street-id="${streetId}"] button`);
  await page.waitForFunction(
    (id: number) => document.getElementById('pk-street-history')?.textContent?.includes(`campagne ${id}`),
    { timeout: 10_000 },
    campaignId,
  );
  const shown = await page.$eval('#pk-campaign dd[data-count="total"]', (e) => Number(e.textContent));
  expect(shown).toBe(expected!.n);
  const {
    rows: [db],
  } = await t.pool.query<{ kind: string; template: string; n: number }>(
    `SELECT c.kind, c.template, (SELECT count(*)::int FROM letters l WHERE l.campaign_id = c.id) AS n FROM campaigns c WHERE c.id = $1`,
    [campaignId],
  );
  expect(db).toEqual({ kind: 'cocoon', template: 'cocoon-warning', n: expected!.n });

  // The page follows the pushed status; the status endpoint answers for this officer too.
  const status = (await page.evaluate(
    async (id) => (await fetch(`/api/campaigns/${id}`)).json(),
    campaignId,
  )) as { id: number; counts: { total: number } };
  expect(status.id).toBe(campaignId);
  expect(status.counts.total).toBe(expected!.n);

  const shot = process.env.OFFICER_MAP_SCREENSHOT;
  if (shot) {
    await page.evaluate(() => document.querySelector('.maplibregl-popup')?.remove());
    await page.screenshot({ path: shot as `${string}.png` });
  }
});

test('draw an area on the map: the live count is the residential addresses inside it, and follows a new area', async () => {
  await page.click('input[name="pk-target"][value="area"]');
  await page.select('#pk-kind', 'evening');
  await page.$eval('#pk-evening-at', (e) => ((e as HTMLInputElement).value = '2026-12-15T19:30'));
  await page.type('#pk-evening-location', 'Buurthuis De Hofstee');
  await page.click('#pk-area-draw');
  const box = (await page.$('#pk-map'))!.boundingBox();
  const b = (await box)!;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  /** Clicks the corners of a rectangle of w x h pixels around the map's middle, then the first again. */
  async function drawRect(w: number, h: number): Promise<void> {
    const corners: Array<[number, number]> = [
      [cx - w / 2, cy - h / 2],
      [cx + w / 2, cy - h / 2],
      [cx + w / 2, cy + h / 2],
      [cx - w / 2, cy + h / 2],
    ];
    for (const [x, y] of [...corners, corners[0]!]) {
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.click(x, y);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  async function countIn(): Promise<{ shown: number; inDb: number }> {
    const area = await page.waitForFunction(() => window.preventiekaartIntern!.drawnArea(), {
      timeout: 10_000,
    });
    const polygon = await area.jsonValue();
    await page.waitForFunction(
      (p: string) =>
        document.getElementById('pk-preview')?.dataset.state === 'ready' &&
        window.preventiekaartIntern!.preview()?.letters !== undefined &&
        JSON.stringify(window.preventiekaartIntern!.drawnArea()) === p &&
        window.preventiekaartIntern!.preview() !== null,
      { timeout: 30_000 },
      JSON.stringify(polygon),
    );
    await new Promise((r) => setTimeout(r, 800));
    const shown = await page.evaluate(() => window.preventiekaartIntern!.preview()!.letters);
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM addresses
       WHERE residential AND ST_Within(geom, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), 28992))`,
      [JSON.stringify(polygon)],
    );
    return { shown, inDb: rows[0]!.n };
  }
  await drawRect(160, 120);
  const small = await countIn();
  expect(small.shown).toBe(small.inDb);
  expect(small.inDb).toBeGreaterThan(0);
  await page.click('#pk-area-draw');
  await drawRect(360, 260);
  const large = await countIn();
  expect(large.shown).toBe(large.inDb);
  expect(large.inDb).toBeGreaterThan(small.inDb);
  await page.click('#pk-area-clear');
  await page.click('input[name="pk-target"][value="streets"]');
});

test('import a police export through the form: a bad row refuses the file, skipping it imports the rest', async () => {
  const { rows } = await t.pool.query<{ x: number; y: number }>(
    "SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses WHERE residential AND street_name = 'Mekelweg' ORDER BY id LIMIT 1",
  );
  const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const csv = [
    'registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi',
    `E2E-1;${day} 10:00;${day} 14:00;${rows[0]!.x.toFixed(1)};${rows[0]!.y.toFixed(1)};nee;cilinder afgebroken`,
    `E2E-2;gisteren;${day} 14:00;${rows[0]!.x.toFixed(1)};${rows[0]!.y.toFixed(1)};nee;onbekend`,
  ].join('\n');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-e2e-')), 'politie-export.csv');
  fs.writeFileSync(file, csv);
  const imported = async () =>
    (await t.pool.query("SELECT 1 FROM incidents WHERE external_id LIKE 'E2E-%'")).rowCount;

  await page.$eval('#pk-import', (d) => ((d as HTMLDetailsElement).open = true));
  const input = (await page.$('#pk-import-file')) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.select('#pk-import-format', 'nl-csv');
  await page.click('#pk-import-submit');
  await page.waitForFunction(
    () => document.querySelector('#pk-import-result .pk-error, #pk-import-result .pk-ok') !== null,
    { timeout: 30_000 },
  );
  const refused = await page.$eval('#pk-import-result', (e) => e.textContent ?? '');
  expect(refused).toContain('Niets ingelezen');
  expect(refused).toMatch(/regel 3/);
  expect(await imported()).toBe(0);

  await page.click('#pk-import-skip');
  await page.click('#pk-import-submit');
  await page.waitForFunction(() => document.querySelector('#pk-import-result .pk-ok') !== null, {
    timeout: 30_000,
  });
  const done = await page.$eval('#pk-import-result', (e) => e.textContent ?? '');
  expect(done).toContain('1 nieuw');
  expect(done).toContain('1 afgekeurd');
  expect(done).toMatch(/regel 3/);
  expect(await imported()).toBe(1);
});

test('an incident popup shows the address only when asked, and that view is audited', async () => {
  await waitForMap();
  // An incident drawn where nothing (legend, controls) covers the map.
  const pt = await page.evaluate(() => {
    const m = window.preventiekaartIntern!.map;
    const r = m.getCanvas().getBoundingClientRect();
    for (const f of m.queryRenderedFeatures({ layers: ['incidents'] })) {
      const p = m.project((f.geometry as unknown as { coordinates: [number, number] }).coordinates);
      const at = { x: r.left + p.x, y: r.top + p.y };
      if (document.elementFromPoint(at.x, at.y) === m.getCanvas()) return at;
    }
    return null;
  });
  expect(pt).not.toBeNull();
  await page.mouse.click(pt!.x, pt!.y);
  await page.waitForSelector('.pk-popup button', { timeout: 10_000 });
  expect(await page.$eval('.pk-popup', (e) => e.textContent)).not.toMatch(/Adres:/);
  const before = (
    await t.pool.query("SELECT 1 FROM audit_log WHERE action = 'incidents.view.detail' AND user_id = $1", [
      officer.id,
    ])
  ).rowCount;
  await page.evaluate(() => {
    const b = [...document.querySelectorAll<HTMLButtonElement>('.pk-popup button')].find((x) =>
      x.textContent!.startsWith('Adres en details'),
    );
    b!.click();
  });
  await page.waitForFunction(
    () => /Adres: .+ \d+/.test(document.querySelector('.pk-popup')?.textContent ?? ''),
    { timeout: 10_000 },
  );
  expect(await page.$eval('.pk-popup', (e) => e.textContent)).toMatch(/Registratienummer: (demo|E2E)-\d+/);
  const after = (
    await t.pool.query("SELECT 1 FROM audit_log WHERE action = 'incidents.view.detail' AND user_id = $1", [
      officer.id,
    ])
  ).rowCount;
  expect(after).toBe(before! + 1);
});

test('WCAG 2.1 AA: axe-core finds no violations on the signed-in page', async () => {
  expect(await axeViolations(page)).toEqual([]);
});

test('a reload restores the session; signing out shows the form again', async () => {
  await page.reload({ waitUntil: 'load' });
  await waitForMap();
  expect(await page.$eval('#pk-signin', (e) => (e as HTMLElement).hidden)).toBe(true);
  await page.click('#pk-signout');
  await page.waitForSelector('#pk-signin:not([hidden])', { timeout: 30_000 });
  const after = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(after).toBe(401);
});

test('no request left this server and the page threw no errors', () => {
  // The recording sees the map worker's requests too (tiles, glyphs), so the check means something.
  for (const p of ['/tiles/incidents/', '/tiles/basemap/', '/fonts/'])
    expect(seen.some((s) => s.startsWith(p))).toBe(true);
  expect(foreign).toEqual([]);
  expect(pageErrors).toEqual([]);
});
