/**
 * Prevention evenings through the officers' page (issue 12), in headless Chromium: the officer
 * picks two demo streets in the activity table, plans an evening for them in the
 * "Preventieavonden" panel (the venue's point by a click on the map) and sends the invitations
 * from it; the worker renders them and one code is read from the print file with pdftotext; a
 * resident signs up with it on the public sign-up page, the panel's figures for the street rise;
 * the same code cancels and they fall. axe-core checks the panel in Dutch and in English.
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
import { burglaryIn, demoStreets, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfText, squash } from '../helpers/pdf';

let worker: ReturnType<typeof startLetterWorker>;
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await closeLetterQueue();
}, 300_000);
const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let browser: Browser;
let page: Page;
let resident: Page;
let streets: DemoStreet[];
let eveningId: number;
let code: string;
let street: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'intern.html')))
    throw new Error('dist/intern.html is missing: run `npx vite build` first (npm test does)');
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startLetterWorker();
  streets = (await demoStreets(t.pool, 3, 6)).slice(0, 2);
  // A burglary on each, so they are in the activity table to be picked.
  for (const [i, s] of streets.entries()) await burglaryIn(t.pool, s.id, `evening-panel-${i}`);
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
  await page.setViewport({ width: 1400, height: 900 });
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  resident = await browser.newPage();
  await resident.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
}, 300_000);

async function openPanel(): Promise<void> {
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 }).catch(async (err) => {
    const diag = await page.evaluate(() => ({
      message: document.getElementById('pk-message')?.textContent,
      ready: window.preventiekaartIntern?.ready,
      app: document.getElementById('pk-app')?.hidden,
    }));
    throw new Error(`map not ready: ${JSON.stringify(diag)} ${pageErrors.join(' | ')}`, { cause: err });
  });
  await page.evaluate(
    () => ((document.getElementById('pk-evenings-section') as HTMLDetailsElement).open = true),
  );
  await page.waitForSelector('#pk-ev-form-title');
}

async function setValue(selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (e, v) => {
      (e as HTMLInputElement).value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** The panel's figures of the street: households signed up and people coming. */
async function panelFigures(name: string): Promise<{ signedUp: string; coming: string }> {
  await page.bringToFront();
  await page.click('#pk-ev-refresh');
  return page.$eval(`#pk-ev-response-table tr[data-street="${name}"]`, (tr) => {
    const td = tr.querySelectorAll('td');
    return { signedUp: td[1]!.textContent!, coming: td[2]!.textContent! };
  });
}

