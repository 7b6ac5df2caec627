/**
 * End to end: the built public map (dist/, `npx vite build`) served by the real app, in
 * headless Chromium. Renders the demo (synthetic burglaries), searches a postcode, opens the
 * table, and checks every network response for house numbers, incident ids and incident
 * coordinates. Any request to a host other than the app fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { useTestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { useTestDatabase } from '../helpers/db';
import { insertSyntheticIncidents, type SyntheticIncident } from '../helpers/synthetic-incidents';

const t = useTestDatabase();
const app = useTestApp();

let browser: Browser;
let page: Page;
let incidents: SyntheticIncident[];
const outside: string[] = [];
const responses: Array<{ url: string; status: number; body: Buffer }> = [];
const pending: Array<Promise<void>> = [];

const FORBIDDEN_KEYS =
  /^(huisnummer|huisletter|toevoeging|house_?number|address(_?id)?|external_?id|incident_?id|occurred_(from|to)|geom|lat|lon|lng)$/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
  }
  incidents = await insertSyntheticIncidents(t.pool, { municipalityCode: 'GM0503', count: 300, seed: 11 });
  browser = await launchBrowser({ software: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  // Every request the page (or its map worker) makes is recorded; anything not on the app's
  // origin fails the test. The browser cannot reach other hosts anyway (host-resolver-rules),
  // so a leak shows up here instead of silently loading. Request interception is not used:
  // it leaves the map worker's requests hanging.
  const origin = new URL(app.url).origin;
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return;
    outside.push(u);
  });
  // The server's Content-Security-Policy blocks other hosts before any request is made, in
  // the page and in the map's worker alike; the browser log (CDP Log domain, which sees
  // workers too) reports each blocked attempt, so those count as outside requests as well.
  const cdp = await page.createCDPSession();
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', (e: { entry: { text: string } }) => {
    if (/Content Security Policy|Refused to (connect|load)/.test(e.entry.text)) outside.push(e.entry.text);
  });
  page.on('console', (m) => {
    if (process.env.E2E_DEBUG) console.log('page:', m.text());
  });
  page.on('pageerror', (e) => console.log('pageerror:', (e as Error).message));
  page.on('response', (res) => {
    pending.push(
      (async () => {
        let body = Buffer.alloc(0);
        try {
          if (res.status() !== 204 && res.status() !== 304 && res.request().method() !== 'OPTIONS')
            body = Buffer.from(await res.buffer());
        } catch {
          // a body that is gone (redirect, aborted) has nothing to leak
        }
        responses.push({ url: res.url(), status: res.status(), body });
      })(),
    );
  });
});

afterAll(async () => {
  await browser?.close();
});

test("the public map renders street features from the project's own tiles", async () => {
  await page.goto(`${app.url}/`, { waitUntil: 'load' });
  await page
    .waitForFunction(() => window.preventiekaart?.ready === true, { timeout: 60_000 })
    .catch((e: unknown) => {
      console.log('not ready', outside, responses.map((r) => `${r.status} ${r.url}`).join('\n'));
      throw e;
    });
  await page.waitForFunction(
    () =>
      (window.preventiekaart?.map.queryRenderedFeatures({
        layers: ['streets-count', 'streets-none', 'streets-merged'],
      }).length ?? 0) > 20,
    { timeout: 30_000 },
  );
  const features = await page.evaluate(() =>
    window
      .preventiekaart!.map.queryRenderedFeatures({
        layers: ['streets-count', 'streets-none', 'streets-merged'],
      })
      .map((f) => ({
        type: f.geometry.type,
        keys: Object.keys(f.properties).sort(),
        band: f.properties.band as string,
      })),
  );
  // Streets only, as lines: never a point, never an incident.
  expect(new Set(features.map((f) => f.type))).toEqual(
    new Set(['LineString', 'MultiLineString'].filter((x) => features.some((f) => f.type === x))),
  );
  expect(features.every((f) => f.keys.every((k) => ['id', 'name', 'band', 'n'].includes(k)))).toBe(true);
  expect(features.some((f) => ['few', 'low', 'mid', 'high'].includes(f.band))).toBe(true);

  // The screenshot is not blank: decode it in the page and count colours.
  const png = await page.screenshot({ encoding: 'base64', clip: { x: 0, y: 0, width: 900, height: 800 } });
  const colours = await page.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, png as string);
  expect(colours).toBeGreaterThan(200);

  // Synthetic data is labelled; the attribution is on the map.
  expect(await page.$eval('#pk-demo', (e) => (e as HTMLElement).hidden)).toBe(false);
  expect(await page.$eval('.maplibregl-ctrl-attrib', (e) => e.textContent)).toContain('OpenStreetMap');
});

test('postcode search answers for the street, with advice', async () => {
  // A postcode of a street with synthetic burglaries, typed with a house number.
  const r = await t.pool.query<{ postcode: string; huisnummer: number; name: string }>(
    `SELECT a.postcode, a.huisnummer, s.name FROM incidents i JOIN addresses a ON a.id = i.address_id JOIN streets s ON s.id = a.street_id
     WHERE i.source = 'demo' AND a.postcode IS NOT NULL GROUP BY a.postcode, a.huisnummer, s.name ORDER BY count(*) DESC LIMIT 1`,
  );
  const { postcode, huisnummer, name } = r.rows[0]!;
  await page.click('#pk-q', { count: 3 });
  await page.type('#pk-q', `${postcode} ${huisnummer}`);
  await page.click('#pk-search button[type=submit]');
  await page.waitForSelector('#pk-answer-text', { timeout: 15_000 });
  const answer = await page.$eval('#pk-answer-text', (e) => e.textContent ?? '');
  expect(answer).toContain(name);
  expect(answer).toMatch(/inbra|burglar|woningen|homes/i);
  expect(answer).not.toContain(String(huisnummer) + ' ');
  expect(await page.$$eval('#pk-advice-list li', (li) => li.length)).toBeGreaterThan(3);
  expect(new URL(page.url()).searchParams.get('postcode')).toBe(
    `${postcode.slice(0, 4)} ${postcode.slice(4)}`,
  );
});

test('the table alternative lists every street and sorts', async () => {
  await page.click('#pk-table-toggle');
  await page.waitForSelector('#pk-table tbody tr');
  expect(await page.$eval('#pk-table-toggle', (e) => e.getAttribute('aria-expanded'))).toBe('true');
  const rows = await page.$$eval('#pk-table tbody tr', (tr) => tr.length);
  expect(rows).toBeGreaterThan(100);
  await page.click('#pk-table th button[data-sort="name"]');
  const sort = await page.$eval('#pk-table th[aria-sort]', (th) => [
    th.textContent,
    th.getAttribute('aria-sort'),
  ]);
  expect(sort[1]).toBe('ascending');
  const names = await page.$$eval('#pk-table tbody th', (th) =>
    th.slice(0, 5).map((x) => x.textContent ?? ''),
  );
  expect([...names].sort((a, b) => a.localeCompare(b, 'nl'))).toEqual(names);
});

test('WCAG 2.1 AA: axe-core finds no violations on the page with search answer and table open', async () => {
  expect(await axeViolations(page)).toEqual([]);
});

test('English is switchable', async () => {
  await page.click('#pk-lang');
  expect(await page.$eval('h1', (e) => e.textContent)).toContain('Burglaries');
  expect(await page.$eval('html', (e) => e.lang)).toBe('en');
});

test('no response carries a house number, an incident id or incident coordinates; nothing loads from elsewhere', async () => {
  await Promise.all(pending);
  expect(outside).toEqual([]);
  const api = responses.filter((r) => /\/(api|tiles|fonts)\//.test(new URL(r.url).pathname));
  expect(api.some((r) => r.url.includes('/tiles/public/'))).toBe(true);
  expect(api.some((r) => r.url.includes('/tiles/basemap/'))).toBe(true);
  expect(api.some((r) => r.url.includes('/fonts/'))).toBe(true);
  expect(api.some((r) => r.url.includes('/search?'))).toBe(true);
  const coords = incidents.flatMap((i) => [String(i.lon).slice(0, 8), String(i.lat).slice(0, 9)]);
  for (const r of responses) {
    const text = r.body.toString('latin1');
    expect(text).not.toContain('TESTREG-');
    if (!api.includes(r)) continue;
    for (const c of coords)
      if (text.includes(c))
        throw new Error(
          `${r.url} contains incident coordinate ${c}: ${text.slice(Math.max(0, text.indexOf(c) - 80), text.indexOf(c) + 40)}`,
        );
    if (r.url.includes('/api/')) {
      const keys = keysOf(JSON.parse(text));
      const bad = keys.filter((k) => FORBIDDEN_KEYS.test(k));
      if (bad.length) throw new Error(`${r.url} carries ${bad.join(', ')}`);
    }
  }
  const search = api.find((r) => r.url.includes('/search?'))!;
  const typed = new URL(search.url).searchParams.get('q')!;
  const houseNumber = typed.split(' ').pop()!;
  expect(search.body.toString()).not.toMatch(new RegExp(`[^0-9]${houseNumber}[^0-9]`));
});
