/**
 * The operator's path for mails left in 'sending' (a worker stopped during the SMTP
 * conversation): `npm run cli -- alerts stuck` lists them with their Message-ID (no address);
 * `alerts release ID` sends one once more (it had not arrived), `alerts mark-sent ID` records it
 * as sent (it had); both audited; a mail not in 'sending' is refused. Real SMTP sink and worker.
 */
import '../helpers/own-redis-prefix';
import { SmtpSink } from '../../scripts/smtp-sink';
import { startAlertWorker } from '../../jobs/residents/alert-worker';
import { closeAlertQueue } from '../../server/residents/alert-queue';
import { useSmtpUrl } from '../../server/residents/mailer';
import { useTestApp } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { runCliInProcess } from '../helpers/cli';
import { useTestDatabase } from '../helpers/db';

let sink: SmtpSink;
let worker: Awaited<ReturnType<typeof startAlertWorker>>;
afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await closeAlertQueue();
});
const t = useTestDatabase();
const app = useTestApp();

beforeAll(async () => {
  sink = await SmtpSink.start();
  useSmtpUrl(sink.url);
  worker = await startAlertWorker({ schedule: false });
});

const status = async (id: number) =>
  (await t.pool.query<{ status: string }>('SELECT status FROM alert_mails WHERE id = $1', [id])).rows[0]!
    .status;

test('a mail left in "sending" is listed, released (sent once more) or recorded as sent, audited', async () => {
  const street = (await demoStreets(t.pool, 12, 400))[0]!;
  for (const email of ['een@example.nl', 'twee@example.nl']) {
    const res = await fetch(`${app.url}/api/public/GM0503/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, streetId: street.id, consent: true }),
    });
    expect(res.status).toBe(202);
    await sink.waitFor((m) => m.to === email);
  }
  const { rows } = await t.pool.query<{ id: string }>(
    `SELECT m.id FROM alert_mails m JOIN alert_subscriptions s ON s.id = m.subscription_id ORDER BY s.email`,
  );
  const [een, twee] = rows.map((r) => Number(r.id)) as [number, number];
  for (let i = 0; i < 100 && ((await status(een)) !== 'sent' || (await status(twee)) !== 'sent'); i++)
    await new Promise((r) => setTimeout(r, 100));
  // Both as a worker killed after the SMTP server took the message leaves them: in 'sending'.
  await t.pool.query(
    `UPDATE alert_mails SET status = 'sending', sent_at = NULL, claimed_at = now() - interval '1 hour'`,
  );

  expect(JSON.parse((await runCliInProcess(['alerts', 'stuck', '--minutes', '120'])).stdout)).toEqual({
    stuck: [],
  });
  const listed = await runCliInProcess(['alerts', 'stuck']);
  expect(listed.code).toBe(0);
  const stuck = (JSON.parse(listed.stdout) as { stuck: { source: string; id: number; messageId: string }[] })
    .stuck;
  expect(stuck.map((s) => [s.source, s.id])).toEqual([
    ['alert', een],
    ['alert', twee],
  ]);
  expect(stuck[0]!.messageId).toBe(`<pk-alert-${een}@preventiekaart.localhost>`);
  expect(listed.stdout).not.toContain('@example.nl');

  // "een" never arrived (says the SMTP log): sent once more, by the worker.
  expect((await runCliInProcess(['alerts', 'release', String(een)])).code).toBe(0);
  for (let i = 0; i < 100 && (await status(een)) !== 'sent'; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(await status(een)).toBe('sent');
  expect(sink.mails.filter((m) => m.to === 'een@example.nl')).toHaveLength(2);

  // "twee" did arrive: recorded as sent, not sent again.
  expect((await runCliInProcess(['alerts', 'mark-sent', String(twee)])).code).toBe(0);
  expect(await status(twee)).toBe('sent');
  await new Promise((r) => setTimeout(r, 300));
  expect(sink.mails.filter((m) => m.to === 'twee@example.nl')).toHaveLength(1);

  const again = await runCliInProcess(['alerts', 'release', String(twee)]);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/not in 'sending'/);
  expect((await runCliInProcess(['alerts', 'release', 'x'])).stderr).toMatch(/needs the id of a mail/);
  const audit = await t.pool.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE action LIKE 'alert-mail.%' ORDER BY id",
  );
  expect(audit.rows.map((r) => r.action)).toEqual(['alert-mail.release', 'alert-mail.mark-sent']);
});
