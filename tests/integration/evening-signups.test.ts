/**
 * Signing up for a prevention evening with the personal code (issue 12): look-up, sign-up,
 * change, cancel, waiting list; capacity enforced by the database under 50 concurrent sign-ups
 * for the last 10 places; wrong codes answered clearly and, after repeated tries, 429; names and
 * e-mail addresses only with consent and deleted after the evening; nothing personal answered.
 */
import '../helpers/own-redis-prefix';
import { purgeEveningContacts } from '../../server/evenings/evening-contacts';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let streets: DemoStreet[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  // Streets with enough homes for 60 invitations.
  const all = await demoStreets(t.pool, 10, 40);
  streets = [];
  for (const s of all) {
    if (streets.reduce((n, x) => n + x.n, 0) >= 60) break;
    streets.push(s);
  }
});
afterAll(async () => {
  await closeLetterQueue();
});

async function officerPost(p: string, body: unknown) {
  const res = await fetch(`${app.url}${p}`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { id: number; counts: { invited: number } } };
}

/** An evening with invitations sent (the letters stay pending: no worker here); its codes. */
async function eveningWithCodes(capacity: number, streetIds = streets.map((s) => s.id)) {
  const e = await officerPost('/api/evenings', {
    municipality: 'GM0503',
    title: 'Preventieavond',
    startsAt: '2030-03-12T19:30:00+01:00',
    endsAt: '2030-03-12T21:30:00+01:00',
    venue: { name: 'Wijkcentrum De Wippolder', address: 'Jaffalaan 1, Delft', lon: 4.3736, lat: 52.0017 },
    capacity,
    organiser: { name: 'Team OOV' },
    area: { streetIds },
  });
  expect(e.status).toBe(201);
  expect((await officerPost(`/api/evenings/${e.json.id}/invitations`, {})).status).toBe(201);
  const { rows } = await t.pool.query<{ code: string }>(
    'SELECT code FROM evening_invitations WHERE evening_id = $1 ORDER BY id',
    [e.json.id],
  );
  return { id: e.json.id, codes: rows.map((r) => r.code) };
}

