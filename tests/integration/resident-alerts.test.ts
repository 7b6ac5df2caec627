/**
 * Residents' e-mail alerts end to end against a real SMTP server on loopback (scripts/smtp-sink.ts)
 * and the real worker: subscribe over HTTP, follow the confirmation link from the received mail,
 * publish a new month (a fake `now` after the next cut-off), get the alert with only street-level
 * text, never twice; a refused mail is retried and arrives once; unsubscribe through the link and
 * through the RFC 8058 one-click POST; unconfirmed addresses go after 48 hours.
 */
import '../helpers/own-redis-prefix';
import '../helpers/fast-alert-retries';
import { SmtpSink, type ReceivedMail } from '../../scripts/smtp-sink';
import { startAlertWorker } from '../../jobs/residents/alert-worker';
import { scan } from '../../server/residents/alerts.service';
import { useSmtpUrl } from '../../server/residents/mailer';
import { useTestApp } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let sink: SmtpSink;
let worker: Awaited<ReturnType<typeof startAlertWorker>>;

beforeAll(async () => {
  sink = await SmtpSink.start();
  useSmtpUrl(sink.url);
  worker = await startAlertWorker({ schedule: false });
});
afterAll(async () => {
  await worker?.close();
  await sink?.close();
});

function linkIn(mail: ReceivedMail, path: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[0];
}

async function subscribe(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${app.url}/api/public/GM0503/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Local time in the middle between the start of the current month (Amsterdam) and now. */
function earlierThisMonth(now: Date): Date {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 3600_000;
  return new Date(start + Math.max(3 * 3600_000, (now.getTime() - start) / 2));
}

test('subscribe, confirm from the mail, get one street-level alert per published month, unsubscribe (link and RFC 8058)', async () => {
  const street = (await demoStreets(t.pool, 12, 400))[0]!;
  const a = 'bewoner-a@example.nl';
  const b = 'resident-b@example.nl';

  expect((await subscribe({ email: a, streetId: street.id })).status).toBe(400); // no consent
  const resA = await subscribe({ email: a, streetId: street.id, consent: true, lang: 'nl' });
  expect(resA.status).toBe(202);
  const confirmA = await sink.waitFor((m) => m.to === a);
  expect(confirmA.subject).toMatch(new RegExp(street.name));
  expect(confirmA.html).toMatch(/<a href=/);
  expect(confirmA.headerLines).toMatch(/^List-Unsubscribe: <http[^>]+\/alerts\/unsubscribe\?token=/m);
  expect(confirmA.headerLines).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

  // Following the link shows a page with a button (a mail scanner opening it confirms nothing).
  const link = linkIn(confirmA, '/alerts/confirm');
  const pageRes = await fetch(link);
  expect(pageRes.status).toBe(200);
  expect(await pageRes.text()).toMatch(/<form method="post"/);
  let row = await t.pool.query(`SELECT status FROM alert_subscriptions WHERE email = $1`, [a]);
  expect(row.rows[0].status).toBe('pending');
  expect((await fetch(link, { method: 'POST' })).status).toBe(200);
  row = await t.pool.query(
    `SELECT status, confirmed_at, consent_version, confirm_token FROM alert_subscriptions WHERE email = $1`,
    [a],
  );
  expect(row.rows[0]).toMatchObject({ status: 'confirmed', confirm_token: null });
  expect(row.rows[0].confirmed_at).not.toBeNull();
  expect(row.rows[0].consent_version).toMatch(/alerts-/);
  expect((await fetch(link, { method: 'POST' })).status).toBe(404); // used once

  // A second subscriber (English, a circle around the street): the SMTP server refuses the first
  // try of the confirmation mail; the worker retries and it arrives once.
  const centre = await t.pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p FROM streets WHERE id = $1) x`,
    [street.id],
  );
  sink.refuseNext(1);
  const resB = await subscribe({
    email: b,
    lang: 'en',
    frequency: 'published',
    circle: { lon: centre.rows[0]!.lon, lat: centre.rows[0]!.lat, radiusM: 300 },
    consent: true,
  });
  expect(resB.status).toBe(202);
  const confirmB = await sink.waitFor((m) => m.to === b);
  expect(confirmB.subject).toMatch(/^Confirm your burglary alerts/);
  expect((await fetch(linkIn(confirmB, '/alerts/confirm'), { method: 'POST' })).status).toBe(200);
  const attempts = await t.pool.query(
    `SELECT m.attempts, m.status FROM alert_mails m JOIN alert_subscriptions s ON s.id = m.subscription_id WHERE s.email = $1`,
    [b],
  );
  expect(attempts.rows).toEqual([{ attempts: 2, status: 'sent' }]);

  // New burglaries on the street this month; nothing is mailed before the month is published.
  const now = new Date();
  const when = earlierThisMonth(now);
  // Ids that cannot occur by chance in a mail's text, so the check below means something.
  await t.pool.query(`SELECT setval(pg_get_serial_sequence('incidents', 'id'), 9876500)`);
  const inserted = await t.pool.query<{ id: string; external_id: string }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom)
     SELECT a.municipality_id, 'test', 'ALERT-' || a.id, $2, $2::timestamptz + interval '1 hour', false, 'cylinder_snapping', a.id, a.street_id, a.geom
     FROM addresses a WHERE a.street_id = $1 AND a.residential ORDER BY a.id LIMIT 4
     RETURNING id, external_id`,
    [street.id, when],
  );
  expect(inserted.rows).toHaveLength(4);
  expect((await scan({ now, baseUrl: app.url })).mails).toEqual([]);

  // After the next cut-off the month is published and each subscriber gets one alert.
  const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 3, 12));
  const made = await scan({ now: later, baseUrl: app.url });
  expect(made.mails).toHaveLength(2);
  const alertA = await sink.waitFor((m) => m.to === a && m.subject.startsWith('Inbraken'));
  const alertB = await sink.waitFor((m) => m.to === b && m.subject.startsWith('Burglaries'));
  const houseNumbers = await t.pool.query<{ n: string }>(
    `SELECT DISTINCT huisnummer::text AS n FROM addresses WHERE street_id = $1`,
    [street.id],
  );
  for (const mail of [alertA, alertB]) {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(street.name);
      // Street level only: no "<street> <number>", no incident id or registration number, no clock time.
      expect(body).not.toMatch(new RegExp(`${street.name}\\s+\\d`));
      for (const r of inserted.rows) {
        expect(body).not.toContain(r.external_id);
        expect(body).not.toMatch(new RegExp(`\\b${r.id}\\b`));
      }
      expect(body).not.toMatch(/\b\d{1,2}:\d{2}\b/);
    }
    expect(mail.headerLines).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  }
  expect(houseNumbers.rows.length).toBeGreaterThan(0);
  const monthNl = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' }).format(now);
  expect(alertA.text).toContain(`In ${monthNl}:`);
  expect(alertA.text).toMatch(/(\d+ inbraken|een paar inbraken of niet getoond)/);
  expect(alertA.text).toMatch(/112/);
  // The map link opens the street (A) on the public map; a circle (B) the municipality's map, in English.
  expect(alertA.text).toContain(`${app.url}/?gemeente=GM0503&street=${street.id}\n`);
  expect(alertA.html).toContain(`href="${app.url}/?gemeente=GM0503&#38;street=${street.id}"`);
  expect(alertB.text).toContain(`${app.url}/?gemeente=GM0503&lang=en\n`);

  // Scanning again (the hourly job, another worker) sends nothing twice.
  expect((await scan({ now: later, baseUrl: app.url })).mails).toEqual([]);
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.mails.filter((m) => m.to === a)).toHaveLength(2);
  expect(sink.mails.filter((m) => m.to === b)).toHaveLength(2);

  // Unsubscribe A through the link in the mail (page, then its one button): deleted at once.
  const unsubA = linkIn(alertA, '/alerts/unsubscribe');
  const unsubPage = await fetch(unsubA);
  expect(unsubPage.status).toBe(200);
  expect(await unsubPage.text()).toMatch(/<form method="post"/);
  expect((await fetch(unsubA, { method: 'POST' })).status).toBe(200);
  // B with one request to the List-Unsubscribe URL, as RFC 8058 mail clients do.
  const header = /^List-Unsubscribe: <([^>]+)>/m.exec(alertB.headerLines)![1]!;
  const oneClick = await fetch(header, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);
  const left = await t.pool.query(
    `SELECT count(*)::int AS n FROM alert_subscriptions WHERE email IN ($1, $2)`,
    [a, b],
  );
  expect(left.rows[0].n).toBe(0);
  const mailsLeft = await t.pool.query(`SELECT count(*)::int AS n FROM alert_mails`);
  expect(mailsLeft.rows[0].n).toBe(0);
});

