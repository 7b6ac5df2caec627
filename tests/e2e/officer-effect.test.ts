/**
 * The officers' page "Effect" section end to end (built client, run `npx vite build` first):
 * signs in, opens the section, and checks that its table shows the numbers GET /api/effect gives
 * for the chosen period, that "too few to tell" stands where a measure is below its minimum, that
 * the CSV download holds the same numbers, that the per-campaign view shows one campaign's
 * figures, and that axe-core finds no violation, in Dutch and in English (?lang=en).
 *
 * OFFICER_EFFECT_SCREENSHOT=docs/img/officer-effect.png saves a picture of the section.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
const DIST = path.join(__dirname, '../../dist/intern.html');

let browser: Browser;
let page: Page;
let officer: TestUser;
let campaignId: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(DIST))
    throw new Error('dist/intern.html is missing: run `npx vite build` before the e2e tests');
  const { rows } = await t.pool.query<{ id: number }>("SELECT id FROM municipalities WHERE code = 'GM0503'");
  await generateDemoIncidents(t.pool, rows[0]!.id);
  // One campaign 12 weeks ago, to the three streets with the most burglaries.
  const c = await t.pool.query<{ id: string }>(
    `INSERT INTO campaigns (municipality_id, kind, template, language, selection, created_actor, created_at)
     VALUES ($1, 'cocoon', 'cocoon-warning', 'nl', '{}', 'test', now() - interval '12 weeks') RETURNING id`,
    [rows[0]!.id],
  );
  campaignId = Number(c.rows[0]!.id);
  await t.pool.query(
    `INSERT INTO letters (campaign_id, address_id, status, pdf_sha256)
     SELECT $1, a.id, 'rendered', repeat('a', 64) FROM addresses a
     WHERE a.residential AND a.street_id IN (
       SELECT street_id FROM incidents WHERE street_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3)`,
    [campaignId],
  );
  officer = await createTestUser(t.pool, { role: 'officer' });
  browser = await puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the section (once) and waits until it shows figures. */
async function openEffect(): Promise<void> {
  // The sections mount once the first period's figures are loaded (main.ts): slow on a loaded machine.
  await page.waitForSelector('#pk-effect-section #pk-effect-form', { timeout: 120_000 });
  await page.$eval('#pk-effect-section', (d) => d.scrollIntoView());
  if (!(await page.$eval('#pk-effect-section', (d) => (d as HTMLDetailsElement).open)))
    await page.click('#pk-effect-section summary');
  await waitReady();
}

async function waitReady(): Promise<void> {
  await page.waitForFunction(() => document.getElementById('pk-effect')!.dataset.state === 'ready', {
    timeout: 90_000,
  });
}

