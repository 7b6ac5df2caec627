/**
 * A street inspection end to end (issue 11), in headless Chromium against the app, its sheet
 * worker (BullMQ on real Redis, Chromium) and PostGIS: an officer picks two demo streets on the
 * officers' map and plans the inspection in the "Schouwen" section, picks the start on the map
 * and gets a route that passes every selected street (checked in PostGIS), downloads the A4
 * sheet (pdftotext: the streets in walking order and the checklist); a team member opens the
 * phone page at 390 x 844, which then opens again without a connection (service worker), records
 * two findings offline (one with a photo carrying GPS EXIF), goes online, and the officer sees
 * both findings once on the map and in the table and sets a follow-up. A planner's page shows the
 * inspection section on the base map only and receives no victim's address. axe-core on every new
 * screen, in Dutch and English. Needs the built client (`npx vite build`).
 *
 * INSPECTION_SCREENSHOTS=1 writes docs/img/inspection-sheet.png, inspection-phone.png and
 * inspection-officer.png.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import sharp from 'sharp';
import { startSheetWorker } from '../../jobs/inspections/sheet-worker';
import { config } from '../../server/core/config';
import { DEFAULT_CHECKLIST } from '../../server/inspections/checklist';
import { photoPath } from '../../server/inspections/photo-store';
import { closeSheetQueue } from '../../server/inspections/sheet-job';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { useTestDatabase } from '../helpers/db';
import { pdfText } from '../helpers/pdf';

let worker: ReturnType<typeof startSheetWorker> | undefined;
// Declared before useTestDatabase: jest runs afterAll hooks in order, the worker goes first.
afterAll(async () => {
  await worker?.close();
  await closeSheetQueue();
});

const t = useTestDatabase();
const app = useTestApp();
const STREETS = ['Mekelweg', 'Schoemakerstraat'];
const START = { lon: 4.3735, lat: 52.0005 };
const SHOTS = process.env.INSPECTION_SCREENSHOTS === '1';
const IMG = path.join(__dirname, '../../docs/img');

let browser: Browser;
let officerPage: Page;
let phoneContext: BrowserContext;
let phone: Page;
let officer: TestUser;
let member: TestUser;
let inspectionId: number;
let walkOrder: string[];
const pageErrors: string[] = [];

jest.setTimeout(180_000);

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'inspectie-sw.js')))
    throw new Error('dist/ is missing or old: run `npx vite build` first (npm test does)');
  const { rows } = await t.pool.query<{ id: number }>("SELECT id FROM municipalities WHERE code = 'GM0503'");
  await generateDemoIncidents(t.pool, rows[0]!.id);
  officer = await createTestUser(t.pool, { role: 'officer' });
  member = await createTestUser(t.pool, { role: 'planner' });
  await t.pool.query(`UPDATE users SET name = 'Petra Planner' WHERE id = $1`, [member.id]);
  worker = startSheetWorker();
  browser = await puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  officerPage = await browser.newPage();
  officerPage.on('pageerror', (e) => pageErrors.push(String(e)));
  await officerPage.setViewport({ width: 1400, height: 900 });
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, user: TestUser, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#pk-signin:not([hidden])');
  await page.type('#pk-email', user.email);
  await page.type('#pk-password', user.password);
  await page.click('#pk-signin-form button[type=submit]');
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
}

/** Clicks the map at a WGS84 point (centred there first, at zoom 17). */
async function clickMap(page: Page, p: { lon: number; lat: number }): Promise<void> {
  await page.evaluate(
    (lon, lat) =>
      new Promise<void>((resolve) => {
        const map = window.preventiekaartIntern!.map;
        map.once('idle', () => resolve());
        map.jumpTo({ center: [lon, lat], zoom: 17 });
      }),
    p.lon,
    p.lat,
  );
  const box = (await (await page.$('#pk-map canvas'))!.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('an officer picks two streets on the map and plans an inspection in the section', async () => {
  await signIn(officerPage, officer, `${app.url}/intern.html`);
  // Burglaries, clusters and zones off: a click on a street picks the street.
  for (const l of ['incidents', 'clusters', 'zones', 'activity']) await officerPage.click(`#pk-layer-${l}`);
  const points = await t.pool.query<{ id: number; name: string; lon: number; lat: number }>(
    `SELECT s.id::int, s.name, ST_X(ST_Transform(ST_LineInterpolatePoint(ST_LineMerge(g.geom), 0.5), 4326)) AS lon,
            ST_Y(ST_Transform(ST_LineInterpolatePoint(ST_LineMerge(g.geom), 0.5), 4326)) AS lat
     FROM streets s CROSS JOIN LATERAL (SELECT (ST_Dump(s.geom)).geom ORDER BY ST_Length((ST_Dump(s.geom)).geom) DESC LIMIT 1) g
     WHERE s.name = ANY($1) ORDER BY s.name`,
    [STREETS],
  );
  for (const p of points.rows) await clickMap(officerPage, p);
  const picked = await officerPage.evaluate(() => window.preventiekaartIntern!.selectedStreets());
  expect(picked.sort()).toEqual(points.rows.map((p) => p.id).sort());

  await officerPage.click('#pk-inspections-section > summary');
  await officerPage.waitForSelector('#pk-insp-form');
  expect(
    await officerPage.$$eval('#pk-insp-streets li', (l) => l.map((x) => x.firstChild!.textContent)),
  ).toEqual(expect.arrayContaining(STREETS));
  await officerPage.type('#pk-insp-title', 'Schouw TU-wijk');
  await officerPage.$eval('#pk-insp-when', (e) => ((e as HTMLInputElement).value = '2026-04-01T19:00'));
  await officerPage.$$eval(
    '.pk-insp-team label',
    (ls, name) =>
      ls
        .find((l) => l.textContent!.includes(name))!
        .querySelector('input')!
        .click(),
    'Petra Planner',
  );
  await officerPage.type('#pk-insp-volunteers', 'Buurtpreventie Jan');
  await officerPage.type('#pk-insp-notes', 'Verzamelen bij de Aula');
  await officerPage.click('#pk-insp-submit');
  await officerPage.waitForSelector('#pk-insp-detail');
  inspectionId = Number(
    await officerPage.$eval('#pk-insp-detail', (e) => (e as HTMLElement).dataset.inspectionId),
  );
  const { rows } = await t.pool.query(
    `SELECT i.title, i.notes, array_agg(s.name ORDER BY s.name) AS streets
     FROM inspections i JOIN inspection_streets x ON x.inspection_id = i.id JOIN streets s ON s.id = x.street_id
     WHERE i.id = $1 GROUP BY i.id`,
    [inspectionId],
  );
  expect(rows[0]).toEqual({ title: 'Schouw TU-wijk', notes: 'Verzamelen bij de Aula', streets: STREETS });
  // 19:00 typed is 19:00 in Amsterdam, whatever the browser's zone (this one runs in UTC).
  const when = await t.pool.query<{ local: string }>(
    `SELECT to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS local FROM inspections WHERE id = $1`,
    [inspectionId],
  );
  expect(when.rows[0]!.local).toBe('2026-04-01 19:00');
  const team = await t.pool.query(
    `SELECT user_id, name FROM inspection_members WHERE inspection_id = $1 ORDER BY id`,
    [inspectionId],
  );
  expect(team.rows).toEqual([
    { user_id: member.id, name: null },
    { user_id: null, name: 'Buurtpreventie Jan' },
  ]);
});

test('the start picked on the map gives a route past every selected street (PostGIS), shown as steps', async () => {
  await officerPage.type('#pk-insp-start-label', 'Aula');
  await officerPage.click('#pk-insp-pick');
  await clickMap(officerPage, START);
  await officerPage.waitForFunction(() =>
    document.getElementById('pk-insp-picked')!.textContent!.includes('4.37'),
  );
  await officerPage.click('#pk-insp-compute');
  await officerPage.waitForSelector('#pk-insp-order li', { timeout: 30_000 });
  walkOrder = await officerPage.$$eval('#pk-insp-order li', (l) => l.map((x) => x.textContent!));
  expect([...walkOrder].sort()).toEqual(STREETS);
  expect(await officerPage.$eval('#pk-insp-route p', (e) => e.textContent)).toMatch(
    /^Start: Aula\. \d+,\d km, ongeveer \d+ minuten\.$/,
  );
  expect(await officerPage.$$eval('#pk-insp-steps li', (l) => l.length)).toBeGreaterThan(1);
  const cover = await t.pool.query<{ name: string; near: boolean; covered: number }>(
    `SELECT s.name, ST_DWithin(s.geom, i.route_geom, 25) AS near,
            ST_Length(ST_Intersection(s.geom, ST_Buffer(i.route_geom, 25))) / ST_Length(s.geom) AS covered
     FROM inspections i JOIN inspection_streets x ON x.inspection_id = i.id JOIN streets s ON s.id = x.street_id
     WHERE i.id = $1`,
    [inspectionId],
  );
  for (const c of cover.rows) {
    expect(c.near).toBe(true);
    expect(c.covered).toBeGreaterThan(0.5);
  }
  // The route is on the map.
  const routed = await officerPage.evaluate(
    () => window.preventiekaartIntern!.map.querySourceFeatures('pk-insp-route').length,
  );
  expect(routed).toBeGreaterThan(0);
});

test('the sheet is made and downloaded: streets in walking order, the checklist', async () => {
  await officerPage.click('#pk-insp-make-sheet');
  await officerPage.waitForSelector('#pk-insp-sheet-link', { timeout: 90_000 });
  const href = await officerPage.$eval('#pk-insp-sheet-link', (a) =>
    (a as HTMLAnchorElement).getAttribute('href'),
  );
  const res = await fetch(`${app.url}${href}`, { headers: bearer(officer) });
  expect(res.status).toBe(200);
  const pdf = new Uint8Array(await res.arrayBuffer());
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  const headings = walkOrder.map((n, i) => text.indexOf(`${i + 1}. ${n}`));
  expect(headings.every((x) => x >= 0)).toBe(true);
  expect(headings).toEqual([...headings].sort((a, b) => a - b));
  for (const item of DEFAULT_CHECKLIST) expect(text).toContain(item.label.slice(0, 30));
  if (SHOTS) {
    const file = path.join(os.tmpdir(), `pk-sheet-${process.pid}.pdf`);
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(IMG, 'inspection-sheet'),
    ]);
    fs.rmSync(file);
  }
});

