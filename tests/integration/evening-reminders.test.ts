/**
 * Reminder e-mails before a prevention evening (issue 12), against a real SMTP server on
 * loopback (scripts/smtp-sink.ts) and the real alerts worker: only households that left an
 * e-mail address with consent get one, once the evening is EVENING_REMINDER_HOURS (48) away;
 * exactly once (a second scan makes nothing; a refused mail is retried and arrives once; one
 * left in 'sending' is not sent again); recorded in Postgres; the name and e-mail address are
 * deleted after the evening, and the record of the reminder holds neither.
 */
import '../helpers/own-redis-prefix';
import '../helpers/fast-alert-retries';
import { SmtpSink } from '../../scripts/smtp-sink';
import { startAlertWorker } from '../../jobs/residents/alert-worker';
import { purgeEveningContacts } from '../../server/evenings/evening-contacts';
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

const STARTS = new Date('2030-03-12T18:30:00Z');
const hoursBefore = (h: number) => new Date(STARTS.getTime() - h * 3600_000);

beforeAll(async () => {
  sink = await SmtpSink.start();
  useSmtpUrl(sink.url);
  worker = await startAlertWorker({ schedule: false });
  officer = await createTestUser(t.pool, { role: 'officer' });
  const streets = (await demoStreets(t.pool, 8, 40)).slice(0, 1);
  const post = async (p: string, body: unknown) => {
    const res = await fetch(`${app.url}${p}`, {
      method: 'POST',
      headers: { ...bearer(officer), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: number };
  };
  const e = await post('/api/evenings', {
    municipality: 'GM0503',
    title: 'Preventieavond Wippolder',
    startsAt: STARTS.toISOString(),
    endsAt: '2030-03-12T20:30:00Z',
    venue: { name: 'Wijkcentrum De Wippolder', address: 'Jaffalaan 1, Delft', lon: 4.3736, lat: 52.0017 },
    capacity: 40,
    organiser: { name: 'Team OOV', email: 'oov@delft.example' },
    area: { streetIds: streets.map((s) => s.id) },
  });
  eveningId = e.id;
  await post(`/api/evenings/${eveningId}/invitations`, {});
  const { rows } = await t.pool.query<{ code: string }>(
    'SELECT code FROM evening_invitations WHERE evening_id = $1 ORDER BY id',
    [eveningId],
  );
  codes = rows.map((r) => r.code);
});

async function signup(body: Record<string, unknown>, path = '/api/public/signup'): Promise<void> {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

const reminders = async () =>
  (
    await t.pool.query<{ id: string; status: string; attempts: number; message_id: string | null }>(
      'SELECT id, status, attempts, message_id FROM evening_reminders ORDER BY id',
    )
  ).rows;

test('one reminder to the household that left an e-mail address with consent, once, in the evening language', async () => {
  await signup({ code: codes[0], people: 2, name: 'Fam. Jansen', email: 'jansen@example.nl', consent: true });
  await signup({ code: codes[1], people: 1 });
  await signup({ code: codes[2], people: 1, email: 'weg@example.nl', consent: true });
  await signup({ code: codes[2] }, '/api/public/signup/cancel');

  // Too early: nothing yet.
  expect((await scanReminders(hoursBefore(49))).made).toEqual([]);
  const first = await scanReminders(hoursBefore(24));
  expect(first.made).toHaveLength(1);
  const mail = await sink.waitFor((m) => m.to === 'jansen@example.nl');
  expect(mail.subject).toBe('Herinnering: Preventieavond Wippolder, dinsdag 12 maart 2030, 19:30–21:30');
  expect(mail.text).toContain('Beste Fam. Jansen,');
  expect(mail.text).toContain('met 2 personen');
  expect(mail.text).toContain('Waar: Wijkcentrum De Wippolder, Jaffalaan 1, Delft');
  expect(mail.text).toMatch(/\/aanmelden\.html\?lang=nl/);
  expect(mail.text).toMatch(new RegExp(`/api/public/GM0503/evenings/${eveningId}\\.ics`));
  expect(mail.text).toContain('na de avond verwijderd');
  expect(mail.html).toMatch(/<a href="http[^"]+\/aanmelden\.html\?lang=nl">/);
  // The mail holds no sign-up code (it is the resident's key).
  for (const c of codes) expect(mail.raw).not.toContain(c);
  expect(mail.headerLines).toMatch(/^Message-ID: <pk-evening-reminder-\d+@/im);
  // Every link in the reminder is followed on this test server: the sign-up page and the
  // evening's calendar file (an iCalendar of this evening, nothing of the household).
  const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])];
  expect(links).toHaveLength(2);
  for (const link of links) {
    const u = new URL(link);
    const res = await fetch(`${app.url}${u.pathname}${u.search}`);
    expect(`${res.status} ${u.pathname}`).toBe(`200 ${u.pathname}`);
    const body = await res.text();
    if (u.pathname.endsWith('.ics')) {
      expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
      expect(body).toContain('SUMMARY:Preventieavond Wippolder');
      expect(body).not.toMatch(/jansen|Fam\./i);
    } else expect(body).toContain('<html');
  }

  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 50 && (await reminders())[0]?.status !== 'sent'; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(await reminders()).toEqual([
    expect.objectContaining({
      status: 'sent',
      attempts: 1,
      message_id: expect.stringMatching(/^<pk-evening/),
    }),
  ]);

  // A second scan (or a second worker's) makes nothing; the job queued again sends nothing.
  expect((await scanReminders(hoursBefore(23))).made).toEqual([]);
  expect(await sendReminder(Number((await reminders())[0]!.id))).toBe('already-sent');
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.mails.filter((m) => m.to === 'jansen@example.nl')).toHaveLength(1);
  expect(sink.mails.filter((m) => m.to === 'weg@example.nl')).toHaveLength(0);
});

