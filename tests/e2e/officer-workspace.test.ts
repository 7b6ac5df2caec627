/**
 * An officer's day in the workspace, end to end, on the English page (`?lang=en`), in headless
 * Chromium against the built client (`npx vite build` first; npm test does), the real app, a real
 * letter worker (Redis, Chromium) and the demo data: sign in with a password and a code from the
 * authenticator app; draw a polygon over two demo streets, see the live count and the addresses
 * left out by the repeat rule change when the polygon changes; open the preview of the first
 * letter; confirm; watch the pushed progress (server-sent events, no polling) reach 100 %; find
 * the campaign in the list and both streets in the history and on the map's letter layer;
 * download the print file and check its page count against the database. axe-core checks every
 * section of the page in English and in Dutch.
 *
 * WORKSPACE_SCREENSHOTS=docs/img saves the screens shown in docs/readme/officer-map.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { authenticator } from 'otplib';
import type { Browser, Page } from 'puppeteer-core';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { config } from '../../server/core/config';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { waitUntilDone } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText, squash } from '../helpers/pdf';

// Before the database's own afterAll (jest runs them in order): the worker ends before the pool.
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await closeLetterQueue();
});
const t = useTestDatabase();
const app = useTestApp();
let browser: Browser;
let page: Page;
let officer: TestUser;
let secret: string;
let worker: ReturnType<typeof startLetterWorker>;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
const requests: string[] = [];
const shots = process.env.WORKSPACE_SCREENSHOTS;
/** Saves a screenshot of the page, or of one element, when WORKSPACE_SCREENSHOTS names a folder. */
async function shoot(name: string, selector?: string): Promise<void> {
  if (!shots) return;
  const file = path.join(shots, name) as `${string}.png`;
  if (selector) await (await page.$(selector))!.screenshot({ path: file });
  else await page.screenshot({ path: file });
}

/** Two streets of the demo area next to each other, each with a handful of homes. */
interface Pair {
  a: { id: number; name: string };
  b: { id: number; name: string };
}
let pair: Pair;

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'intern.html')))
    throw new Error('dist/intern.html is missing: run `npx vite build` before the e2e tests');
  const { rows } = await t.pool.query<{ id: number }>("SELECT id FROM municipalities WHERE code = 'GM0503'");
  await generateDemoIncidents(t.pool, rows[0]!.id);
  officer = await createTestUser(t.pool, { role: 'officer' });
  // Two-factor sign-in switched on for this officer, as a user does it in "My account".
  const start = (await (
    await fetch(`${app.url}/api/account/totp`, {
      method: 'POST',
      headers: { ...bearer(officer), 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { secret: string };
  secret = start.secret;
  const confirmed = await fetch(`${app.url}/api/account/totp/confirm`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({ code: authenticator.generate(secret) }),
  });
  expect(confirmed.status).toBe(200);

  // The pair of streets whose homes lie closest together (their hulls 15-80 m apart).
  const pairs = await t.pool.query<{ a: string; an: string; b: string; bn: string }>(
    `WITH s AS (
       SELECT s.id, s.name, ST_Collect(a.geom) AS g FROM streets s JOIN addresses a ON a.street_id = s.id
       WHERE a.residential GROUP BY s.id HAVING count(*) BETWEEN 6 AND 18 AND bool_and(a.postcode IS NOT NULL))
     SELECT x.id AS a, x.name AS an, y.id AS b, y.name AS bn FROM s x JOIN s y ON x.id < y.id
     WHERE ST_DWithin(x.g, y.g, 80) AND NOT ST_DWithin(ST_ConvexHull(x.g), ST_ConvexHull(y.g), 15)
     ORDER BY ST_Area(ST_ConvexHull(ST_Collect(x.g, y.g))), x.id LIMIT 1`,
  );
  const p = pairs.rows[0]!;
  pair = { a: { id: Number(p.a), name: p.an }, b: { id: Number(p.b), name: p.bn } };

  // Street A had an evening invitation a week ago: the repeat rule leaves its homes out.
  const earlier = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      kind: 'evening',
      template: 'prevention-evening',
      language: 'en',
      selection: { streetIds: [pair.a.id] },
      evening: { at: new Date(Date.now() + 20 * 86_400_000).toISOString(), location: 'Community centre' },
    }),
  });
  expect(earlier.status).toBe(201);
  const { id: earlierId } = (await earlier.json()) as { id: number };
  await t.pool.query("UPDATE campaigns SET created_at = now() - interval '7 days' WHERE id = $1", [
    earlierId,
  ]);
  worker = startLetterWorker();
  await waitUntilDone(t.pool, earlierId);

  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GL Driver')) consoleErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
});