test('the phone page opens offline (service worker), keeps two findings offline and sends them once', async () => {
  phoneContext = await browser.createBrowserContext();
  phone = await phoneContext.newPage();
  phone.on('pageerror', (e) => pageErrors.push(String(e)));
  await phone.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await phone.goto(`${app.url}/inspectie.html?id=${inspectionId}`, { waitUntil: 'load' });
  await phone.waitForSelector('#pi-signin:not([hidden])');
  await phone.type('#pi-email', member.email);
  await phone.type('#pi-password', member.password);
  await phone.click('#pi-signin-form button[type=submit]');
  await phone.waitForSelector('#pi-app:not([hidden]) .pi-street');
  // Installable: a manifest with icons, and a service worker that controls the page.
  const manifest = (await (await fetch(`${app.url}/inspectie.webmanifest`)).json()) as { icons: unknown[] };
  expect(manifest.icons).toHaveLength(2);
  await phone.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await phone.reload({ waitUntil: 'load' });
  await phone.waitForSelector('#pi-app:not([hidden]) .pi-street');
  expect(await phone.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await phone.setOfflineMode(true);
  await phone.reload({ waitUntil: 'load' });
  await phone.waitForSelector('#pi-app:not([hidden]) .pi-street', { timeout: 15_000 });
  const headings = await phone.$$eval('.pi-street h3', (hs) => hs.map((h) => h.textContent));
  expect(headings).toEqual(walkOrder.map((n, i) => `${i + 1}. ${n}`));

  const photo = path.join(os.tmpdir(), `pk-photo-${process.pid}.jpg`);
  fs.writeFileSync(
    photo,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#557744' } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '52/1 0/1 2/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '4/1 22/1 25/1',
        },
      })
      .toBuffer(),
  );
  await phone.click('.pi-street:nth-child(1) input[value=open_alley]');
  await phone.type('.pi-street:nth-child(1) textarea', 'Poort ontbreekt');
  await (await phone.$('.pi-street:nth-child(1) input[type=file]'))!.uploadFile(photo);
  await phone.click('.pi-street:nth-child(1) button[type=submit]');
  await phone.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '1');
  await phone.click('.pi-street:nth-child(2) input[value=lighting]');
  await phone.click('.pi-street:nth-child(2) button[type=submit]');
  await phone.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '2');
  expect((await t.pool.query('SELECT count(*)::int AS n FROM inspection_findings')).rows[0].n).toBe(0);
  if (SHOTS) await phone.evaluate(() => window.scrollTo(0, 0));
  if (SHOTS) await phone.screenshot({ path: path.join(IMG, 'inspection-phone.png') as `${string}.png` });

  await phone.setOfflineMode(false);
  await phone.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '0', {
    timeout: 20_000,
  });
  const { rows } = await t.pool.query<{ item: string; photo_sha256: string | null }>(
    'SELECT item, photo_sha256 FROM inspection_findings ORDER BY item',
  );
  expect(rows.map((r) => r.item)).toEqual(['lighting', 'open_alley']);
  const stored = fs.readFileSync(photoPath(rows[1]!.photo_sha256!));
  expect(await exifr.gps(stored)).toBeUndefined();
  fs.rmSync(photo);
});

