/**
 * PostgreSQL restarted in the middle of a campaign (issue 15), against a PostgreSQL of this file's
 * own (tests/helpers/own-postgres.ts): the real server and worker processes, a campaign being
 * rendered, then `pg_ctl restart -m fast` with the database away for 3 s. Neither process
 * crashes or is restarted; requests during the outage answer 503 saying the database is away;
 * afterwards the server answers again by itself and the worker's failed batches are retried, so
 * the campaign completes with every letter exactly once (rows, and pages of the print file).
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { Queue } from 'bullmq';
import { queueOptions } from '../../jobs/queues';
import { LETTER_QUEUE } from '../../server/letters/letter-job';
import { bearer, createTestUser, type TestUser } from '../helpers/app';
import {
  addressLines,
  demoStreets,
  letterCounts,
  occurrences,
  waitUntilRendered,
} from '../helpers/campaigns';
import { useOwnPostgres } from '../helpers/own-postgres';
import { pdfPages, pdfText } from '../helpers/pdf';
import { startServer, startWorker, stopAll, type Child, type ServerChild } from '../helpers/processes';

afterAll(() => stopAll());
const pg = useOwnPostgres();
let officer: TestUser;
let server: ServerChild;
let worker: Child;

beforeAll(async () => {
  officer = await createTestUser(pg.pool, { role: 'officer' });
  const env = {
    DATABASE_URL: pg.url,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    LETTER_BATCH_SIZE: '10',
    LETTER_BACKOFF_MS: '1000',
    WORKER_CONCURRENCY: '1',
  };
  server = await startServer(env);
  worker = startWorker(env);
}, 60_000);

const get = (path: string) => fetch(`${server.url}${path}`, { headers: bearer(officer) });

test('PostgreSQL restarts mid-campaign: server and worker carry on by themselves, every letter exactly once', async () => {
  const streets = (await demoStreets(pg.pool, 20, 60)).slice(0, 6);
  const ids = streets.map((s) => s.id);
  const res = await fetch(`${server.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      kind: 'evening',
      language: 'nl',
      selection: { streetIds: ids },
      evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor' },
    }),
  });
  expect(res.status).toBe(201);
  const campaign = (await res.json()) as { id: number; counts: { total: number } };
  const lines = await addressLines(pg.pool, ids);
  const total = campaign.counts.total;
  expect(total).toBe(lines.length);
  expect(total).toBeGreaterThan(100);

  await waitUntilRendered(pg.pool, campaign.id, 10, 90_000);
  // The restart, with the database away for 3 s; the server is asked while it is away.
  pg.server.stop('fast');
  const during = await get(`/api/campaigns/${campaign.id}`);
  expect(during.status).toBe(503);
  expect(((await during.json()) as { error: { code: string; message: string } }).error).toMatchObject({
    code: 'database_unavailable',
    message: expect.stringMatching(/database/i),
  });
  await new Promise((r) => setTimeout(r, 3_000));
  pg.server.start();
  expect(server.alive()).toBe(true);
  expect(worker.alive()).toBe(true);

  // The process-wide pools reconnect on their next query: no restart of either process.
  let after = await get(`/api/campaigns/${campaign.id}`);
  for (let i = 0; i < 20 && after.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 250));
    after = await get(`/api/campaigns/${campaign.id}`);
  }
  expect(after.status).toBe(200);

  const until = Date.now() + 150_000;
  let counts = await letterCounts(pg.pool, campaign.id);
  while (counts.pending && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    counts = await letterCounts(pg.pool, campaign.id);
  }
  expect(counts).toEqual({ rendered: total });
  const rows = await pg.pool.query<{ n: number; addresses: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT address_id)::int AS addresses FROM letters WHERE campaign_id = $1',
    [campaign.id],
  );
  expect(rows.rows[0]).toEqual({ n: total, addresses: total });

  const pdf = await get(`/api/campaigns/${campaign.id}/letters.pdf`);
  expect(pdf.status).toBe(200);
  const bytes = new Uint8Array(await pdf.arrayBuffer());
  expect(pdfPages(bytes)).toBe(total);
  const text = pdfText(bytes);
  expect(lines.filter((l) => occurrences(text, l) !== 1)).toEqual([]);
  // The outage did reach the worker: a batch failed while the database was away and was retried.
  const q = new Queue(LETTER_QUEUE, queueOptions());
  const jobs = await q.getJobs(['completed']);
  await q.close();
  expect(jobs.filter((j) => j.data.campaignId === campaign.id)).toHaveLength(Math.ceil(total / 10));
  expect(jobs.some((j) => j.data.campaignId === campaign.id && j.attemptsMade > 1)).toBe(true);
  expect(server.alive()).toBe(true);
  expect(worker.alive()).toBe(true);
}, 240_000);
