/**
 * The public map embedded in another site: a page served from another loopback origin frames
 * `/embed/GM0503` (the snippet of docs/readme/residents.md). An admin puts that origin on Delft's
 * list over the API; then the map renders inside the iframe (no page chrome: body.pk-embed); from
 * an origin that is not listed the browser refuses to show it (CSP frame-ancestors). Another
 * municipality's embed page does not name Delft's sites.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Frame } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { buildApp } from '../../server/app';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser } from '../helpers/app';
import { ensureMunicipality } from '../../server/municipalities/municipalities.repo';

// Two other "sites" on loopback: 127.0.0.2 and 127.0.0.3 are loopback addresses too, and other
// origins than the app's 127.0.0.1. Only the first is an allowed embedder.
const hosts: http.Server[] = [];
let allowed = '';
let refused = '';
let appUrl = '';
let appServer: http.Server | undefined;
let browser: Browser;

function hostPage(): http.Server {
  return http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    // The snippet of docs/readme/residents.md.
    res.end(
      `<!doctype html><html lang="nl"><head><title>Gemeente</title></head><body><h1>Gemeente Delft</h1>
<iframe src="${appUrl}/embed/GM0503" title="Inbraken per straat" width="600" height="450" style="border:0" loading="lazy"></iframe></body></html>`,
    );
  });
}
async function listen(s: http.Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, host, () => resolve()));
  return `http://${host}:${(s.address() as AddressInfo).port}`;
}

const t = useTestDatabase();

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
  const a = hostPage();
  const b = hostPage();
  hosts.push(a, b);
  allowed = await listen(a, '127.0.0.2');
  refused = await listen(b, '127.0.0.3');
  appServer = buildApp().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => appServer!.once('listening', () => resolve()));
  appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
  // An admin lists the allowed site for Delft (its port is known only now).
  const admin = await createTestUser(t.pool, { role: 'admin' });
  const put = await fetch(`${appUrl}/api/municipalities/GM0503/embed-origins`, {
    method: 'PUT',
    headers: { ...bearer(admin), 'content-type': 'application/json' },
    body: JSON.stringify({ origins: [`${allowed}/`] }),
  });
  expect(put.status).toBe(200);
  expect(((await put.json()) as { origins: { origin: string }[] }).origins.map((o) => o.origin)).toEqual([
    allowed,
  ]);
  browser = await puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  appServer?.closeAllConnections();
  await Promise.all(
    [...hosts, ...(appServer ? [appServer] : [])].map(
      (h) => new Promise<void>((resolve) => h.close(() => resolve())),
    ),
  );
});

async function mapFrame(
  host: string,
): Promise<{ frame: Frame | undefined; refusedLog: boolean; close: () => Promise<void> }> {
  const page = await browser.newPage();
  let refusedLog = false;
  page.on('console', (m) => {
    if (/frame-ancestors|Refused to frame/i.test(m.text())) refusedLog = true;
  });
  await page.goto(host, { waitUntil: 'load' });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return { frame, refusedLog, close: () => page.close() };
}

test('an allowed site shows the map in its iframe, without the page around it', async () => {
  const { frame, close } = await mapFrame(allowed);
  try {
    expect(frame).toBeDefined();
    await frame!.waitForSelector('body.pk-embed .maplibregl-canvas', { timeout: 30000 });
    expect(frame!.url()).toContain('/embed/GM0503');
    // The map of Delft, without the page around it.
    expect(await frame!.$eval('body', (b) => b.classList.contains('pk-embed'))).toBe(true);
  } finally {
    await close();
  }
}, 60000);

test("a site not on the municipality's list is refused by the browser", async () => {
  const res = await fetch(`${appUrl}/embed/GM0503`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toMatch(
    new RegExp(`frame-ancestors 'self' ${allowed}(;|$)`),
  );
  expect(res.headers.get('x-frame-options')).toBeNull();
  // Another municipality's map is framed by its own list (empty here): not by Delft's sites.
  await ensureMunicipality(t.pool, { code: 'GM0599', name: 'Rotterdam' });
  const other = await fetch(`${appUrl}/embed/GM0599`);
  expect(other.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
  expect((await fetch(`${appUrl}/embed/GM9998`)).status).toBe(404);
  const { frame, close } = await mapFrame(refused);
  try {
    // Chromium replaces a refused frame by its error page: no map document in it.
    await new Promise((r) => setTimeout(r, 1500));
    const hasMap = frame
      ? await frame.evaluate(() => !!document.querySelector('.maplibregl-canvas')).catch(() => false)
      : false;
    expect(hasMap).toBe(false);
    expect(frame?.url() ?? '').not.toContain('/embed/GM0503');
  } finally {
    await close();
  }
}, 60000);
