/**
 * A prevention evening end to end (issue 12), in headless Chromium at 390 x 844: an officer plans
 * an evening for two demo streets and sends the invitations; the worker renders them; one code
 * is read from the print file with pdftotext; the resident opens the sign-up page from the QR
 * link (the code in the fragment), signs up two people, and the officers' figures for that
 * street rise; the same code cancels and they fall. The page never shows the code or an address.
 * Needs the built client (`npx vite build`).
 */
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { config } from '../../server/core/config';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { demoStreets, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfText, squash } from '../helpers/pdf';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let worker: ReturnType<typeof startLetterWorker>;
let browser: Browser;
let page: Page;
let streets: DemoStreet[];
let eveningId: number;
let code: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'aanmelden.html')))
    throw new Error('dist/aanmelden.html is missing: run `npx vite build` first (npm test does)');
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startLetterWorker();
  streets = (await demoStreets(t.pool, 3, 6)).slice(0, 2);
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
  page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await closeLetterQueue();
});

async function officerCall(method: string, p: string, body?: unknown) {
  const res = await fetch(`${app.url}${p}`, {
    method,
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

async function streetFigures(name: string) {
  const r = (await officerCall('GET', `/api/evenings/${eveningId}/response`)) as unknown as {
    streets: { street: string; signedUp: number; coming: number }[];
  };
  return r.streets.find((s) => s.street === name)!;
}

test('the officer plans an evening for two streets and sends the invitations; a code is read from the print file', async () => {
  const e = await officerCall('POST', '/api/evenings', {
    municipality: 'GM0503',
    title: 'Preventieavond Wippolder',
    startsAt: '2030-03-12T19:30:00+01:00',
    endsAt: '2030-03-12T21:30:00+01:00',
    venue: {
      name: 'Wijkcentrum De Wippolder',
      address: 'Jaffalaan 1, 2628 BX Delft',
      lon: 4.3736,
      lat: 52.0017,
    },
    capacity: 40,
    speakers: ['Wijkagent', 'Preventieadviseur'],
    organiser: { name: 'Team OOV' },
    area: { streetIds: streets.map((s) => s.id) },
  });
  eveningId = e.id as number;
  const sent = await officerCall('POST', `/api/evenings/${eveningId}/invitations`, {});
  await waitUntilDone(t.pool, sent.campaignId as number);
  const pdf = new Uint8Array(
    await (
      await fetch(`${app.url}/api/campaigns/${sent.campaignId}/letters.pdf`, { headers: bearer(officer) })
    ).arrayBuffer(),
  );
  const m = /persoonlijke code in: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(squash(pdfText(pdf)));
  expect(m).not.toBeNull();
  code = m![1]!.replace('-', '');
});

test('the resident signs up on the public page; the officers see the count rise, then fall after cancelling', async () => {
  const { rows } = await t.pool.query<{ street: string; huisnummer: number; postcode: string }>(
    `SELECT a.street_name AS street, a.huisnummer, a.postcode FROM evening_invitations i
     JOIN addresses a ON a.id = i.address_id WHERE i.code = $1`,
    [code],
  );
  const home = rows[0]!;
  expect(await streetFigures(home.street)).toMatchObject({ signedUp: 0, coming: 0 });

  await page.goto(`${app.url}/aanmelden.html?lang=nl#code=${code}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#ps-app:not([hidden])');
  // The code left the address bar at once.
  expect(page.url()).not.toContain(code);
  expect(await page.$eval('#ps-evening-title', (el) => el.textContent)).toBe('Preventieavond Wippolder');
  expect(await page.$eval('#ps-when', (el) => el.textContent)).toBe('dinsdag 12 maart 2030, 19:30–21:30');
  expect(await page.$eval('#ps-state', (el) => el.textContent)).toMatch(/niet aangemeld/);

  await page.select('#ps-people', '2');
  await page.click('#ps-submit');
  await page.waitForFunction(() =>
    /aangemeld met 2 personen/.test(document.querySelector('#ps-state')!.textContent!),
  );
  expect(await streetFigures(home.street)).toMatchObject({ signedUp: 1, coming: 2 });

  const body = await page.$eval('body', (el) => el.innerText);
  const printed = `${code.slice(0, 4)}-${code.slice(4)}`;
  expect(body).not.toContain(code);
  expect(body).not.toContain(printed);
  expect(body).not.toContain(`${home.street} ${home.huisnummer}`);
  expect(body).not.toContain(home.postcode);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: process.env.SCREENSHOTS, fullPage: true });

  // English, then cancel with the same code (kept in memory, never shown).
  await page.click('#ps-lang');
  expect(await page.$eval('#ps-state', (el) => el.textContent)).toMatch(/signed up with 2 people/);
  await page.click('#ps-cancel');
  await page.waitForFunction(() => /cancelled/.test(document.querySelector('#ps-state')!.textContent!));
  expect(await streetFigures(home.street)).toMatchObject({ signedUp: 0, coming: 0 });
});

test('a wrong code typed on the page gets a clear answer', async () => {
  await page.goto(`${app.url}/aanmelden.html?lang=en`, { waitUntil: 'networkidle0' });
  await page.type('#ps-code-input', 'ZZZZ-ZZZZ');
  await page.click('#ps-code-form button');
  await page.waitForFunction(() => document.querySelector('#ps-message')!.textContent!.length > 0);
  expect(await page.$eval('#ps-message', (el) => el.textContent)).toMatch(/check the 8 letters and digits/);
});

test('the public map lists the evening and marks its venue; nothing personal', async () => {
  await page.goto(`${app.url}/?gemeente=GM0503`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#pk-evenings:not([hidden]) li');
  const text = await page.$eval('#pk-evenings', (el) => (el as HTMLElement).innerText);
  expect(text).toContain('Preventieavond Wippolder – Wijkcentrum De Wippolder');
  expect(text).toContain('dinsdag 12 maart 2030, 19:30–21:30');
  expect(text).not.toContain('Jaffalaan 1');
  expect(await page.$$eval('.maplibregl-marker', (els) => els.length)).toBeGreaterThanOrEqual(1);
  await page.click('#pk-lang');
  await page.waitForFunction(() =>
    /Tuesday 12 March 2030/.test(document.querySelector('#pk-evenings')!.textContent!),
  );
});
