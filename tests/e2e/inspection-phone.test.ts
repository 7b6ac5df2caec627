/**
 * The phone page of a street inspection (issue 11) in headless Chromium at 390 x 844: a team
 * member (a planner) signs in, sees the streets in walking order with the checklist, records two
 * findings while the browser is offline (they wait in IndexedDB, the page says so), goes online,
 * and the server holds both findings exactly once. Needs the built client (`npx vite build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { authenticator } from 'otplib';
import type { Browser, Page } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let member: TestUser;
let browser: Browser;
let page: Page;
let inspectionId: number;
let walkOrder: string[];
let memberSecret: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'inspectie.html'))) {
    throw new Error('dist/inspectie.html is missing: run `npx vite build` first (npm test does)');
  }
  officer = await createTestUser(t.pool, { role: 'officer' });
  member = await createTestUser(t.pool, { role: 'planner' });
  // The team member signs in with two factors, as on the officers' page.
  const enrol = (await (
    await fetch(`${app.url}/api/account/totp`, {
      method: 'POST',
      headers: { ...bearer(member), 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { secret: string };
  memberSecret = enrol.secret;
  const confirmed = await fetch(`${app.url}/api/account/totp/confirm`, {
    method: 'POST',
    headers: { ...bearer(member), 'content-type': 'application/json' },
    body: JSON.stringify({ code: authenticator.generate(memberSecret) }),
  });
  expect(confirmed.status).toBe(200);
  const { rows } = await t.pool.query<{ id: number }>(
    `SELECT id::int FROM streets WHERE name IN ('Mekelweg', 'Schoemakerstraat') ORDER BY id`,
  );
  const headers = { ...bearer(officer), 'content-type': 'application/json' };
  const created = await fetch(`${app.url}/api/inspections`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Schouw TU-wijk',
      startsAt: '2026-04-01T19:00:00+02:00',
      team: { userIds: [member.id], names: ['Buurtpreventie Jan'] },
      selection: { streetIds: rows.map((r) => r.id) },
    }),
  });
  expect(created.status).toBe(201);
  inspectionId = ((await created.json()) as { id: number }).id;
  const routed = await fetch(`${app.url}/api/inspections/${inspectionId}/route`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ start: { lon: 4.3735, lat: 52.0005, label: 'Aula' } }),
  });
  expect(routed.status).toBe(200);
  walkOrder = ((await routed.json()) as { streets: { name: string; position: number }[] }).streets
    .sort((a, b) => a.position - b.position)
    .map((s) => s.name);

  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
});

async function serverFindings(): Promise<{ id: string; street: string; item: string; note: string }[]> {
  const r = await fetch(`${app.url}/api/inspections/${inspectionId}/findings`, { headers: bearer(officer) });
  return (await r.json()) as { id: string; street: string; item: string; note: string }[];
}

test('a team member signs in and sees the streets in walking order with the checklist', async () => {
  await page.goto(`${app.url}/inspectie.html?id=${inspectionId}`, { waitUntil: 'load' });
  await page.waitForSelector('#pi-signin:not([hidden])');
  await page.type('#pi-email', member.email);
  await page.type('#pi-password', member.password);
  await page.click('#pi-signin-form button[type=submit]');
  // The account asks for the authenticator code: the phone page shows the field and says so.
  await page.waitForSelector('#pi-totp-row:not([hidden])', { timeout: 10_000 });
  expect(await page.$eval('#pi-signin-error', (e) => e.textContent)).toBe(
    'Vul de code uit uw authenticator-app in.',
  );
  await page.type('#pi-totp', authenticator.generate(memberSecret));
  await page.click('#pi-signin-form button[type=submit]');
  await page.waitForSelector('#pi-app:not([hidden]) .pi-street');
  const headings = await page.$$eval('.pi-street h3', (hs) => hs.map((h) => h.textContent));
  expect(headings).toEqual(walkOrder.map((n, i) => `${i + 1}. ${n}`));
  expect(await page.$eval('#pi-title', (e) => e.textContent)).toBe('Schouw TU-wijk');
  expect(await page.$eval('#pi-route', (e) => e.textContent)).toMatch(
    /^Start: Aula\. \d+,\d km, ongeveer \d+ minuten\.$/,
  );
  const items = await page.$$eval('.pi-street:first-child .pi-check', (ls) =>
    ls.map((l) => l.textContent!.trim()),
  );
  expect(items).toContain('Open achterpad of ontbrekend toegangshek');
  // The route on a map of the project's own base map: the line is drawn (rendered features).
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { preventiekaartSchouw?: { map: import('maplibre-gl').Map } })
        .preventiekaartSchouw?.map;
      return !!m && m.loaded() && m.queryRenderedFeatures({ layers: ['route'] }).length > 0;
    },
    { timeout: 60_000, polling: 500 },
  );
  expect(await page.$eval('#pi-map', (e) => e.getAttribute('aria-label'))).toMatch(
    /^Kaart van de looproute vanaf Aula/,
  );
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.$eval('#pi-outbox', (e) => e.textContent)).toBe('Alle bevindingen zijn verzonden.');
});

test('two findings recorded offline wait on the phone and are sent once when back online', async () => {
  await page.setOfflineMode(true);
  await page.waitForFunction(() => !navigator.onLine);
  // Street 1: an open back alley with a note; street 2: a note only.
  await page.click('.pi-street:nth-child(1) input[value=open_alley]');
  await page.type('.pi-street:nth-child(1) textarea', 'Poort ontbreekt achter nr. 1-20');
  await page.click('.pi-street:nth-child(1) button[type=submit]');
  await page.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '1');
  await page.type('.pi-street:nth-child(2) textarea', 'Lantaarnpaal bij fietspad donker');
  await page.click('.pi-street:nth-child(2) button[type=submit]');
  await page.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '2');
  expect(await page.$eval('#pi-outbox', (e) => e.textContent)).toBe(
    '2 bevindingen wachten op verzending (geen verbinding).',
  );
  expect(await serverFindings()).toEqual([]);

  // Back online: the browser's 'online' event sends them.
  await page.setOfflineMode(false);
  await page.waitForFunction(() => document.getElementById('pi-outbox')!.dataset.waiting === '0', {
    timeout: 10_000,
  });
  expect(await page.$eval('#pi-outbox', (e) => e.textContent)).toBe('Alle bevindingen zijn verzonden.');
  const stored = await serverFindings();
  expect(stored.map((f) => [f.street, f.item, f.note])).toEqual([
    [walkOrder[0], 'open_alley', 'Poort ontbreekt achter nr. 1-20'],
    [walkOrder[1], 'other', 'Lantaarnpaal bij fietspad donker'],
  ]);
  // A reload and another 'online' event send nothing twice.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#pi-app:not([hidden]) .pi-street');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await new Promise((r) => setTimeout(r, 500));
  expect(await serverFindings()).toHaveLength(2);
});

test('WCAG 2.1 AA: axe-core finds no violations on the phone page', async () => {
  expect(await axeViolations(page)).toEqual([]);
});
