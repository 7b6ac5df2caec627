/**
 * Redis away for 30 seconds (issue 15), against a Redis of this file's own (tests/helpers/own-redis.ts)
 * so the other test files keep theirs: the public map and the officers' figures keep answering
 * from PostgreSQL, an action that needs the letter queue answers 503 saying why (and creates
 * nothing), /api/health says Redis is down; when Redis is back the same worker, never restarted,
 * renders the next campaign.
 */
// Must come first: REDIS_URL points at this file's own Redis before config() is read.
import { ownRedis } from '../helpers/own-redis';
import '../helpers/own-redis-prefix';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

// Before the database's own afterAll (jest runs them in order): the worker ends before the pool.
afterAll(async () => {
  await worker?.close();
  await closeLetterQueue();
});
const t = useTestDatabase();
const app = useTestApp();
// Last (after the app has closed its Redis connection): this file's Redis goes.
afterAll(async () => {
  await ownRedis.stop();
  ownRedis.cleanup();
});
let officer: TestUser;
let streets: DemoStreet[];
let worker: ReturnType<typeof startLetterWorker> | undefined;
const DOWN_MS = 30_000;

beforeAll(async () => {
  await ownRedis.start();
  officer = await createTestUser(t.pool, { role: 'officer' });
  streets = await demoStreets(t.pool, 3, 6);
});

const evening = (streetId: number) => ({
  municipality: 'GM0503',
  kind: 'evening',
  language: 'nl',
  selection: { streetIds: [streetId] },
  evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor' },
});

/** A campaign body's answer, as far as this test reads it. */
interface Answer {
  status: number;
  body: { id?: number; error?: { code: string; message: string } };
}

async function createCampaign(streetId: number): Promise<Answer> {
  const res = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify(evening(streetId)),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const get = (path: string, auth = true) =>
  fetch(`${app.url}${path}`, { headers: auth ? bearer(officer) : {} });

test('Redis down for 30 s: reading goes on, the queue is refused with its reason, and the worker resumes by itself', async () => {
  worker = startLetterWorker();
  const first = await createCampaign(streets[0]!.id);
  expect(first.status).toBe(201);
  expect(await waitUntilDone(t.pool, first.body.id as number)).toEqual({ rendered: streets[0]!.n });

  await ownRedis.stop();
  const down = Date.now();
  const campaignsBefore = (await t.pool.query('SELECT count(*)::int AS n FROM campaigns')).rows[0].n;
  do {
    expect((await get('/api/public/GM0503/streets?period=12', false)).status).toBe(200);
    expect((await get('/api/streets/activity?municipality=GM0503')).status).toBe(200);
    expect((await get(`/api/campaigns/${first.body.id as number}`)).status).toBe(200);
    const refused = await createCampaign(streets[1]!.id);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({
      code: 'queue_unavailable',
      message: expect.stringMatching(/Redis.*nothing was created/),
    });
    const health = await get('/api/health', false);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { redis: { status: string } }).redis.status).toBe('down');
    await new Promise((r) => setTimeout(r, 5_000));
  } while (Date.now() - down < DOWN_MS);
  expect((await t.pool.query('SELECT count(*)::int AS n FROM campaigns')).rows[0].n).toBe(campaignsBefore);

  await ownRedis.start();
  // The connections find Redis again by themselves; the first request may come just before.
  let again = await createCampaign(streets[1]!.id);
  for (let i = 0; i < 20 && again.status === 503; i++) {
    await new Promise((r) => setTimeout(r, 500));
    again = await createCampaign(streets[1]!.id);
  }
  expect(again.status).toBe(201);
  expect(await waitUntilDone(t.pool, again.body.id as number, 60_000)).toEqual({ rendered: streets[1]!.n });
  const health = await get('/api/health', false);
  expect(((await health.json()) as { redis: { status: string } }).redis.status).toBe('ok');
}, 150_000);