async function waitForFigures(name: string, signedUp: string, coming: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const f = await panelFigures(name).catch(() => null);
    if (f && f.signedUp === signedUp && f.coming === coming) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name}: the panel does not show ${signedUp} households / ${coming} people`);
}

test('the officer plans an evening for two picked streets in the panel and sends the invitations', async () => {
  // Two tabs: the one in front runs its frames (clicks wait for an IntersectionObserver).
  await page.bringToFront();
  await page.goto(`${app.url}/intern.html`, { waitUntil: 'load' });
  await page.waitForSelector('#pk-signin:not([hidden])');
  await page.type('#pk-email', officer.email);
  await page.type('#pk-password', officer.password);
  await page.click('#pk-signin-form button[type=submit]');
  await openPanel();
  expect(await page.$eval('#pk-evenings-section summary h2', (e) => e.textContent)).toBe('Preventieavonden');
  for (const s of streets) {
    await page.waitForSelector(`#pk-activity tbody tr[data-key="${s.id}"] input[type=checkbox]`);
    await page.click(`#pk-activity tbody tr[data-key="${s.id}"] input[type=checkbox]`);
  }
  await page.waitForFunction(() =>
    document.querySelector('#pk-ev-area label')?.textContent?.includes('De geselecteerde straten (2)'),
  );

  await page.type('#pk-ev-title', 'Preventieavond in de buurt');
  await setValue('#pk-ev-start', '2030-03-12T19:30');
  await setValue('#pk-ev-end', '2030-03-12T21:30');
  await page.type('#pk-ev-venue', 'Wijkcentrum De Wippolder');
  await page.type('#pk-ev-venue-address', 'Jaffalaan 1, 2628 BX Delft');
  await setValue('#pk-ev-capacity', '30');
  await page.type('#pk-ev-speakers', 'Wijkagent\nPreventieadviseur');
  await page.type('#pk-ev-organiser', 'Team OOV');
  // Without a point the form says what is missing.
  await page.click('#pk-ev-submit');
  expect(await page.$eval('#pk-ev-error', (e) => e.textContent)).toBe(
    'Kies de plaats van de avond op de kaart.',
  );

  // The venue's point: one click on the map, which picks no street meanwhile.
  await page.click('#pk-ev-pick');
  const box = (await (await page.$('#pk-map'))!.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() =>
    /^Gekozen: 5\d\.\d{5}, 4\.\d{5}$/.test(document.getElementById('pk-ev-point')!.textContent!),
  );
  expect(await page.evaluate(() => window.preventiekaartIntern!.selectedStreets().sort())).toEqual(
    streets.map((s) => s.id).sort(),
  );

  await page.click('#pk-ev-submit');
  await page.waitForSelector('#pk-ev-detail:not([hidden]) #pk-ev-invite', { timeout: 30_000 });
  const { rows } = await t.pool.query<{
    id: string;
    selection: { streetIds: number[] };
    capacity: number;
    starts: Date;
    speakers: string[];
  }>('SELECT id, selection, capacity, starts_at AS starts, speakers FROM evenings');
  expect(rows).toHaveLength(1);
  eveningId = Number(rows[0]!.id);
  expect(rows[0]!.selection.streetIds.sort()).toEqual(streets.map((s) => s.id).sort());
  expect(rows[0]!.capacity).toBe(30);
  expect(rows[0]!.starts.toISOString()).toBe('2030-03-12T18:30:00.000Z');
  expect(rows[0]!.speakers).toEqual(['Wijkagent', 'Preventieadviseur']);
  await page.waitForSelector(`#pk-ev-table tr[data-evening-id="${eveningId}"]`);

  await page.click('#pk-ev-invite');
  await page.waitForFunction(
    () => /Uitnodigingen aangemaakt/.test(document.getElementById('pk-ev-status')!.textContent!),
    {
      timeout: 30_000,
    },
  );
  const {
    rows: [e],
  } = await t.pool.query<{ campaign_id: string }>('SELECT campaign_id FROM evenings WHERE id = $1', [
    eveningId,
  ]);
  const campaignId = Number(e!.campaign_id);
  await waitUntilDone(t.pool, campaignId);
  const pdf = new Uint8Array(
    await (
      await fetch(`${app.url}/api/campaigns/${campaignId}/letters.pdf`, { headers: bearer(officer) })
    ).arrayBuffer(),
  );
  const m = /persoonlijke code in: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(squash(pdfText(pdf)));
  expect(m).not.toBeNull();
  code = m![1]!.replace('-', '');
  const { rows: home } = await t.pool.query<{ street: string }>(
    'SELECT a.street_name AS street FROM evening_invitations i JOIN addresses a ON a.id = i.address_id WHERE i.code = $1',
    [code],
  );
  street = home[0]!.street;
  // Once sent, the area is fixed and there is nothing more to send.
  expect(await page.$('#pk-ev-invite')).toBeNull();
  const invited = await page.$eval(
    `#pk-ev-response-table tr[data-street="${street}"] td`,
    (td) => td.textContent,
  );
  expect(Number(invited)).toBe(streets.find((s) => s.name === street)!.n);
}, 300_000);

test('a sign-up on the public page raises the street in the panel; cancelling with the same code lowers it', async () => {
  await waitForFigures(street, '0', '0');
  await resident.bringToFront();
  await resident.goto(`${app.url}/aanmelden.html?lang=nl#code=${code}`, { waitUntil: 'networkidle0' });
  await resident.waitForSelector('#ps-app:not([hidden])');
  await resident.select('#ps-people', '2');
  await resident.click('#ps-submit');
  await resident.waitForFunction(() =>
    /aangemeld met 2 personen/.test(document.querySelector('#ps-state')!.textContent!),
  );
  await waitForFigures(street, '1', '2');
  expect(
    await page.$eval(`#pk-ev-table tr[data-evening-id="${eveningId}"]`, (tr) => tr.textContent),
  ).toContain('Preventieavond in de buurt');

  await resident.bringToFront();
  await resident.click('#ps-cancel');
  await resident.waitForFunction(() => /afgemeld/.test(document.querySelector('#ps-state')!.textContent!));
  await waitForFigures(street, '0', '0');
  // The panel shows no code and no house number.
  const text = await page.$eval('#pk-evenings', (e) => (e as HTMLElement).innerText);
  expect(text).not.toContain(code);
  expect(text).not.toMatch(new RegExp(`${street} \\d`));
}, 300_000);

