/**
 * The link printed in a letter (and in its QR code) opens the recipient's street on the public
 * map, in the letter's language. Regression test of issue 8: `?street=75` was run as a search
 * for "75" ("Geen straat gevonden"). Two campaigns go through the real worker (Redis, Chromium):
 * an English one to a street shown on its own and a Dutch one to a street with too few homes,
 * which the map shows as its area. The URL is read from the print file's QR codes (pages
 * rendered with pdftoppm, decoded with jsQR), checked against the printed link (pdftotext), and
 * opened in headless Chromium against the built client (`npx vite build` first; npm test does).
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { config } from '../../server/core/config';
import { clearPublicCache } from '../../server/public/public.routes';
import type { AreasResponse, StreetsResponse } from '../../server/public/public.types';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { launchBrowser } from '../helpers/browser';
import { useTestDatabase } from '../helpers/db';
import { pdfQrCodes, pdfText } from '../helpers/pdf';

// Before the database's own afterAll (jest runs them in order): the worker ends before the pool.
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await closeLetterQueue();
});
// Each test renders letters (a cold Chromium in the worker) and opens the public map with
// software WebGL: on a loaded 2-core machine that took up to 105 s of the default 120 s.
jest.setTimeout(240_000);
const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let worker: ReturnType<typeof startLetterWorker>;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
  }
  // Letters link to this test server's public map.
  await t.pool.query(
    `UPDATE municipalities SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{publicMapUrl}', to_jsonb($1::text)) WHERE code = 'GM0503'`,
    [`${app.url}/`],
  );
  clearPublicCache();
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startLetterWorker();
  browser = await launchBrowser({ software: true });
});

/** Creates an evening invitation to one street, lets the worker render it, returns the print file. */
async function printedLetters(street: DemoStreet, language: 'nl' | 'en'): Promise<Uint8Array> {
  const res = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      kind: 'evening',
      language,
      selection: { streetIds: [street.id] },
      evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor, Phoenixstraat 16' },
    }),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: number };
  expect(await waitUntilDone(t.pool, id)).toEqual({ rendered: street.n });
  const pdf = await fetch(`${app.url}/api/campaigns/${id}/letters.pdf`, { headers: bearer(officer) });
  expect(pdf.status).toBe(200);
  return new Uint8Array(await pdf.arrayBuffer());
}

/** The link a recipient follows: the QR code of every page, the same on each and the same as the printed link. */
function letterLink(pdf: Uint8Array): string {
  const printed = printedUrl(pdfText(pdf));
  const scanned = pdfQrCodes(pdf);
  expect(scanned.length).toBeGreaterThan(0);
  for (const code of scanned) expect(code).toBe(printed);
  return scanned[0]!;
}

/** The one map link printed on every page (the letter wraps it with break-all, so lines are joined). */
function printedUrl(text: string): string {
  const origin = app.url.replace(/[.]/g, '\\.');
  const urls = new Set<string>();
  for (const page of text.split('\f').filter((p) => p.trim())) {
    const m = new RegExp(`${origin}/\\S*(?:\\n[^\\s]+)*`).exec(page);
    if (!m) throw new Error(`no link to ${app.url} on a page: ${page}`);
    urls.add(m[0].replace(/\n/g, ''));
  }
  expect(urls.size).toBe(1);
  return [...urls][0]!;
}

async function openMap(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', (e as Error).message));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.preventiekaart?.ready === true, { timeout: 60_000 });
  await page.waitForSelector('#pk-answer-text', { timeout: 30_000 });
  return page;
}

async function publicFigures(): Promise<{ streets: StreetsResponse; areas: AreasResponse }> {
  const streets = (await (await fetch(`${app.url}/api/public/GM0503/streets`)).json()) as StreetsResponse;
  const areas = (await (await fetch(`${app.url}/api/public/GM0503/areas`)).json()) as AreasResponse;
  return { streets, areas };
}

test('an English letter links to its street on the public map, in English', async () => {
  const { streets } = await publicFigures();
  const shown = new Set(streets.streets.filter((s) => !s.merged).map((s) => s.id));
  const byName = new Map<string, number>();
  for (const s of streets.streets) byName.set(s.name, (byName.get(s.name) ?? 0) + 1);
  // A street shown on its own, whose name is not shared: the page must open it by id, not by a guess.
  const street = (await demoStreets(t.pool, 8, 20)).find((s) => shown.has(s.id) && byName.get(s.name) === 1)!;
  expect(street).toBeDefined();

  const url = letterLink(await printedLetters(street, 'en'));
  const page = await openMap(url);
  try {
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await page.$eval('h1', (e) => e.textContent)).toContain('Burglaries');
    const answer = await page.$eval('#pk-answer-text', (e) => e.textContent ?? '');
    expect(answer).toContain(`In ${street.name}:`);
    expect(await page.$eval('#pk-answer h2', (e) => e.textContent)).toBe(street.name);
    // The street is the selected one on the map, and the map has moved to it.
    const selected = await page.evaluate(() =>
      JSON.stringify(window.preventiekaart!.map.getFilter('streets-selected')),
    );
    expect(selected).toBe(JSON.stringify(['==', ['get', 'id'], street.id]));
  } finally {
    await page.close();
  }
});

test('a Dutch letter to a street with too few homes links to its area on the public map', async () => {
  const { streets, areas } = await publicFigures();
  const visibleAreas = new Map(areas.areas.filter((a) => !a.hidden && a.bbox).map((a) => [a.key, a]));
  const merged = new Map(
    streets.streets.filter((s) => s.merged && visibleAreas.has(s.areaKey)).map((s) => [s.id, s]),
  );
  const street = (await demoStreets(t.pool, 1, 7)).find((s) => merged.has(s.id))!;
  expect(street).toBeDefined();
  const area = visibleAreas.get(merged.get(street.id)!.areaKey)!;

  const url = letterLink(await printedLetters(street, 'nl'));
  const page = await openMap(url);
  try {
    expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
    const answer = await page.$eval('#pk-answer-text', (e) => e.textContent ?? '');
    expect(answer).toContain(`De ${street.name} heeft te weinig woningen`);
    // The area is the one chosen in the area panel, and the map is centred on all of it.
    expect(await page.$eval('#pk-area', (e) => (e as HTMLSelectElement).value)).toBe(area.key);
    await page.waitForFunction(
      (b: [number, number, number, number]) => {
        const m = window.preventiekaart!.map;
        if (m.isMoving()) return false;
        const v = m.getBounds();
        const c = m.getCenter();
        const contains =
          v.getWest() <= b[0] + 1e-4 &&
          v.getSouth() <= b[1] + 1e-4 &&
          v.getEast() >= b[2] - 1e-4 &&
          v.getNorth() >= b[3] - 1e-4;
        return contains && c.lng >= b[0] && c.lng <= b[2] && c.lat >= b[1] && c.lat <= b[3];
      },
      { timeout: 10_000 },
      area.bbox!,
    );
  } finally {
    await page.close();
  }
});