async function waitForMap(): Promise<void> {
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
}

/** Opens every section of the side panel. */
async function openAll(): Promise<void> {
  await page.$$eval('details.pk-section', (all) =>
    all.forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );
}

test('sign in on the English page with a password and the code from the authenticator app', async () => {
  await page.goto(`${app.url}/intern.html?lang=en`, { waitUntil: 'load' });
  await page.waitForSelector('#pk-signin:not([hidden])');
  expect(await page.$eval('html', (e) => e.lang)).toBe('en');
  expect(await page.$eval('#pk-signin-title', (e) => e.textContent)).toBe('Sign in');
  expect(await page.$eval('#pk-lang', (e) => e.textContent)).toBe('Nederlands');
  expect(await axeViolations(page)).toEqual([]);

  await page.type('#pk-email', officer.email);
  await page.type('#pk-password', officer.password);
  await page.click('#pk-signin-form button[type=submit]');
  await page.waitForSelector('#pk-totp-row:not([hidden])', { timeout: 10_000 });
  expect(await page.$eval('#pk-signin-error', (e) => e.textContent)).toBe(
    'Enter the code from your authenticator app.',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.type('#pk-totp', authenticator.generate(secret));
  await page.click('#pk-signin-form button[type=submit]');
  await waitForMap();
  expect(await page.$eval('#pk-letters summary h2', (e) => e.textContent)).toBe('Send letters');
  expect(await page.$eval('#pk-municipality', (e) => e.textContent)).toContain('Delft');
  // Every fixed text of the page had an English text (translatePage reports a missing key).
  expect(consoleErrors.filter((l) => l.includes('no text for'))).toEqual([]);
});

/** Screen points (page pixels) of a polygon around the residential addresses of `streetIds`. */
async function hullOnScreen(streetIds: number[]): Promise<Array<[number, number]>> {
  const { rows } = await t.pool.query<{ ring: string; bbox: string }>(
    `WITH h AS (
       SELECT ST_Transform(ST_SimplifyPreserveTopology(ST_Buffer(ST_ConvexHull(ST_Collect(geom)), 12, 2), 6), 4326) AS g
       FROM addresses WHERE residential AND street_id = ANY($1))
     SELECT ST_AsGeoJSON(g) AS ring, ST_AsGeoJSON(ST_Envelope(g)) AS bbox FROM h`,
    [streetIds],
  );
  const ring = (JSON.parse(rows[0]!.ring) as { coordinates: Array<Array<[number, number]>> }).coordinates[0]!;
  return page.evaluate((coords: Array<[number, number]>) => {
    const m = window.preventiekaartIntern!.map;
    const r = m.getCanvas().getBoundingClientRect();
    return coords.slice(0, -1).map((c) => {
      const p = m.project(c);
      return [r.left + p.x, r.top + p.y] as [number, number];
    });
  }, ring);
}

/** Draws a polygon by clicking its corners and the first corner again. */
async function draw(points: Array<[number, number]>): Promise<void> {
  await page.click('#pk-area-draw');
  for (const [x, y] of [...points, points[0]!]) {
    const hit = await page.evaluate(
      (px: number, py: number) => document.elementFromPoint(px, py)?.classList.contains('maplibregl-canvas'),
      x,
      y,
    );
    if (!hit) throw new Error(`corner ${x},${y} is not on the map canvas`);
    await page.mouse.move(x, y, { steps: 3 });
    await page.mouse.click(x, y);
    await new Promise((r) => setTimeout(r, 150));
  }
}

interface Counted {
  letters: number;
  excluded: number;
  dbLetters: number;
  dbExcluded: number;
}

/** The live preview for the drawn polygon, and the same counts straight from the database. */
async function previewOfDrawn(): Promise<Counted> {
  const drawn = await (
    await page.waitForFunction(() => window.preventiekaartIntern!.drawnArea(), { timeout: 10_000 })
  ).jsonValue();
  await page.waitForFunction(
    (p: string) =>
      document.getElementById('pk-preview')?.dataset.state === 'ready' &&
      window.preventiekaartIntern!.preview() !== null &&
      JSON.stringify(window.preventiekaartIntern!.drawnArea()) === p,
    { timeout: 30_000 },
    JSON.stringify(drawn),
  );
  // The preview asked after the last change (debounced) is the one shown.
  await new Promise((r) => setTimeout(r, 900));
  const shown = await page.evaluate(() => window.preventiekaartIntern!.preview()!);
  const { rows } = await t.pool.query<{ inside: number; excluded: number }>(
    `WITH inside AS (
       SELECT a.id FROM addresses a
       WHERE a.residential AND ST_Within(a.geom, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), 28992)))
     SELECT (SELECT count(*)::int FROM inside) AS inside,
            (SELECT count(DISTINCT i.id)::int FROM inside i JOIN letters l ON l.address_id = i.id
               JOIN campaigns c ON c.id = l.campaign_id
             WHERE c.kind = 'evening' AND c.cancelled_at IS NULL AND l.status IN ('pending', 'rendered')
               AND c.created_at > now() - make_interval(days => $2)) AS excluded`,
    [JSON.stringify(drawn), config().LETTER_REPEAT_DAYS],
  );
  return {
    letters: shown.letters,
    excluded: shown.excluded.length,
    dbLetters: rows[0]!.inside - rows[0]!.excluded,
    dbExcluded: rows[0]!.excluded,
  };
}

let campaignId = 0;

test('draw a polygon over two streets: the live count and the left-out addresses follow the polygon', async () => {
  await page.click('input[name="pk-target"][value="area"]');
  await page.select('#pk-kind', 'evening');
  await page.$eval('#pk-evening-at', (e) => ((e as HTMLInputElement).value = '2026-12-15T19:30'));
  await page.type('#pk-evening-location', 'Community centre De Hofstee');
  await page.select('#pk-language', 'en');
  // Zoom to the two streets, so their homes are well apart on the screen.
  const { rows } = await t.pool.query<{ box: string }>(
    `SELECT ST_AsGeoJSON(ST_Transform(ST_Envelope(ST_Collect(geom)), 4326)) AS box FROM addresses
     WHERE residential AND street_id = ANY($1)`,
    [[pair.a.id, pair.b.id]],
  );
  const ring = (JSON.parse(rows[0]!.box) as { coordinates: Array<Array<[number, number]>> }).coordinates[0]!;
  // Clear of the legend (bottom left) and the map's buttons (top right).
  await page.evaluate((r: Array<[number, number]>) => {
    const map = document.getElementById('pk-map')!.getBoundingClientRect();
    const legend = document.getElementById('pk-legend')!.getBoundingClientRect();
    window.preventiekaartIntern!.map.fitBounds([r[0]!, r[2]!], {
      padding: { top: 120, bottom: 120, left: legend.right - map.left + 60, right: 140 },
      duration: 0,
      maxZoom: 18,
    });
  }, ring);
  await new Promise((r) => setTimeout(r, 1500));

  // First only street B: nothing left out.
  await draw(await hullOnScreen([pair.b.id]));
  const onlyB = await previewOfDrawn();
  expect(onlyB.letters).toBe(onlyB.dbLetters);
  expect(onlyB.excluded).toBe(onlyB.dbExcluded);
  expect(onlyB.excluded).toBe(0);
  expect(onlyB.letters).toBeGreaterThan(0);
  expect(await page.$eval('#pk-preview', (e) => e.textContent)).toContain('get a letter');

  // Then both streets: more letters, and street A's homes (written to a week ago) left out.
  await draw(await hullOnScreen([pair.a.id, pair.b.id]));
  const both = await previewOfDrawn();
  expect(both.letters).toBe(both.dbLetters);
  expect(both.excluded).toBe(both.dbExcluded);
  expect(both.excluded).toBeGreaterThan(0);
  expect(both.letters).toBeGreaterThanOrEqual(onlyB.letters);
  const streets = await page.evaluate(() => window.preventiekaartIntern!.preview()!.streets.map((s) => s.id));
  expect(streets).toEqual(expect.arrayContaining([pair.b.id]));
  expect(await page.$eval('#pk-preview', (e) => e.textContent)).toMatch(/left out: they had this letter/);
  expect(await page.$eval('#pk-letter-submit', (e) => e.textContent)).toBe(`Create ${both.letters} letters`);
  await shoot('officer-draw-preview.png');
  // Nothing was created by looking.
  expect((await t.pool.query('SELECT 1 FROM campaigns')).rowCount).toBe(1);

  // The first letter as it will be printed.
  await page.click('#pk-preview-letter');
  await page.waitForSelector('#pk-preview-image img', { timeout: 60_000 });
  expect(
    await page.$eval(
      '#pk-preview-image img',
      (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth,
    ),
  ).toBe(794);
  expect(await page.$eval('#pk-preview-image figcaption', (e) => e.textContent)).toContain(
    'as it will be printed',
  );

  // Confirm, and follow the pushed progress to 100 %.
  const before = requests.length;
  await page.click('#pk-letter-submit');
  await page.waitForSelector('#pk-campaign[data-campaign-id]', { timeout: 30_000 });
  campaignId = Number(await page.$eval('#pk-campaign', (e) => (e as HTMLElement).dataset.campaignId));
  await page.waitForSelector('#pk-campaign[data-status="done"]', { timeout: 240_000 });
  const progress = await page.$eval('#pk-campaign progress', (p) => [
    (p as HTMLProgressElement).value,
    (p as HTMLProgressElement).max,
  ]);
  expect(progress[0]).toBe(progress[1]);
  expect(progress[1]).toBe(both.letters);
  expect(await page.$eval('#pk-campaign h3', (e) => e.textContent)).toBe(`Campaign ${campaignId}: done`);
  const asked = requests.slice(before);
  expect(asked).toContain(`/api/campaigns/${campaignId}/events`);
  // Pushed, not polled: the page never asked for the campaign's status by itself.
  expect(asked.filter((p) => p === `/api/campaigns/${campaignId}`)).toEqual([]);
  const { rows: made } = await t.pool.query<{ total: number; rendered: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'excluded')::int AS total,
            count(*) FILTER (WHERE status = 'rendered')::int AS rendered FROM letters WHERE campaign_id = $1`,
    [campaignId],
  );
  expect(made[0]).toEqual({ total: both.letters, rendered: both.letters });
  await shoot('officer-campaign-done.png', '#pk-letters');
});

test('the campaign is in the list, both streets are in the history and on the map, the print file has one page per letter', async () => {
  await openAll();
  await page.waitForSelector(`#pk-campaigns tr[data-campaign-id="${campaignId}"]`, { timeout: 30_000 });
  const row = await page.$eval(
    `#pk-campaigns tr[data-campaign-id="${campaignId}"]`,
    (e) => e.textContent ?? '',
  );
  expect(row).toContain('Evening invitation');
  for (const s of [pair.a, pair.b])
    await page.waitForSelector(`#pk-street-letters tr[data-street-id="${s.id}"]`, { timeout: 30_000 });
  await page.click(`#pk-street-letters tr[data-street-id="${pair.b.id}"] button`);
  await page.waitForFunction(
    (id: number) => document.getElementById('pk-street-history')?.textContent?.includes(`campaign ${id}`),
    { timeout: 10_000 },
    campaignId,
  );
  // The map's letter layer: both streets, coloured as written to in the last 7 days.
  const age = await page.evaluate(() => window.preventiekaartIntern!.letterAge());
  const days = new Map(age);
  expect(days.get(pair.a.id)).toBe(7);
  expect(days.get(pair.b.id)).toBe(0);
  await page.waitForFunction(
    (ids: number[]) => {
      const m = window.preventiekaartIntern!.map;
      const drawn = new Set(m.queryRenderedFeatures({ layers: ['letters'] }).map((f) => f.properties.id));
      return ids.every((id) => drawn.has(id));
    },
    { timeout: 30_000 },
    [pair.b.id],
  );

  // The print file from the list's link.
  const href = await page.$eval(`#pk-campaigns tr[data-campaign-id="${campaignId}"] a`, (a) =>
    (a as HTMLAnchorElement).getAttribute('href'),
  );
  expect(href).toBe(`/api/campaigns/${campaignId}/letters.pdf`);
  const bytes = await page.evaluate(async (u: string) => {
    const r = await fetch(u);
    return [...new Uint8Array(await r.arrayBuffer())];
  }, href!);
  const pdf = Uint8Array.from(bytes);
  const { rows } = await t.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM letters WHERE campaign_id = $1 AND status = 'rendered'",
    [campaignId],
  );
  expect(pdfPages(pdf)).toBe(rows[0]!.n);
  expect(squash(pdfText(pdf))).toContain(pair.b.name);
  await shoot('officer-sent-letters.png', '#pk-campaigns-section');
  await shoot('officer-letter-layer.png', '#pk-map');
});

test('My account: a new API token works at once and stops working when revoked in the page', async () => {
  await openAll();
  await page.type('#pk-token-name', 'nightly export');
  await page.click('#pk-token-form button[type=submit]');
  await page.waitForFunction(
    () => /New token/.test(document.getElementById('pk-token-new')?.textContent ?? ''),
    {
      timeout: 10_000,
    },
  );
  const token = (await page.$eval('#pk-token-new', (e) => e.textContent ?? '')).split(': ').pop()!.trim();
  const asToken = () => fetch(`${app.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
  expect((await asToken()).status).toBe(200);
  const row = await page.waitForSelector('#pk-tokens tr:has(td) >>> ::-p-text(nightly export)', {
    timeout: 10_000,
  });
  expect(row).not.toBeNull();
  await page.click('#pk-tokens button[aria-label="Revoke token nightly export"]');
  await page.waitForFunction(() => /revoked/.test(document.getElementById('pk-tokens')?.textContent ?? ''), {
    timeout: 10_000,
  });
  expect((await asToken()).status).toBe(401);
  const { rows } = await t.pool.query(
    "SELECT 1 FROM audit_log WHERE action = 'token.revoke' AND user_id = $1",
    [officer.id],
  );
  expect(rows).toHaveLength(1);
});

test('WCAG 2.1 AA on every section, in English and in Dutch; the language button switches', async () => {
  await openAll();
  expect(await axeViolations(page)).toEqual([]);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#pk-lang')]);
  await waitForMap();
  expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
  expect(await page.$eval('#pk-letters summary h2', (e) => e.textContent)).toBe('Brieven versturen');
  await openAll();
  await page.waitForSelector(`#pk-campaigns tr[data-campaign-id="${campaignId}"]`, { timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);
  // A failed letter (marked so here, as the worker does after its last attempt) shows with its reason.
  const failed = await t.pool.query<{ id: string }>(
    `UPDATE letters SET status = 'failed', reason = 'printer test: template error', pdf_sha256 = NULL, pdf_page = NULL
     WHERE id = (SELECT min(id) FROM letters WHERE campaign_id = $1 AND status = 'rendered') RETURNING id`,
    [campaignId],
  );
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.reload()]);
  await waitForMap();
  await openAll();
  const row = `#pk-campaigns tr[data-campaign-id="${campaignId}"]`;
  await page.waitForSelector(`${row} details.pk-failures`, { timeout: 30_000 });
  await page.$eval(`${row} details.pk-failures`, (d) => ((d as HTMLDetailsElement).open = true));
  await page.waitForFunction(
    (sel: string, id: string) =>
      document.querySelector(sel)?.textContent?.includes(`brief ${id}: printer test: template error`),
    { timeout: 10_000 },
    `${row} details.pk-failures`,
    failed.rows[0]!.id,
  );
  expect(await page.$eval(`${row} button[aria-label^="Mislukte brieven"]`, (b) => b.textContent)).toBe(
    'Opnieuw proberen',
  );
  expect(consoleErrors.filter((l) => l.includes('no text for'))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
