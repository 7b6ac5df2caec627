/**
 * Invitations to a prevention evening through the letter pipeline (issue 12): one letter per
 * residential address of the area, each with its own sign-up code, printed in the letter (read
 * back with pdftotext) beside a QR code to the sign-up page.
 */
import '../helpers/own-redis-prefix';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { addressLines, demoStreets, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText } from '../helpers/pdf';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let worker: ReturnType<typeof startLetterWorker>;
let streets: DemoStreet[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startLetterWorker();
  streets = (await demoStreets(t.pool, 3, 6)).slice(0, 2);
});
afterAll(async () => {
  await worker?.close();
  await closeLetterQueue();
});

const post = (p: string, body: unknown) =>
  fetch(`${app.url}${p}`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('the invitations print one personal code per address; the code in the letter is the one stored for that address', async () => {
  const e = await post('/api/evenings', {
    municipality: 'GM0503',
    title: 'Preventieavond',
    startsAt: '2030-03-12T19:30:00+01:00',
    endsAt: '2030-03-12T21:30:00+01:00',
    venue: { name: 'Wijkcentrum De Wippolder', address: 'Jaffalaan 1, Delft', lon: 4.3736, lat: 52.0017 },
    capacity: 30,
    organiser: { name: 'Team OOV' },
    area: { streetIds: streets.map((s) => s.id) },
  });
  expect(e.status).toBe(201);
  const evening = (await e.json()) as { id: number };
  const inv = await post(`/api/evenings/${evening.id}/invitations`, {});
  expect(inv.status).toBe(201);
  const sent = (await inv.json()) as { campaignId: number; counts: { invited: number } };
  const total = streets.reduce((n, s) => n + s.n, 0);
  expect(sent.counts.invited).toBe(total);
  // Sent once only.
  expect((await post(`/api/evenings/${evening.id}/invitations`, {})).status).toBe(409);

  await waitUntilDone(t.pool, sent.campaignId);
  const pdf = new Uint8Array(
    await (
      await fetch(`${app.url}/api/campaigns/${sent.campaignId}/letters.pdf`, { headers: bearer(officer) })
    ).arrayBuffer(),
  );
  expect(pdfPages(pdf)).toBe(total);
  const text = pdfText(pdf);
  const printed = [
    ...text.matchAll(/persoonlijke code in:\s*([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})\b/g),
  ].map((m) => m[1]! + m[2]!);
  const { rows } = await t.pool.query<{ code: string }>(
    `SELECT i.code FROM evening_invitations i JOIN addresses a ON a.id = i.address_id
     WHERE i.evening_id = $1
     ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, a.id`,
    [evening.id],
  );
  expect(new Set(rows.map((r) => r.code)).size).toBe(total);
  // In print order: page n carries the code of the n-th address.
  expect(printed).toEqual(rows.map((r) => r.code));
  expect(text).toContain('aanmelden.html');
  expect(text).toContain('Wijkcentrum De Wippolder');
  // Every address of the two streets got its letter.
  for (const line of await addressLines(
    t.pool,
    streets.map((s) => s.id),
  ))
    expect(text).toContain(line);
});