const cell = (key: string) =>
  page.$eval(`#pk-effect-table tr[data-key="${key}"] td`, (td) => ({
    text: td.textContent ?? '',
    value: (td as HTMLElement).dataset.value,
  }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer read by its fields
type Json = any;

test('the section shows the figures of GET /api/effect as charts and a table, and the CSV holds the same', async () => {
  await page.goto(`${app.url}/intern.html`, { waitUntil: 'load' });
  await page.waitForSelector('#pk-signin:not([hidden])');
  await page.type('#pk-email', officer.email);
  await page.type('#pk-password', officer.password);
  await page.click('#pk-signin-form button[type=submit]');
  await openEffect();
  const from = await page.$eval('#pk-effect-from', (e) => (e as HTMLInputElement).value);
  const to = await page.$eval('#pk-effect-to', (e) => (e as HTMLInputElement).value);
  const api = (await page.evaluate(
    async (q) => (await fetch(`/api/effect?${q}`)).json(),
    `municipality=GM0503&from=${from}&to=${to}`,
  )) as Json;
  const f = api.followOn.current;
  expect(Number((await cell('letters-index')).value)).toBe(f.letters.indexBurglaries);
  expect(Number((await cell('none-index')).value)).toBe(f.none.indexBurglaries);
  expect(Number((await cell('none-followons')).value)).toBe(f.none.followOns);
  const ba = api.beforeAfter.figure;
  expect(Number((await cell('treated-before')).value)).toBe(ba.treated.before);
  expect(Number((await cell('treated-after')).value)).toBe(ba.treated.after);
  // One campaign of three streets: below the minimum of 10 streets, "too few", never a verdict.
  expect(ba.status).toBe('too-few');
  expect((await cell('did')).text).toMatch(/^Te weinig om iets over te zeggen \(minimaal 10 straten/);
  expect((await cell('did')).value).toBeUndefined();
  if (f.status === 'too-few') expect((await cell('ratio')).text).toMatch(/^Te weinig/);
  else if (f.ratio !== null) expect(Number((await cell('ratio')).value)).toBeCloseTo(f.ratio, 10);
  expect(await page.$eval('#pk-effect', (e) => e.textContent)).not.toMatch(/het werkt|werkt niet|it works/i);
  // Measure 4 in plain counts: inspections and evenings of the period (none in the demo data).
  expect((await cell('evenings')).text).toBe(`${api.evenings.evenings} / ${api.evenings.held}`);
  expect((await cell('inspections')).text).toBe(
    `${api.inspections.inspections} / ${api.inspections.done} / ${api.inspections.cancelled}`,
  );

  // Three charts, drawn (uPlot canvases), each with a text alternative.
  expect(await page.$$eval('#pk-effect-charts figure canvas', (c) => c.length)).toBe(3);
  expect(await page.$$eval('#pk-effect-charts [role=img][aria-label]', (c) => c.length)).toBe(3);
  expect(await page.$$eval('#pk-effect-charts tbody tr', (r) => r.length)).toBe(0);

  // The CSV link downloads the same numbers.
  const href = await page.$eval('#pk-effect-csv', (a) => (a as HTMLAnchorElement).href);
  const csv = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { type: r.headers.get('content-type'), text: await r.text() };
  }, href);
  expect(csv.type).toMatch(/^text\/csv/);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  const value = (m: string, g: string, q: string) =>
    lines.find((l) => l[0] === m && l[1] === g && l[2] === q)?.[3];
  expect(Number(value('follow-on', 'letters', 'index_burglaries'))).toBe(f.letters.indexBurglaries);
  expect(Number(value('before-after', 'letters', 'burglaries_after'))).toBe(ba.treated.after);
  expect(value('before-after', 'letters-comparison', 'difference_in_differences')).toBe('');
  expect(pageErrors).toEqual([]);
  const shot = process.env.OFFICER_EFFECT_SCREENSHOT;
  if (shot) {
    const section = await page.$('#pk-effect-section');
    await section!.screenshot({ path: shot as `${string}.png` });
  }
}, 240_000);

test('the campaign view shows one campaign', async () => {
  await page.select('#pk-effect-campaign', String(campaignId));
  await page.click('#pk-effect-form button[type=submit]');
  await page.waitForFunction(
    () => /campagne \d+/.test(document.getElementById('pk-effect-status')!.textContent!),
    {
      timeout: 60_000,
    },
  );
  await waitReady();
  const api = (await page.evaluate(
    async (id) => (await fetch(`/api/effect/campaigns/${id}`)).json(),
    campaignId,
  )) as Json;
  expect(Number((await cell('treated-streets')).value)).toBe(api.beforeAfter.figure.treated.streets);
  expect(api.beforeAfter.figure.treated.streets).toBe(3);
  expect(await page.$$eval('#pk-effect-charts figure', (c) => c.length)).toBe(1);
  expect(await page.$eval('#pk-effect-csv', (a) => a.getAttribute('href'))).toBe(
    `/api/effect/campaigns/${campaignId}/figures.csv`,
  );
});

test('with trial mode used, the table compares the randomised groups as assigned', async () => {
  // Ten burglaries of the period assigned as the trial gate does (draws below/above one half).
  await t.pool.query(
    `INSERT INTO trial_assignments (incident_id, municipality_id, arm, share, draw, assigned_actor)
     SELECT id, municipality_id, CASE WHEN k % 2 = 0 THEN 'letter' ELSE 'none' END, 0.5,
            CASE WHEN k % 2 = 0 THEN 0.75 ELSE 0.25 END, 'test'
     FROM (SELECT id, municipality_id, row_number() OVER (ORDER BY id) AS k FROM incidents
           WHERE geom IS NOT NULL AND occurred_from < now() - interval '20 days' ORDER BY id LIMIT 10) x`,
  );
  await page.select('#pk-effect-campaign', '');
  await page.click('#pk-effect-form button[type=submit]');
  await page.waitForFunction(
    () => document.querySelector('#pk-effect-table tr[data-key="trial-assigned"]') !== null,
    {
      timeout: 90_000,
    },
  );
  await waitReady();
  expect((await cell('trial-assigned')).text).toBe('5 / 0 / 5');
  expect(Number((await cell('trial-letter-index')).value)).toBe(5);
  expect(Number((await cell('trial-held-index')).value)).toBe(5);
  // Five a group is below the minimum of 20: "too few", no ratio.
  expect((await cell('trial-ratio')).text).toMatch(/^Te weinig om iets over te zeggen/);
});

test('WCAG 2.1 AA in Dutch: axe-core finds no violations with the section open', async () => {
  expect(await axeViolations(page)).toEqual([]);
});

test('in English (?lang=en) the section speaks English and axe-core finds no violations', async () => {
  await page.goto(`${app.url}/intern.html?lang=en`, { waitUntil: 'load' });
  await openEffect();
  expect(await page.$eval('#pk-effect-section summary', (e) => e.textContent)).toContain(
    'Effect: figures after letters',
  );
  expect((await cell('did')).text).toMatch(/^Too few to tell/);
  expect(await page.$eval('#pk-effect-table caption', (e) => e.textContent)).toMatch(/95% interval/);
  expect(await page.$eval('#pk-effect', (e) => e.textContent)).not.toMatch(/Vervolginbraken|Te weinig/);
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
}, 240_000);