test('an unconfirmed subscription expires: its link stops working and the address is deleted after 48 hours', async () => {
  const street = (await demoStreets(t.pool, 12, 400))[1]!;
  const c = 'unconfirmed@example.nl';
  expect(
    (await subscribe({ email: c, streetId: street.id, consent: true, frequency: 'weekly' })).status,
  ).toBe(202);
  const mail = await sink.waitFor((m) => m.to === c);
  expect(mail.text).toMatch(/48 uur/);
  await t.pool.query(
    `UPDATE alert_subscriptions SET created_at = now() - interval '49 hours', confirm_expires_at = now() - interval '1 hour' WHERE email = $1`,
    [c],
  );
  expect((await fetch(linkIn(mail, '/alerts/confirm'))).status).toBe(404);
  const r = await scan({ baseUrl: app.url });
  expect(r.deletedUnconfirmed).toBe(1);
  const left = await t.pool.query(`SELECT count(*)::int AS n FROM alert_subscriptions WHERE email = $1`, [c]);
  expect(left.rows[0].n).toBe(0);
});

test('hostile subscriptions are refused with 400', async () => {
  for (const body of [
    { email: 'not-an-address', streetId: 1, consent: true },
    { email: 'x@example.nl', consent: true },
    { email: 'x@example.nl', streetId: 999999999, consent: true },
    { email: 'x@example.nl', circle: { lon: 4.37, lat: 52.0, radiusM: 10 }, consent: true },
    { email: 'x@example.nl', areaKey: 'nope', streetId: 1, consent: true },
  ]) {
    expect((await subscribe(body)).status).toBe(400);
  }
});
