/**
 * The private calendar feed of street inspections per user (issue 12, calendar part): a secret,
 * revocable URL made over the API; it lists (parsed with ical.js) the inspections the user is a
 * team member of and no others; nothing but the title, times, start point, streets and team size;
 * making a new URL or revoking it makes the old one answer 410; an unknown one 404; audited.
 */
import '../helpers/own-redis-prefix';
import ICAL from 'ical.js';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

afterAll(async () => {
  await closeLetterQueue();
});
const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let member: TestUser;
let other: TestUser;
let memberUrl: string;

async function call(user: TestUser, method: string, p: string, body?: unknown) {
  const res = await fetch(`${app.url}${p}`, {
    method,
    headers: { ...bearer(user), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    json: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>),
  };
}

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  member = await createTestUser(t.pool, { role: 'planner' });
  other = await createTestUser(t.pool, { role: 'planner' });
  const { rows } = await t.pool.query<{ id: string }>(
    "SELECT id FROM streets WHERE name IN ('Mekelweg', 'Schoemakerstraat', 'Korvezeestraat') AND geom IS NOT NULL ORDER BY name",
  );
  const streets = rows.map((r) => ({ id: Number(r.id) }));
  const plan = async (title: string, startsAt: string, userIds: number[], streetIds: number[]) =>
    call(officer, 'POST', '/api/inspections', {
      municipality: 'GM0503',
      title,
      startsAt,
      notes: 'Sleutel bij de buurman op nummer 4',
      team: { userIds, names: ['Vrijwilliger Piet'] },
      selection: { streetIds },
    }).then((r) => {
      if (r.status !== 201) throw new Error(JSON.stringify(r.json));
      return r;
    });
  expect(
    (await plan('Schouw Wippolder', '2030-10-31T19:30:00+01:00', [member.id], [streets[0]!.id])).status,
  ).toBe(201);
  expect(
    (await plan('Schouw Tanthof', '2030-11-02T10:00:00+01:00', [member.id, other.id], [streets[1]!.id]))
      .status,
  ).toBe(201);
  expect(
    (await plan('Schouw zonder lid', '2030-11-05T10:00:00+01:00', [other.id], [streets[2]!.id])).status,
  ).toBe(201);
});

test('a secret URL lists the inspections the user is a team member of, as iCalendar', async () => {
  expect((await call(member, 'GET', '/api/account/calendar-feed')).json).toEqual({ feed: null });
  const made = await call(member, 'POST', '/api/account/calendar-feed', {});
  expect(made.status).toBe(201);
  const url = made.json!.url as string;
  memberUrl = url;
  expect(url).toMatch(/\/api\/calendar\/inspections\.ics\?token=[A-Za-z0-9_-]{43}$/);
  expect(made.json!.webcal).toMatch(/^webcal:/);
  // The secret is stored hashed only.
  const token = new URL(url).searchParams.get('token')!;
  const stored = await t.pool.query<{ token_hash: Buffer }>('SELECT token_hash FROM calendar_feeds');
  expect(stored.rows[0]!.token_hash.toString('utf8')).not.toContain(token);

  // No sign-in needed: the URL is the key (a calendar app fetches it).
  const res = await fetch(url.replace(/^https?:\/\/[^/]+/, app.url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const ics = await res.text();
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary)).toEqual(['Schouw: Schouw Wippolder', 'Schouw: Schouw Tanthof']);
  // 31 October 2030, 19:30 in Amsterdam (after the clocks went back) is 18:30 UTC; two hours without a route.
  expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2030-10-31T18:30:00.000Z');
  expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2030-10-31T20:30:00.000Z');
  expect(events[0]!.description).toMatch(/Team: 2/);
  expect(events[0]!.uid).toMatch(/^inspection-gm0503-\d+@/);
  // No notes and no names leave with the feed.
  expect(ics).not.toContain('Sleutel');
  expect(ics).not.toContain('Piet');
  expect(ics).not.toContain(member.email);
  expect((await call(member, 'GET', '/api/account/calendar-feed')).json).toMatchObject({
    feed: { createdAt: expect.any(String), lastUsedAt: expect.any(String) },
  });
});

test('a new URL revokes the old one (410); revoking makes it 410; an unknown secret is 404; audited', async () => {
  const first = (await call(other, 'POST', '/api/account/calendar-feed', {})).json!.url as string;
  const local = (u: string) => u.replace(/^https?:\/\/[^/]+/, app.url);
  expect((await fetch(local(first))).status).toBe(200);
  const second = (await call(other, 'POST', '/api/account/calendar-feed', {})).json!.url as string;
  const gone = await fetch(local(first));
  expect(gone.status).toBe(410);
  expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('feed_revoked');
  const ics = await (await fetch(local(second))).text();
  expect(ics).toContain('Schouw Tanthof');
  expect(ics).toContain('Schouw zonder lid');
  expect(ics).not.toContain('Schouw Wippolder');

  expect((await call(other, 'DELETE', '/api/account/calendar-feed')).status).toBe(204);
  expect((await fetch(local(second))).status).toBe(410);
  expect((await call(other, 'DELETE', '/api/account/calendar-feed')).status).toBe(404);
  expect((await call(other, 'GET', '/api/account/calendar-feed')).json).toEqual({ feed: null });
  expect((await fetch(`${app.url}/api/calendar/inspections.ics?token=${'A'.repeat(43)}`)).status).toBe(404);
  expect((await fetch(`${app.url}/api/calendar/inspections.ics?token=short`)).status).toBe(400);
  // A disabled user's feed stops too.
  expect((await fetch(local(memberUrl))).status).toBe(200);
  await t.pool.query('UPDATE users SET disabled_at = now() WHERE id = $1', [member.id]);
  expect((await fetch(local(memberUrl))).status).toBe(410);

  const { rows } = await t.pool.query<{ action: string; n: number }>(
    "SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'calendar-feed.%' GROUP BY action ORDER BY action",
  );
  expect(rows).toEqual([
    { action: 'calendar-feed.create', n: 3 },
    { action: 'calendar-feed.revoke', n: 1 },
  ]);
});