async function pub(path: string, body: unknown) {
  const res = await fetch(`${app.url}/api/public/signup${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

test('look up, sign up, change, cancel with the same code; nothing personal in any answer', async () => {
  const { id, codes } = await eveningWithCodes(30);
  const code = codes[0]!;
  const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
  const l = await pub('/lookup', { code: typed });
  expect(l.status).toBe(200);
  expect(l.json).toMatchObject({
    evening: { title: 'Preventieavond', venue: { name: 'Wijkcentrum De Wippolder' }, status: 'planned' },
    signup: null,
  });

  const s = await pub('', {
    code,
    people: 2,
    name: 'Jan Jansen',
    email: 'jan@example.org',
    consent: true,
  });
  expect(s.status).toBe(200);
  expect(s.json.signup).toEqual({
    people: 2,
    status: 'confirmed',
    waitingPosition: null,
    contactStored: true,
  });
  for (const r of [l, s]) {
    expect(r.text).not.toContain(code);
    expect(r.text).not.toMatch(/Jan Jansen|jan@example\.org|Jaffalaan 1|\b\d{4} ?[A-Z]{2}\b/);
  }

  // A name without consent is refused.
  expect((await pub('', { code, people: 1, name: 'Jan' })).status).toBe(400);

  const changed = await pub('', { code, people: 3 });
  expect(changed.json.signup).toMatchObject({ people: 3, status: 'confirmed', contactStored: false });
  const evening = await fetch(`${app.url}/api/evenings/${id}`, { headers: bearer(officer) });
  expect(((await evening.json()) as { counts: { confirmedPeople: number } }).counts.confirmedPeople).toBe(3);

  const c = await pub('/cancel', { code });
  expect(c.status).toBe(200);
  expect(c.json.signup).toBeNull();
});

test('past capacity a household goes on the waiting list and moves up when a place comes free', async () => {
  const { codes } = await eveningWithCodes(3, [streets[0]!.id]);
  const [a, b, c] = codes as [string, string, string];
  expect((await pub('', { code: a, people: 2 })).json.signup.status).toBe('confirmed');
  const wb = await pub('', { code: b, people: 2 });
  expect(wb.json.signup).toMatchObject({ status: 'waiting', waitingPosition: 1 });
  expect((await pub('', { code: c, people: 1 })).json.signup.status).toBe('confirmed');
  expect((await pub('/lookup', { code: c })).json.evening.full).toBe(true);
  await pub('/cancel', { code: a });
  expect((await pub('/lookup', { code: b })).json.signup).toMatchObject({ status: 'confirmed', people: 2 });
});

test('50 concurrent sign-ups for the last 10 places: exactly 10 confirmed, 40 waiting, never overbooked', async () => {
  const { id, codes } = await eveningWithCodes(20);
  expect(codes.length).toBeGreaterThanOrEqual(60);
  // Ten places taken one by one, then 50 households at once for the last ten.
  for (const code of codes.slice(0, 10)) expect((await pub('', { code, people: 1 })).status).toBe(200);
  const results = await Promise.all(codes.slice(10, 60).map((code) => pub('', { code, people: 1 })));
  expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
  const statuses = results.map((r) => r.json.signup.status as string);
  expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10);
  expect(statuses.filter((s) => s === 'waiting')).toHaveLength(40);
  const { rows } = await t.pool.query(
    `SELECT status, sum(people)::int AS n FROM evening_signups WHERE evening_id = $1 GROUP BY status ORDER BY status`,
    [id],
  );
  expect(rows).toEqual([
    { status: 'confirmed', n: 20 },
    { status: 'waiting', n: 40 },
  ]);
  // The waiting list is in order 1..40.
  const positions = await Promise.all(
    results
      .map((r, i) => [r, codes[10 + i]!] as const)
      .filter(([r]) => r.json.signup.status === 'waiting')
      .map(async ([, code]) => (await pub('/lookup', { code })).json.signup.waitingPosition as number),
  );
  expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
});

test('names and e-mail addresses are deleted after the evening; the numbers stay', async () => {
  const { id, codes } = await eveningWithCodes(30, [streets[0]!.id]);
  // A sign-up with contact, then the evening moves into the past (as if it was held).
  const s = await fetch(`${app.url}/api/public/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: codes[0],
      people: 2,
      name: 'Piet',
      email: 'piet@example.org',
      consent: true,
    }),
  });
  expect(s.status).toBe(200);
  await t.pool.query(
    `UPDATE evenings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
    [id],
  );
  const r = await purgeEveningContacts({ actor: 'test' });
  expect(r.deleted).toBeGreaterThanOrEqual(1);
  const { rows } = await t.pool.query(
    'SELECT name, email, people FROM evening_signups WHERE evening_id = $1',
    [id],
  );
  expect(rows).toEqual([{ name: null, email: null, people: 2 }]);
});

test('officers see invited, signed up and coming per street, tick attendance by code, export CSV', async () => {
  const [s1, s2] = [streets[0]!, streets[1]!];
  const { id, codes } = await eveningWithCodes(30, [s1.id, s2.id]);
  const { rows } = await t.pool.query<{ code: string; street: string }>(
    `SELECT i.code, a.street_name AS street FROM evening_invitations i JOIN addresses a ON a.id = i.address_id
     WHERE i.evening_id = $1 ORDER BY i.id`,
    [id],
  );
  const inS1 = rows.filter((r) => r.street === s1.name).map((r) => r.code);
  expect(inS1.length).toBe(s1.n);
  await pub('', { code: inS1[0], people: 2 });
  await pub('', { code: inS1[1], people: 1 });
  const get = (p: string) => fetch(`${app.url}/api/evenings/${id}${p}`, { headers: bearer(officer) });
  const r = (await (await get('/response')).json()) as {
    totals: { invited: number; signedUp: number; coming: number };
    streets: { street: string; invited: number; signedUp: number; coming: number; responseRate: number }[];
  };
  expect(r.totals).toMatchObject({ invited: codes.length, signedUp: 2, coming: 3 });
  expect(r.streets.find((x) => x.street === s1.name)).toMatchObject({
    invited: s1.n,
    signedUp: 2,
    coming: 3,
    responseRate: Math.round((2 / s1.n) * 1000) / 1000,
  });
  expect(r.streets.find((x) => x.street === s2.name)).toMatchObject({
    invited: s2.n,
    signedUp: 0,
    coming: 0,
  });

  const tick = (code: string) =>
    fetch(`${app.url}/api/evenings/${id}/attendance`, {
      method: 'POST',
      headers: { ...bearer(officer), 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  // Not before the evening.
  expect((await tick(inS1[0]!)).status).toBe(409);
  await t.pool.query(
    `UPDATE evenings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
    [id],
  );
  const ticked = await tick(inS1[0]!);
  expect(ticked.status).toBe(200);
  expect(await ticked.json()).toEqual({
    street: s1.name,
    attended: true,
    signup: { people: 2, status: 'confirmed' },
  });
  expect((await tick('ZZZZZZZZ')).status).toBe(404);

  const csv = await (await get('/response.csv')).text();
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('straat,uitgenodigd,aangemeld,komen,wachtlijst,aanwezig,respons');
  expect(lines).toContain(`${s1.name},${s1.n},2,3,0,1,${Math.round((2 / s1.n) * 1000) / 1000}`);
  expect(lines.at(-1)).toMatch(new RegExp(`^totaal,${codes.length},2,3,0,1,`));
  const audits = await t.pool.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evening.attendance' AND subject_id = $1`,
    [String(id)],
  );
  expect(audits.rows[0].n).toBe(1);
});

// Last: it uses up this app's allowance of wrong codes (SIGNUP_RATE_LIMIT, 10 per 15 minutes).
test('a wrong or guessed code gets a clear answer, and after repeated tries 429', async () => {
  const first = await pub('/lookup', { code: 'ZZZZ-ZZZZ' });
  expect(first.status).toBe(404);
  expect(first.json.error.message).toMatch(/check the 8 letters and digits in your letter/);
  expect((await pub('/lookup', { code: 'abc' })).status).toBe(400);
  let last = 0;
  for (let i = 0; i < 12; i++) last = (await pub('/lookup', { code: `ZZZZZZZ${i % 10}` })).status;
  expect(last).toBe(429);
});
