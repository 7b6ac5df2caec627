/**
 * Several processes against one database and one Redis (issue 15): two server processes and
 * three worker processes, real children started as scripts/demo.sh starts them, on loopback.
 * - a campaign made on one server is rendered by more than one worker, every letter exactly once
 *   (rows and pages of the print file, fetched from the other server);
 * - a session signed in on one server works on the other (sessions are rows, not memory);
 * - after an import and a new publication the public figures are right on both servers within
 *   PUBLIC_CACHE_SECONDS (each server caches for itself), and never go back to the old ones.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { queueOptions } from '../../jobs/queues';
import { LETTER_QUEUE } from '../../server/letters/letter-job';
import { bearer, createTestUser, type TestUser } from '../helpers/app';
import { addressLines, demoStreets, waitUntilDone, occurrences } from '../helpers/campaigns';
import { runCli } from '../helpers/cli';
import { useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText } from '../helpers/pdf';
import { startServer, startWorker, stopAll, type Child, type ServerChild } from '../helpers/processes';

afterAll(() => stopAll());
const t = useTestDatabase();
const CACHE_S = 3;
let officer: TestUser;
let servers: ServerChild[];
let workers: Child[];
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-multi-'));
  officer = await createTestUser(t.pool, { role: 'officer' });
  const env = {
    DATABASE_URL: t.url,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    PUBLIC_CACHE_SECONDS: String(CACHE_S),
    LETTER_BATCH_SIZE: '10',
    WORKER_CONCURRENCY: '1',
  };
  servers = await Promise.all([startServer(env), startServer(env)]);
  workers = [0, 1, 2].map(() => startWorker({ ...env, LOG_LEVEL: 'info' }));
  // Every worker has its queues open before the campaign is made, so all can take batches.
  for (let i = 0; i < 600 && !workers.every((w) => w.output().includes('"msg":"worker started"')); i++) {
    if (!workers.every((w) => w.alive())) throw new Error('a worker stopped at start-up');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("a campaign's batches spread over the three workers; every letter exactly once", async () => {
  const [a, b] = servers as [ServerChild, ServerChild];
  const ids = (await demoStreets(t.pool, 20, 60)).slice(0, 6).map((s) => s.id);
  const res = await fetch(`${a.url}/api/campaigns`, {
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
  const total = campaign.counts.total;
  const lines = await addressLines(t.pool, ids);
  expect(total).toBe(lines.length);
  expect(await waitUntilDone(t.pool, campaign.id, 150_000)).toEqual({ rendered: total });

  const q = new Queue(LETTER_QUEUE, queueOptions());
  const jobs = (await q.getJobs(['completed'])).filter((j) => j.data.campaignId === campaign.id);
  await q.close();
  const names = new Set(workers.map((w) => `${os.hostname()}:${w.process.pid}`));
  const by = new Set(jobs.map((j) => j.processedBy));
  expect([...by].every((n) => n !== undefined && names.has(n))).toBe(true);
  expect(by.size).toBeGreaterThan(1);
  expect(jobs.reduce((n, j) => n + j.data.letterIds.length, 0)).toBe(total);

  const rows = await t.pool.query<{ n: number; addresses: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT address_id)::int AS addresses FROM letters WHERE campaign_id = $1',
    [campaign.id],
  );
  expect(rows.rows[0]).toEqual({ n: total, addresses: total });
  // The print file from the other server: the storage and the records are shared.
  const pdf = await fetch(`${b.url}/api/campaigns/${campaign.id}/letters.pdf`, { headers: bearer(officer) });
  expect(pdf.status).toBe(200);
  const bytes = new Uint8Array(await pdf.arrayBuffer());
  expect(pdfPages(bytes)).toBe(total);
  const text = pdfText(bytes);
  expect(lines.filter((l) => occurrences(text, l) !== 1)).toEqual([]);
}, 200_000);

test('a session signed in on one server works on the other, and signing out there ends it on both', async () => {
  const [a, b] = servers as [ServerChild, ServerChild];
  const signIn = await fetch(`${a.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: officer.email, password: officer.password }),
  });
  expect(signIn.status).toBe(201);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const onB = await fetch(`${b.url}/api/session`, { headers: { cookie } });
  expect(onB.status).toBe(200);
  expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(officer.email);
  expect(
    (await fetch(`${b.url}/api/streets/activity?municipality=GM0503`, { headers: { cookie } })).status,
  ).toBe(200);
  const out = await fetch(`${b.url}/api/session`, {
    method: 'DELETE',
    headers: { cookie, 'x-csrf-token': csrfToken },
  });
  expect(out.status).toBe(204);
  for (const s of servers)
    expect((await fetch(`${s.url}/api/session`, { headers: { cookie } })).status).toBe(401);
});

/** Public total of Delft for the last 12 months, as one server answers it. */
async function publicTotal(s: ServerChild): Promise<number | null> {
  const res = await fetch(`${s.url}/api/public/GM0503/streets?period=12`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: { count: number | null } }).total.count;
}

test('after an import and a new publication both servers show the new figures within PUBLIC_CACHE_SECONDS', async () => {
  const before = await Promise.all(servers.map(publicTotal));
  expect(before).toEqual([0, 0]);

  // 120 burglaries in the months 2 to 9 before this one: all inside the public year.
  const { rows } = await t.pool.query<{ x: number; y: number }>(
    'SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses WHERE residential ORDER BY id LIMIT 120',
  );
  const now = new Date();
  const lines = ['registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi'];
  rows.forEach((a, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2 - (i % 8), 10, 12));
    const at = d.toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`MULTI-${i};${at};${at};${a.x.toFixed(1)};${a.y.toFixed(1)};nee;Raam geforceerd`);
  });
  const file = path.join(tmp, 'multi.csv');
  fs.writeFileSync(file, lines.join('\n'));
  const imported = await runCli(['import-incidents', file, '--municipality', 'GM0503'], t.url);
  expect(imported.stderr).toBe('');
  expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, imported: 120 });
  // Published months do not change when data arrives (docs/readme/public-map.md) ...
  expect(await Promise.all(servers.map(publicTotal))).toEqual([0, 0]);

  // ... until they are published anew: `public withdraw`, run elsewhere (a CLI process).
  const withdrawn = await runCli(['public', 'withdraw', '--municipality', 'GM0503'], t.url);
  expect(withdrawn.code).toBe(0);
  const at = Date.now();
  const firstNew: (number | undefined)[] = [undefined, undefined];
  while (Date.now() - at < (CACHE_S + 3) * 1000) {
    const now = await Promise.all(servers.map(publicTotal));
    now.forEach((n, i) => {
      if (firstNew[i] === undefined && n !== 0) firstNew[i] = Date.now() - at;
      // Old until the cache expires, then new, and never old again.
      expect(n).toBe(firstNew[i] === undefined ? 0 : 120);
    });
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const ms of firstNew) {
    expect(ms).toBeDefined();
    expect(ms!).toBeLessThanOrEqual(CACHE_S * 1000 + 1000);
  }
  expect(await Promise.all(servers.map(publicTotal))).toEqual([120, 120]);
}, 60_000);