test('the officer sees both findings once on the map and in the table, and sets a follow-up', async () => {
  await officerPage.waitForFunction(
    () => document.querySelectorAll('#pk-insp-findings tbody tr').length === 2,
    {
      timeout: 40_000,
    },
  );
  const onMap = await officerPage.evaluate(() => window.preventiekaartInspections!.findingsOnMap());
  expect(new Set(onMap).size).toBe(2);
  const cells = await officerPage.$$eval('#pk-insp-findings tbody tr', (rs) =>
    rs.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((c) => c.textContent)),
  );
  expect(cells).toEqual(
    expect.arrayContaining([
      ['Mekelweg', expect.stringMatching(/./), expect.anything(), expect.anything()],
      ['Schoemakerstraat', expect.stringMatching(/./), expect.anything(), expect.anything()],
    ]),
  );
  const alley = cells.find((c) => c[1] === 'Open achterpad of ontbrekend toegangshek')!;
  expect(alley[3]).toMatch(/Kleine Veiligheidsprojecten/);
  const id = await officerPage.$eval(
    '#pk-insp-findings select',
    (s) => (s as HTMLSelectElement).dataset.findingId!,
  );
  await officerPage.select(`#pk-insp-findings select[data-finding-id="${id}"]`, 'maintenance');
  await officerPage.waitForFunction(
    (fid) =>
      (document.querySelector(`#pk-insp-findings select[data-finding-id="${fid}"]`) as HTMLSelectElement)
        ?.value === 'maintenance',
    {},
    id,
  );
  await new Promise((r) => setTimeout(r, 500));
  const f = await t.pool.query('SELECT follow_up FROM inspection_findings WHERE id = $1', [id]);
  expect(f.rows[0].follow_up).toBe('maintenance');
  expect(await officerPage.$eval('#pk-insp-csv', (a) => a.getAttribute('href'))).toBe(
    `/api/inspections/${inspectionId}/findings.csv`,
  );
  if (SHOTS)
    await officerPage.screenshot({ path: path.join(IMG, 'inspection-officer.png') as `${string}.png` });
});

