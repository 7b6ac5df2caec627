/**
 * End to end through the public page: a resident searches a street, subscribes with the form,
 * reads the confirmation mail from the real SMTP server (scripts/smtp-sink.ts), confirms, the
 * street gets new burglaries, the worker sends the alert after the month is published, the mail
 * holds only street-level text, and one request to the List-Unsubscribe-Post URL unsubscribes.
 */
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { SmtpSink, type ReceivedMail } from '../../scripts/smtp-sink';
import { startAlertWorker } from '../../jobs/residents/alert-worker';
import { config } from '../../server/core/config';
import { scan } from '../../server/residents/alerts.service';
import { useSmtpUrl } from '../../server/residents/mailer';
import { useTestApp } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { axeViolations } from '../helpers/axe';

const t = useTestDatabase();
const app = useTestApp();
let sink: SmtpSink;
let worker: Awaited<ReturnType<typeof startAlertWorker>>;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(config().rootDir, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
  sink = await SmtpSink.start();
  useSmtpUrl(sink.url);
  worker = await startAlertWorker({ schedule: false });
  browser = await puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await sink?.close();
});

function linkIn(mail: ReceivedMail, p: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+${p}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!m) throw new Error(`no ${p} link in: ${mail.text}`);
  return m[0];
}

test('subscribe on the public page, confirm from the mail, get the alert, unsubscribe with one POST', async () => {
  const street = (await demoStreets(t.pool, 12, 400))[0]!;
  const email = 'bewoner-e2e@example.nl';
  const page = await browser.newPage();
  await page.goto(`${app.url}/?gemeente=GM0503`, { waitUntil: 'networkidle0' });
  await page.type('#pk-q', street.name);
  await page.click('#pk-search button[type="submit"]');
  await page.waitForSelector('#pk-alert:not([hidden])');
  expect(await page.$eval('#pk-alert-intro', (e) => e.textContent)).toContain(street.name);
  await page.type('#pk-alert-email', email);
  await page.click('#pk-alert-consent');
  await page.click('#pk-alert-form button[type="submit"]');
  await page.waitForFunction(() =>
    /bevestig/i.test(document.getElementById('pk-alert-status')?.textContent ?? ''),
  );
  await page.close();

  const confirmMail = await sink.waitFor((m) => m.to === email);
  expect(confirmMail.subject).toContain(street.name);
  expect((await fetch(linkIn(confirmMail, '/alerts/confirm'), { method: 'POST' })).status).toBe(200);

  await t.pool.query(`SELECT setval(pg_get_serial_sequence('incidents', 'id'), 7654300)`);
  const now = new Date();
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 3600_000;
  const when = new Date(monthStart + Math.max(3 * 3600_000, (now.getTime() - monthStart) / 2));
  const inserted = await t.pool.query<{ id: string; external_id: string }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom)
     SELECT a.municipality_id, 'test', 'E2E-ALERT-' || a.id, $2, $2::timestamptz + interval '1 hour', false, 'door_forced', a.id, a.street_id, a.geom
     FROM addresses a WHERE a.street_id = $1 AND a.residential ORDER BY a.id LIMIT 3
     RETURNING id, external_id`,
    [street.id, when],
  );
  const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2, 9));
  expect((await scan({ now: later, baseUrl: app.url })).mails).toHaveLength(1);
  const alert = await sink.waitFor((m) => m.to === email && m.subject.startsWith('Inbraken'));
  for (const body of [alert.text, alert.html]) {
    expect(body).toContain(street.name);
    expect(body).not.toMatch(new RegExp(`${street.name}\\s+\\d`));
    expect(body).not.toMatch(/\b\d{1,2}:\d{2}\b/);
    for (const r of inserted.rows) {
      expect(body).not.toContain(r.external_id);
      expect(body).not.toContain(r.id);
    }
  }
  // The mail's map link opens the street on the public map, with its answer (not the front page).
  const mapUrl = /De kaart: (\S+)/.exec(alert.text)![1]!;
  expect(mapUrl).toBe(`${app.url}/?gemeente=GM0503&street=${street.id}`);
  const mapPage = await browser.newPage();
  await mapPage.goto(mapUrl, { waitUntil: 'networkidle0' });
  await mapPage.waitForSelector('#pk-alert:not([hidden])');
  expect(await mapPage.$eval('#pk-alert-intro', (e) => e.textContent)).toContain(street.name);
  await mapPage.close();

  const url = /^List-Unsubscribe: <([^>]+)>/m.exec(alert.headerLines)![1]!;
  expect(alert.headerLines).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(res.status).toBe(200);
  const left = await t.pool.query(`SELECT count(*)::int AS n FROM alert_subscriptions WHERE email = $1`, [
    email,
  ]);
  expect(left.rows[0].n).toBe(0);
}, 90000);

test('the form subscribes to the neighbourhood or to a circle around the street, never finer than the map', async () => {
  const street = (await demoStreets(t.pool, 12, 400))[0]!;
  const page = await browser.newPage();
  await page.goto(`${app.url}/?gemeente=GM0503`, { waitUntil: 'networkidle0' });
  await page.type('#pk-q', street.name);
  await page.click('#pk-search button[type="submit"]');
  await page.waitForSelector('#pk-alert-where-circle');
  expect(await page.$eval('#pk-alert-radius-row', (e) => (e as HTMLElement).hidden)).toBe(true);
  const subscribe = async (email: string) => {
    await page.$eval('#pk-alert-email', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#pk-alert-email', email);
    if (!(await page.$eval('#pk-alert-consent', (e) => (e as HTMLInputElement).checked)))
      await page.click('#pk-alert-consent');
    await page.$eval('#pk-alert-status', (e) => (e.textContent = ''));
    await page.click('#pk-alert-form button[type="submit"]');
    await page.waitForFunction(() =>
      /bevestig/i.test(document.getElementById('pk-alert-status')?.textContent ?? ''),
    );
  };

  await page.click('#pk-alert-where-circle');
  expect(await page.$eval('#pk-alert-radius-row', (e) => (e as HTMLElement).hidden)).toBe(false);
  await page.select('#pk-alert-radius', '1000');
  await subscribe('cirkel@example.nl');
  const circle = await t.pool.query(
    `SELECT target_kind, radius_m, center_lon, center_lat, street_id, area_key FROM alert_subscriptions WHERE email = $1`,
    ['cirkel@example.nl'],
  );
  expect(circle.rows[0]).toMatchObject({
    target_kind: 'circle',
    radius_m: 1000,
    street_id: null,
    area_key: null,
  });
  // The centre is the street's, rounded to 0.001 degree.
  for (const v of [circle.rows[0].center_lon, circle.rows[0].center_lat])
    expect(Math.round(v * 1000) / 1000).toBe(v);

  const areaName = await page.$eval('#pk-alert-where-area', (e) => e.parentElement!.textContent!);
  await page.click('#pk-alert-where-area');
  await subscribe('buurt@example.nl');
  const area = await t.pool.query(
    `SELECT s.target_kind, s.area_key, s.target_label FROM alert_subscriptions s WHERE email = $1`,
    ['buurt@example.nl'],
  );
  expect(area.rows[0]).toMatchObject({ target_kind: 'area' });
  expect(areaName).toContain(area.rows[0].target_label);
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
}, 90000);