test('the officer changes the evening in the panel, then cancels it', async () => {
  await page.bringToFront();
  await page.click('#pk-ev-edit');
  await page.waitForFunction(() =>
    document.getElementById('pk-ev-form-title')!.textContent!.startsWith('Avond wijzigen'),
  );
  expect(await page.$eval('#pk-ev-start', (e) => (e as HTMLInputElement).value)).toBe('2030-03-12T19:30');
  // The invitations are out: the area stays as it is.
  expect(await page.$$eval('#pk-ev-area input', (r) => r.map((x) => (x as HTMLInputElement).value))).toEqual([
    'keep',
  ]);
  await setValue('#pk-ev-capacity', '25');
  await setValue('#pk-ev-end', '2030-03-12T22:00');
  await page.click('#pk-ev-submit');
  await page.waitForFunction(
    () => document.getElementById('pk-ev-message')!.textContent === 'Wijzigingen opgeslagen.',
  );
  const changed = await t.pool.query<{ capacity: number; ends_at: Date; sequence: number }>(
    'SELECT capacity, ends_at, sequence FROM evenings WHERE id = $1',
    [eveningId],
  );
  expect(changed.rows[0]).toMatchObject({ capacity: 25, ends_at: new Date('2030-03-12T21:00:00Z') });
  expect(changed.rows[0]!.sequence).toBeGreaterThan(0);

  await page.waitForSelector('#pk-ev-cancel');
  await page.click('#pk-ev-cancel');
  await page.waitForFunction(
    () => document.getElementById('pk-ev-status')!.textContent === 'De avond is afgezegd.',
  );
  expect((await t.pool.query('SELECT status FROM evenings WHERE id = $1', [eveningId])).rows[0].status).toBe(
    'cancelled',
  );
  await page.waitForFunction(
    (id: number) =>
      document.querySelector(`#pk-ev-table tr[data-evening-id="${id}"]`)?.textContent?.includes('afgezegd'),
    {},
    eveningId,
  );
  expect(await page.$('#pk-ev-edit')).toBeNull();
});

test('at the evening the officer ticks attendance by the code on a letter; the CSV has the figures', async () => {
  const res = await fetch(`${app.url}/api/evenings`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      title: 'Avond van vandaag',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      venue: { name: 'Buurthuis', address: 'Jaffalaan 1, Delft', lon: 4.3736, lat: 52.0017 },
      capacity: 20,
      organiser: { name: 'Team OOV' },
      area: { streetIds: [streets[0]!.id] },
    }),
  });
  const today = ((await res.json()) as { id: number }).id;
  await fetch(`${app.url}/api/evenings/${today}/invitations`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: '{}',
  });
  const { rows } = await t.pool.query<{ code: string }>(
    'SELECT code FROM evening_invitations WHERE evening_id = $1 ORDER BY id LIMIT 1',
    [today],
  );
  // The evening has begun.
  await t.pool.query(`UPDATE evenings SET starts_at = now() - interval '10 minutes' WHERE id = $1`, [today]);
  await page.bringToFront();
  await page.reload({ waitUntil: 'load' });
  await openPanel();
  await page.waitForSelector(`#pk-ev-table tr[data-evening-id="${today}"] button`);
  await page.click(`#pk-ev-table tr[data-evening-id="${today}"] button`);
  await page.waitForSelector('#pk-ev-attendance');
  const typed = `${rows[0]!.code.slice(0, 4).toLowerCase()}-${rows[0]!.code.slice(4)}`;
  await page.type('#pk-ev-code', typed);
  await page.click('#pk-ev-attendance button[type=submit]');
  await page.waitForFunction(() =>
    /: aanwezig\.$/.test(document.getElementById('pk-ev-attendance-result')!.textContent!),
  );
  expect(await page.$eval('#pk-ev-code', (e) => (e as HTMLInputElement).value)).toBe('');
  await page.waitForFunction(
    (name: string) =>
      document.querySelector(`#pk-ev-response-table tr[data-street="${name}"]`)?.querySelectorAll('td')[4]
        ?.textContent === '1',
    {},
    streets[0]!.name,
  );
  const csv = await page.evaluate(async () => {
    const href = (document.getElementById('pk-ev-csv') as HTMLAnchorElement).href;
    return (await fetch(href)).text();
  });
  expect(csv).toContain('straat,uitgenodigd,aangemeld,komen,wachtlijst,aanwezig,respons');
  expect(csv).toContain(`${streets[0]!.name},${streets[0]!.n},0,0,0,1,0`);
});

