/**
 * Running the office end to end, in headless Chromium against the built client (`npx vite
 * build` first; npm test does): an admin signs in with a password, is taken to set up
 * two-factor sign-in (QR code, first code, recovery codes), reaches the map, disables an
 * officer in the users table (that officer's next request is refused), finds the rows in the
 * audit viewer and exports them as CSV; signing in again asks for the code. axe-core checks the
 * enrolment screen and the admin panel.
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
import { closeLetterQueue } from '../../server/letters/letter-queue';

// Before the database's own afterAll: the officer's campaign put a job on the letter queue.
afterAll(async () => {
  await closeLetterQueue();
});

const t = useTestDatabase();
const app = useTestApp();
let browser: Browser;
let page: Page;
let admin: TestUser;
let officer: TestUser;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'intern.html')))
    throw new Error('dist/intern.html is missing: run `npx vite build` before the e2e tests');
  admin = await createTestUser(t.pool, { role: 'admin', municipality: null });
  officer = await createTestUser(t.pool, { role: 'officer' });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
});

afterAll(async () => {
  await browser?.close();
});

async function signInForm(email: string, password: string): Promise<void> {
  await page.waitForSelector('#pk-signin-form', { visible: true });
  await page.$eval('#pk-email', (e) => ((e as HTMLInputElement).value = ''));
  await page.type('#pk-email', email);
  await page.type('#pk-password', password);
  await page.click('#pk-signin-form button[type=submit]');
}

let secret = '';

test('an admin signs in with a password and must first set up two-factor sign-in', async () => {
  await page.goto(`${app.url}/intern.html`, { waitUntil: 'load' });
  await signInForm(admin.email, admin.password);
  await page.waitForSelector('#pk-enrol', { visible: true, timeout: 30_000 });
  await page.waitForFunction(
    () => (document.getElementById('pk-enrol-secret')?.textContent ?? '').length > 0,
    {
      timeout: 30_000,
    },
  );
  secret = (await page.$eval('#pk-enrol-secret', (e) => e.textContent ?? '')).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  // The QR code is drawn (the SVG image has loaded and has a size).
  await page.waitForFunction(
    () => {
      const i = document.getElementById('pk-enrol-qr') as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 0;
    },
    { timeout: 15_000 },
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.type('#pk-enrol-code', authenticator.generate(secret));
  await page.click('#pk-enrol-form button[type=submit]');
  await page.waitForSelector('#pk-enrol-done', { visible: true, timeout: 10_000 });
  expect(await page.$$eval('#pk-recovery-codes li', (l) => l.length)).toBe(10);
  await page.click('#pk-enrol-continue');
  await page.waitForSelector('#pk-admin:not([hidden])', { timeout: 30_000 });
});

test("the admin changes a user's role and municipalities in the users table", async () => {
  await page.evaluate(() => ((document.getElementById('pk-admin') as HTMLDetailsElement).open = true));
  const row = `#pk-users tr[data-user-id="${officer.id}"]`;
  await page.waitForSelector(row, { timeout: 10_000 });
  const user = async () =>
    (
      await t.pool.query<{ role: string; codes: string[] }>(
        `SELECT u.role, array(SELECT m.code FROM user_municipalities um JOIN municipalities m ON m.id = um.municipality_id
                              WHERE um.user_id = u.id ORDER BY m.code) AS codes
         FROM users u WHERE u.id = $1`,
        [officer.id],
      )
    ).rows[0]!;
  await page.select(`${row} select`, 'planner');
  await page.waitForFunction(
    () => /Opgeslagen/.test(document.getElementById('pk-user-password')?.textContent ?? ''),
    {
      timeout: 10_000,
    },
  );
  expect((await user()).role).toBe('planner');
  await page.select(`${row} select`, 'officer');
  await page.waitForFunction(
    async (id: number) => {
      const r = (await (await fetch('/api/admin/users')).json()) as {
        users: Array<{ id: number; role: string }>;
      };
      return r.users.find((u) => u.id === id)?.role === 'officer';
    },
    { timeout: 10_000 },
    officer.id,
  );
  const input = `${row} input[type=text]`;
  await page.$eval(input, (e) => ((e as HTMLInputElement).value = ''));
  await page.type(input, 'GM0503, gm9999');
  await page.click(`${row} button[aria-label$="opslaan"]`);
  await page.waitForFunction(
    () => /GM9999/.test(document.getElementById('pk-user-error')?.textContent ?? ''),
    {
      timeout: 10_000,
    },
  );
  expect((await user()).codes).toEqual(['GM0503']);
});

let campaignId = 0;

test('the admin disables an officer in the users table; that officer is refused at the next request', async () => {
  expect((await fetch(`${app.url}/api/session`, { headers: bearer(officer) })).status).toBe(200);
  // The officer's work of the day: a campaign, which the audit viewer must show below.
  const street = await t.pool.query<{ id: string }>(
    'SELECT s.id FROM streets s JOIN addresses a ON a.street_id = s.id WHERE a.residential GROUP BY s.id HAVING count(*) BETWEEN 3 AND 10 ORDER BY s.id LIMIT 1',
  );
  const created = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      kind: 'evening',
      template: 'prevention-evening',
      language: 'nl',
      selection: { streetIds: [Number(street.rows[0]!.id)] },
      evening: { at: new Date(Date.now() + 20 * 86_400_000).toISOString(), location: 'Buurthuis' },
    }),
  });
  expect(created.status).toBe(201);
  campaignId = ((await created.json()) as { id: number }).id;
  await page.evaluate(() => ((document.getElementById('pk-admin') as HTMLDetailsElement).open = true));
  const row = `#pk-users tr[data-user-id="${officer.id}"]`;
  await page.waitForSelector(row, { timeout: 10_000 });
  await page.click(`${row} button[aria-label$="uitschakelen"]`);
  await page.waitForFunction(
    (sel: string) => document.querySelector(sel)?.textContent?.includes('uitgeschakeld'),
    { timeout: 10_000 },
    row,
  );
  expect((await fetch(`${app.url}/api/session`, { headers: bearer(officer) })).status).toBe(401);
  expect(await axeViolations(page)).toEqual([]);
});

test('the audit viewer shows the rows and exports the same filter as CSV', async () => {
  await page.$eval('#pk-audit-action', (e) => ((e as HTMLInputElement).value = ''));
  await page.type('#pk-audit-action', 'user.');
  await page.click('#pk-audit-form button[type=submit]');
  await page.waitForFunction(
    () => document.querySelector('#pk-audit')?.textContent?.includes('user.disable'),
    {
      timeout: 10_000,
    },
  );
  const href = await page.$eval('#pk-audit-csv', (a) => (a as HTMLAnchorElement).getAttribute('href')!);
  expect(href).toContain('action=user.');
  const csv = await page.evaluate(async (u: string) => (await fetch(u)).text(), href);
  expect(csv).toMatch(/user\.disable/);
  expect(csv).toMatch(/legal_basis/);

  // The officer's campaign: its row in the viewer and in the CSV, with the covenant as legal basis.
  await page.$eval('#pk-audit-action', (e) => ((e as HTMLInputElement).value = ''));
  await page.type('#pk-audit-action', 'campaign.');
  await page.click('#pk-audit-form button[type=submit]');
  await page.waitForFunction(
    (id: number) => document.querySelector('#pk-audit')?.textContent?.includes(`campaign ${id}`),
    { timeout: 10_000 },
    campaignId,
  );
  const shown = await page.$$eval('#pk-audit tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
  expect(
    shown.some((r) => r.includes('campaign.create') && r.includes(officer.email) && r.includes('Convenant')),
  ).toBe(true);
  const campaignCsv = await page.evaluate(
    async (u: string) => (await fetch(u)).text(),
    await page.$eval('#pk-audit-csv', (a) => (a as HTMLAnchorElement).getAttribute('href')!),
  );
  const line = campaignCsv.split('\n').find((l) => l.includes('campaign.create'));
  expect(line).toContain(`campaign ${campaignId}`);
  expect(line).toContain(officer.email);
  expect(line).toMatch(/Convenant gegevensverstrekking woninginbraken/);
});

test('signing in again asks for the code from the app', async () => {
  await page.click('#pk-signout');
  await page.waitForNavigation({ waitUntil: 'load' });
  await signInForm(admin.email, admin.password);
  await page.waitForSelector('#pk-totp-row:not([hidden])', { timeout: 10_000 });
  // A fresh code: the one used at enrolment may not be used twice in the same step by some apps.
  await page.type('#pk-totp', authenticator.generate(secret));
  await page.click('#pk-signin-form button[type=submit]');
  await page.waitForSelector('#pk-admin:not([hidden])', { timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});