test('WCAG 2.1 AA: axe-core on the section (Dutch and English) and the phone page', async () => {
  await officerPage.$eval('.pk-insp-checklist', (d) => ((d as HTMLDetailsElement).open = true));
  expect(await axeViolations(officerPage)).toEqual([]);
  expect(await axeViolations(phone)).toEqual([]);
  await officerPage.goto(`${app.url}/intern.html?lang=en&inspection=${inspectionId}`, { waitUntil: 'load' });
  await officerPage.waitForSelector('#pk-insp-findings tbody tr', { timeout: 30_000 });
  await officerPage.click('#pk-inspections-section > summary');
  expect(await officerPage.$eval('#pk-inspections-section h2', (e) => e.textContent)).toBe(
    'Street inspections',
  );
  expect(await officerPage.$eval('#pk-insp-submit', (e) => e.textContent)).toBe('Plan inspection');
  expect(await officerPage.$eval('#pk-insp-findings thead', (e) => e.textContent)).toContain('Follow-up');
  expect(await axeViolations(officerPage)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("a planner's page: base map and the inspection section only, and no victim's address in anything it receives", async () => {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const answers: string[] = [];
  const paths: string[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    paths.push(u.pathname);
    if (u.pathname.startsWith('/api/') && r.request().method() !== 'OPTIONS')
      void r.text().then(
        (x) => answers.push(x),
        () => undefined,
      );
  });
  await signIn(page, member, `${app.url}/intern.html?inspection=${inspectionId}`);
  await page.waitForSelector('#pk-insp-findings tbody tr', { timeout: 30_000 });
  const visible = await page.$$eval('#pk-panel > details', (ds) =>
    ds.filter((d) => !d.hidden).map((d) => d.id),
  );
  expect(visible.sort()).toEqual(['pk-account', 'pk-inspections-section']);
  expect(await page.$eval('.pk-toolbar', (e) => (e as HTMLElement).hidden)).toBe(true);
  // Only the team endpoints and the base map: nothing of the officers' figures or tiles.
  expect(
    paths.filter((p) =>
      /^\/(tiles\/(incidents|streets)|api\/(streets|clusters|risk-zones|incidents|near-repeat|letters|campaigns|effect|evenings))/.test(
        p,
      ),
    ),
  ).toEqual([]);
  expect(await page.$('#pk-chk-form')).toBeNull();
  expect(await axeViolations(page)).toEqual([]);
  await new Promise((r) => setTimeout(r, 300));
  const victims = await t.pool.query<{ street: string; nr: number; postcode: string | null }>(
    `SELECT a.street_name AS street, a.huisnummer AS nr, a.postcode FROM incidents i JOIN addresses a ON a.id = i.address_id`,
  );
  expect(victims.rows.length).toBeGreaterThan(10);
  const all = answers.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  for (const v of victims.rows) {
    expect(all).not.toMatch(new RegExp(`${v.street}\\s+${v.nr}\\b`));
    if (v.postcode) expect(all).not.toContain(v.postcode);
  }
  await ctx.close();
});