test('a mail the SMTP server refuses is retried and arrives once; one left in "sending" is not sent again', async () => {
  sink.refuseNext(1);
  await signup({ code: codes[3], people: 1, email: 'later@example.nl', consent: true });
  expect((await scanReminders(hoursBefore(12))).made).toHaveLength(1);
  await sink.waitFor((m) => m.to === 'later@example.nl');
  for (let i = 0; i < 50 && (await reminders())[1]?.status !== 'sent'; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect((await reminders())[1]).toMatchObject({ status: 'sent', attempts: 2 });
  expect(sink.mails.filter((m) => m.to === 'later@example.nl')).toHaveLength(1);

  // A worker killed mid-conversation leaves the row in 'sending': in doubt, never sent twice.
  await signup({ code: codes[4], people: 1, email: 'twijfel@example.nl', consent: true });
  await t.pool.query(
    `INSERT INTO evening_reminders (evening_id, invitation_id, status, attempts)
     SELECT evening_id, id, 'sending', 1 FROM evening_invitations WHERE code = $1`,
    [codes[4]],
  );
  const { rows } = await t.pool.query<{ id: string }>(
    "SELECT id FROM evening_reminders WHERE status = 'sending'",
  );
  expect(await sendReminder(Number(rows[0]!.id))).toBe('in-doubt');
  // A reminder whose household cancelled before it went is dropped, not sent.
  await t.pool.query(
    `INSERT INTO evening_reminders (evening_id, invitation_id)
     SELECT evening_id, id FROM evening_invitations WHERE code = $1`,
    [codes[5]],
  );
  const dropped = await t.pool.query<{ id: string }>(
    'SELECT r.id FROM evening_reminders r JOIN evening_invitations i ON i.id = r.invitation_id WHERE i.code = $1',
    [codes[5]],
  );
  expect(await sendReminder(Number(dropped.rows[0]!.id))).toBe('dropped');
  expect((await scanReminders(hoursBefore(11))).made).toEqual([]);
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.mails.filter((m) => m.to === 'twijfel@example.nl')).toHaveLength(0);
});

test('after the evening the names and e-mail addresses are deleted; the record of the reminders stays', async () => {
  const before = await t.pool.query(
    'SELECT 1 FROM evening_signups WHERE email IS NOT NULL OR name IS NOT NULL',
  );
  expect(before.rowCount).toBeGreaterThan(0);
  const purged = await purgeEveningContacts({ actor: 'test', now: new Date('2030-03-13T00:00:00Z') });
  expect(purged.evenings).toBe(1);
  const after = await t.pool.query(
    'SELECT people FROM evening_signups WHERE evening_id = $1 AND (email IS NOT NULL OR name IS NOT NULL)',
    [eveningId],
  );
  expect(after.rowCount).toBe(0);
  expect((await reminders()).map((r) => r.status)).toEqual(['sent', 'sent', 'sending', 'dropped']);
  const cols = await t.pool.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'evening_reminders'",
  );
  expect(cols.rows.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['email']));
  // Nothing is left to remind anyone of.
  expect((await scanReminders(hoursBefore(1))).made).toEqual([]);
});
