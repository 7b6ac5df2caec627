/**
 * The public map embedded in another site: a page served from another loopback origin frames
 * `/?embed=1` (the snippet of docs/readme/residents.md). Where that origin is listed in
 * PUBLIC_EMBED_ORIGINS the map renders inside the iframe (no page chrome: body.pk-embed); from an
 * origin that is not listed the browser refuses to show it (CSP frame-ancestors).
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Frame } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { buildApp } from '../../server/app';
import { useTestDatabase } from '../helpers/db';

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
<iframe src="${appUrl}/?embed=1&gemeente=GM0503" title="Inbraken per straat" width="600" height="450" style="border:0" loading="lazy"></iframe></body></html>`,
    );
  });
}
async function listen(s: http.Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, host, () => resolve()));
  return `http://${host}:${(s.address() as AddressInfo).port}`;
}

useTestDatabase();

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
  const a = hostPage();
  const b = hostPage();
  hosts.push(a, b);
  allowed = await listen(a, '127.0.0.2');
  refused = await listen(b, '127.0.0.3');
  // The app as deployed with PUBLIC_EMBED_ORIGINS=<allowed> (its port is known only now).
  appServer = buildApp({ PUBLIC_EMBED_ORIGINS: [allowed] }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => appServer!.once('listening', () => resolve()));
  appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
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
    expect(frame!.url()).toContain('/?embed=1');
  } finally {
    await close();
  }
}, 60000);

test('a site not listed in PUBLIC_EMBED_ORIGINS is refused by the browser', async () => {
  const res = await fetch(`${appUrl}/?embed=1`);
  expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${allowed}`);
  const { frame, close } = await mapFrame(refused);
  try {
    // Chromium replaces a refused frame by its error page: no map document in it.
    await new Promise((r) => setTimeout(r, 1500));
    const hasMap = frame
      ? await frame.evaluate(() => !!document.querySelector('.maplibregl-canvas')).catch(() => false)
      : false;
    expect(hasMap).toBe(false);
    expect(frame?.url() ?? '').not.toContain('/?embed=1');
  } finally {
    await close();
  }
}, 60000);
