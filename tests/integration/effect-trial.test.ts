/**
 * Trial mode on the database and through the API: off by default (no burglary is assigned); on,
 * each burglary's first cocoon request draws its arm at random, records it with the draw and
 * audits it; "no letter" refuses the campaign (409) now and later, "late" refuses it until its
 * release time; "letter" makes it as usual; and GET /api/effect compares the groups as assigned.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { burglaryIn, demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

afterAll(async () => {
  await closeLetterQueue();
});

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
const incidents: number[] = [];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  const streets = await demoStreets(t.pool, 4, 40);
  for (const [i, s] of streets.slice(0, 40).entries())
    incidents.push((await burglaryIn(t.pool, s.id, `TRIAL-${i}`)).incidentId);
  expect(incidents.length).toBeGreaterThanOrEqual(30);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers read by their fields
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(officer), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const cocoon = (incidentId: number) =>
  call('POST', '/api/campaigns', {
    municipality: 'GM0503',
    kind: 'cocoon',
    language: 'nl',
    incidentId,
    selection: { incidentId },
  });

const setTrial = (trial: unknown) =>
  t.pool.query(
    `UPDATE municipalities SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{trial}', $1::jsonb) WHERE code = 'GM0503'`,
    [JSON.stringify(trial)],
  );

test('off by default: the letter is made and nothing is assigned', async () => {
  expect((await cocoon(incidents[0]!)).status).toBe(201);
  expect((await t.pool.query('SELECT count(*)::int AS n FROM trial_assignments')).rows[0].n).toBe(0);
});

test('on with "no letter": arms at random, recorded with their draw, audited; a refused burglary stays refused', async () => {
  await setTrial({ share: 0.5, arm: 'none' });
  const answers = new Map<number, number>();
  for (const id of incidents.slice(1)) answers.set(id, (await cocoon(id)).status);
  const { rows } = await t.pool.query<{ incident_id: string; arm: string; draw: number; share: string }>(
    'SELECT incident_id, arm, draw, share FROM trial_assignments ORDER BY incident_id',
  );
  expect(rows).toHaveLength(incidents.length - 1);
  for (const r of rows) {
    expect(r.arm).toBe(r.draw < 0.5 ? 'none' : 'letter');
    expect(Number(r.share)).toBe(0.5);
    expect(answers.get(Number(r.incident_id))).toBe(r.arm === 'none' ? 409 : 201);
  }
  // With 39 draws at one half, both arms occur (fails with chance 2 x 2^-39).
  expect(new Set(rows.map((r) => r.arm)).size).toBe(2);
  const audited = await t.pool.query(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'trial.assign'",
  );
  expect(audited.rows[0].n).toBe(rows.length);
  const none = rows.find((r) => r.arm === 'none')!;
  const again = await cocoon(Number(none.incident_id));
  expect(again.status).toBe(409);
  expect(again.json.error.message).toMatch(/assigned at random to "no cocoon letter"/);
  expect((await t.pool.query('SELECT count(*)::int AS n FROM trial_assignments')).rows[0].n).toBe(
    rows.length,
  );
});

test('"late": refused until the release time, then made as usual', async () => {
  await t.pool.query('DELETE FROM trial_assignments');
  await setTrial({ share: 0.5, arm: 'late', delayHours: 72 });
  const late: number[] = [];
  for (const id of incidents.slice(1, 25)) {
    const r = await cocoon(id);
    const a = await t.pool.query<{ arm: string; release_at: Date | null; assigned_at: Date }>(
      'SELECT arm, release_at, assigned_at FROM trial_assignments WHERE incident_id = $1',
      [id],
    );
    const row = a.rows[0]!;
    if (row.arm === 'late') {
      expect(r.status).toBe(409);
      expect(row.release_at!.getTime() - row.assigned_at.getTime()).toBeCloseTo(72 * 3_600_000, -4);
      late.push(id);
    } else expect(r.status).toBe(201);
  }
  expect(late.length).toBeGreaterThan(0);
  // Past its release time the late letter is made.
  await t.pool.query(
    "UPDATE trial_assignments SET release_at = now() - interval '1 minute' WHERE incident_id = $1",
    [late[0]],
  );
  expect((await cocoon(late[0]!)).status).toBe(201);
});

test('GET /api/effect and its CSV compare the groups as assigned', async () => {
  const { rows } = await t.pool.query<{ arm: string; n: number }>(
    'SELECT arm, count(*)::int AS n FROM trial_assignments GROUP BY arm',
  );
  // Index burglaries need their 14 days of follow-up: move the trial's burglaries back in time.
  await t.pool.query(
    "UPDATE incidents SET occurred_from = occurred_from - interval '30 days', occurred_to = occurred_to - interval '30 days' WHERE external_id LIKE 'TRIAL-%'",
  );
  const { status, json } = await call('GET', '/api/effect?municipality=GM0503&minIndex=1');
  expect(status).toBe(200);
  const tr = json.followOn.trial;
  for (const r of rows) expect(tr.assigned[r.arm]).toBe(r.n);
  expect(tr.followOn.letters.indexBurglaries).toBe(tr.assigned.letter);
  expect(tr.followOn.none.indexBurglaries).toBe(tr.assigned.late + tr.assigned.none);
  expect(tr.lettered.letter).toBe(tr.assigned.letter);
  const csv = await (
    await fetch(`${app.url}/api/effect/figures.csv?municipality=GM0503&minIndex=1`, {
      headers: bearer(officer),
    })
  ).text();
  expect(csv).toContain(`trial,letter,assigned,${tr.assigned.letter},`);
});