test('"Mijn account" makes a private calendar link of my inspections, and revokes it', async () => {
  await page.bringToFront();
  await page.evaluate(() => ((document.getElementById('pk-account') as HTMLDetailsElement).open = true));
  await page.waitForSelector('#pk-calendar-make');
  expect(await page.$eval('#pk-calendar-state', (e) => e.textContent)).toBe('U heeft nog geen agenda-link.');
  await page.click('#pk-calendar-make');
  await page.waitForSelector('#pk-calendar-url');
  const url = await page.$eval('#pk-calendar-url', (e) => (e as HTMLInputElement).value);
  expect(url).toMatch(/\/api\/calendar\/inspections\.ics\?token=/);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
  await page.click('#pk-calendar-revoke');
  await page.waitForFunction(
    () => document.getElementById('pk-calendar-state')!.textContent === 'De agenda-link is ingetrokken.',
  );
  expect((await fetch(url)).status).toBe(410);
});

test('"Kaart op de eigen website" gives the snippet of /embed/<municipality>', async () => {
  await page.evaluate(
    () => ((document.getElementById('pk-embed-section') as HTMLDetailsElement).open = true),
  );
  await page.waitForFunction(
    () => (document.getElementById('pk-embed-snippet') as HTMLTextAreaElement).value !== '',
  );
  const snippet = await page.$eval('#pk-embed-snippet', (e) => (e as HTMLTextAreaElement).value);
  expect(snippet).toBe(
    `<iframe src="${app.url}/embed/GM0503" title="Inbraken per straat in Delft" width="100%" height="500" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`,
  );
  await page.select('#pk-embed-lang', 'en');
  expect(await page.$eval('#pk-embed-snippet', (e) => (e as HTMLTextAreaElement).value)).toContain(
    '/embed/GM0503?lang=en',
  );
  // An officer reads the list; only an admin changes it.
  expect(await page.$('#pk-embed-save')).toBeNull();
});

test('the panel passes axe-core in Dutch, and in English with every text translated', async () => {
  await page.bringToFront();
  const openAll = () =>
    page.evaluate(() =>
      ['pk-evenings-section', 'pk-account', 'pk-embed-section'].forEach(
        (id) => ((document.getElementById(id) as HTMLDetailsElement).open = true),
      ),
    );
  await openAll();
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`${app.url}/intern.html?lang=en`, { waitUntil: 'load' });
  await openPanel();
  expect(await page.$eval('#pk-evenings-section summary h2', (e) => e.textContent)).toBe(
    'Prevention evenings',
  );
  await page.click(`#pk-ev-table tr[data-evening-id="${eveningId}"] button`);
  await page.waitForSelector('#pk-ev-response-table');
  await openAll();
  await page.waitForSelector('#pk-calendar-make');
  expect(await page.$eval('#pk-embed-section summary h2', (e) => e.textContent)).toBe(
    'The map on your own website',
  );
  const text = await page.$eval('#pk-evenings', (e) => (e as HTMLElement).innerText);
  expect(text).toContain('Response per street');
  expect(text).toContain('Plan an evening');
  expect(text).not.toMatch(/Uitgenodigd|Avond plannen|Respons per straat/);
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
}, 300_000);
