/**
 * A cancelled prevention evening is told to the households that signed up or wait, and left an
 * e-mail address with consent, against a real SMTP server on loopback and the real alerts
 * worker: one notice each, exactly once, in the evening's language, with no sign-up code; a
 * household without consent, or that cancelled its sign-up, gets nothing; a pending reminder of
 * the cancelled evening is dropped, not sent.
 */
import '../helpers/own-redis-prefix';
import '../helpers/fast-alert-retries';
import { SmtpSink } from '../../scripts/smtp-sink';
import { startAlertWorker } from '../../jobs/residents/alert-worker';
import { scanReminders, sendReminder } from '../../server/evenings/evening-reminders';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { closeAlertQueue } from '../../server/residents/alert-queue';
import { useSmtpUrl } from '../../server/residents/mailer';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

let sink: SmtpSink;
let worker: Awaited<ReturnType<typeof startAlertWorker>>;
afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await closeAlertQueue();
  await closeLetterQueue();
});
const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let eveningId: number;
let codes: string[];

const STARTS = new Date(Date.now() + 5 * 86_400_000);

async function post(p: string, body: unknown, headers: Record<string, string> = bearer(officer)) {
  return fetch(`${app.url}${p}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  sink = await SmtpSink.start();
  useSmtpUrl(sink.url);
  worker = await startAlertWorker({ schedule: false });
  officer = await createTestUser(t.pool, { role: 'officer' });
  const streets = (await demoStreets(t.pool, 8, 40)).slice(0, 1);
  const e = await post('/api/evenings', {
    municipality: 'GM0503',
    title: 'Voorlichtingsavond Hof van Delft',
    startsAt: STARTS.toISOString(),
    endsAt: new Date(STARTS.getTime() + 2 * 3600_000).toISOString(),
    venue: { name: 'Buurthuis De Hofstee', address: 'Hofstee 1, Delft', lon: 4.3536, lat: 52.0117 },
    capacity: 2,
    organiser: { name: 'Team OOV', email: 'oov@delft.example' },
    area: { streetIds: streets.map((s) => s.id) },
  });
  expect(e.status).toBe(201);
  eveningId = ((await e.json()) as { id: number }).id;
  expect((await post(`/api/evenings/${eveningId}/invitations`, {})).status).toBe(201);
  const { rows } = await t.pool.query<{ code: string }>(
    'SELECT code FROM evening_invitations WHERE evening_id = $1 ORDER BY id',
    [eveningId],
  );
  codes = rows.map((r) => r.code);
});

async function signup(body: Record<string, unknown>, path = '/api/public/signup'): Promise<void> {
  expect((await post(path, body, {})).status).toBe(200);
}

test('cancelling tells the households with an e-mail address, confirmed and waiting, once each', async () => {
  await signup({ code: codes[0], people: 2, name: 'Fam. Jansen', email: 'jansen@example.nl', consent: true });
  await signup({ code: codes[1], people: 1 });
  // Past the capacity of 2: on the waiting list.
  await signup({ code: codes[2], people: 1, email: 'wacht@example.nl', consent: true });
  await signup({ code: codes[3], people: 1, email: 'weg@example.nl', consent: true });
  await signup({ code: codes[3] }, '/api/public/signup/cancel');
  const waiting = await t.pool.query<{ status: string }>(
    'SELECT s.status FROM evening_signups s JOIN evening_invitations i ON i.id = s.invitation_id WHERE i.code = $1',
    [codes[2]],
  );
  expect(waiting.rows[0]!.status).toBe('waiting');
  // A reminder made before the cancellation (the evening was near) must not go out any more.
  await t.pool.query(
    `INSERT INTO evening_reminders (evening_id, invitation_id) SELECT evening_id, id FROM evening_invitations WHERE code = $1`,
    [codes[0]],
  );

  const res = await post(`/api/evenings/${eveningId}/cancel`, {});
  expect(res.status).toBe(200);
  const confirmedMail = await sink.waitFor((m) => m.to === 'jansen@example.nl');
  const waitingMail = await sink.waitFor((m) => m.to === 'wacht@example.nl');
  expect(confirmedMail.subject).toMatch(
    /^Gaat niet door: Voorlichtingsavond Hof van Delft, \w+dag \d+ \w+ \d{4}, \d\d:\d\d–\d\d:\d\d$/,
  );
  expect(confirmedMail.text).toContain('Beste Fam. Jansen,');
  expect(confirmedMail.text).toContain('U was aangemeld.');
  expect(waitingMail.text).toContain('U stond op de wachtlijst.');
  expect(confirmedMail.headerLines).toMatch(/^Message-ID: <pk-evening-cancelled-\d+@/im);
  for (const c of codes) expect(confirmedMail.raw + waitingMail.raw).not.toContain(c);
  // Every link in the notice leads somewhere: followed on this test server (the worker writes
  // PUBLIC_URL, or HOST:PORT without it); the public page names no sign-up or house number.
  const links = [...new Set(confirmedMail.text.match(/https?:\/\/\S+/g) ?? [])];
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    const u = new URL(link);
    const res = await fetch(`${app.url}${u.pathname}${u.search}`);
    expect(`${res.status} ${u.pathname}${u.search}`).toBe(`200 ${u.pathname}${u.search}`);
    expect(u.searchParams.get('gemeente')).toBe('GM0503');
    expect(u.searchParams.get('lang')).toBe('nl');
  }
  const html = confirmedMail.html;
  for (const link of links) expect(html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);

  // Recorded once each; the old reminder is dropped when its job comes; a second cancel is refused.
  const rows = async () =>
    (
      await t.pool.query<{ kind: string; status: string }>(
        'SELECT kind, status FROM evening_reminders WHERE evening_id = $1 ORDER BY kind, id',
        [eveningId],
      )
    ).rows;
  for (let i = 0; i < 50 && (await rows()).some((r) => r.kind === 'cancelled' && r.status !== 'sent'); i++)
    await new Promise((r) => setTimeout(r, 100));
  const reminder = await t.pool.query<{ id: string }>(
    "SELECT id FROM evening_reminders WHERE evening_id = $1 AND kind = 'reminder'",
    [eveningId],
  );
  expect(await sendReminder(Number(reminder.rows[0]!.id))).toBe('dropped');
  expect(await rows()).toEqual([
    { kind: 'cancelled', status: 'sent' },
    { kind: 'cancelled', status: 'sent' },
    { kind: 'reminder', status: 'dropped' },
  ]);
  expect((await post(`/api/evenings/${eveningId}/cancel`, {})).status).toBe(409);
  expect((await scanReminders(new Date())).made).toEqual([]);
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.mails.filter((m) => m.to === 'jansen@example.nl')).toHaveLength(1);
  expect(sink.mails.filter((m) => m.to === 'wacht@example.nl')).toHaveLength(1);
  expect(sink.mails.filter((m) => m.to === 'weg@example.nl')).toHaveLength(0);
  const audit = await t.pool.query<{ details: { notices: number } }>(
    "SELECT details FROM audit_log WHERE action = 'evening.cancel' AND subject_id = $1",
    [String(eveningId)],
  );
  expect(audit.rows[0]!.details.notices).toBe(2);
});
