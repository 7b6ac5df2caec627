/**
 * Fault tests with a real worker process (`node --require tsx/cjs jobs/worker.ts`), real Redis,
 * PostgreSQL and Chromium: the worker SIGKILLed mid-campaign and restarted, Chromium killed
 * mid-render, and the run's Redis keys flushed mid-campaign and repaired by `reconcile`. Each
 * ends with every letter rendered exactly once.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { createCampaign } from '../../server/campaigns/campaigns.service';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { LETTER_QUEUE } from '../../server/letters/letter-job';
import {
  addressLines,
  burglaryIn,
  demoStreets,
  occurrences,
  waitUntilDone,
  waitUntilRendered,
  type DemoStreet,
} from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfText } from '../helpers/pdf';
import { exportPrintFile } from '../../server/campaigns/campaigns.service';
import { closeRedis, createRedis } from '../../server/core/redis';
import { queueOptions } from '../../jobs/queues';

const root = path.join(__dirname, '..', '..');
const t = useTestDatabase();
const cli = { userId: null, actor: 'test', municipalities: 'all' as const };
const prefix = process.env.REDIS_PREFIX!;
let streets: DemoStreet[];
const children = new Set<ChildProcess>();

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: t.url,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: process.env.PK_TEST_WORKER_LOG ?? 'silent',
    LETTER_BATCH_SIZE: '8',
    LETTER_LOCK_MS: '3000',
    LETTER_BACKOFF_MS: '300',
    WORKER_CONCURRENCY: '1',
  };
}

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'jobs/worker.ts'], {
    cwd: root,
    env: env(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** All descendants of a process (Chromium and its helpers under the worker). */
function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d), ...descendants(Number(d)));
    } catch {
      /* gone */
    }
  }
  return out;
}

function comm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

async function killHard(child: ChildProcess): Promise<void> {
  const tree = descendants(child.pid!);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  // A crashed machine takes its browser with it.
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function campaignOver(ss: DemoStreet[], tag: string): Promise<{ id: number; total: number }> {
  const inc = await burglaryIn(t.pool, ss[0]!.id, tag);
  const c = await createCampaign(
    {
      municipality: 'GM0503',
      kind: 'cocoon',
      selection: { streetIds: ss.map((s) => s.id) },
      incidentId: inc.incidentId,
    },
    cli,
  );
  return { id: c.id, total: c.counts.total };
}

async function expectExactlyOnce(campaignId: number, ss: DemoStreet[], total: number): Promise<void> {
  const counts = await waitUntilDone(t.pool, campaignId, 120_000);
  expect(counts).toEqual({ rendered: total });
  const text = pdfText(await exportPrintFile(campaignId, cli));
  const victims = await t.pool.query<{ address_id: string }>(
    'SELECT i.address_id FROM campaigns c JOIN incidents i ON i.id = c.incident_id WHERE c.id = $1',
    [campaignId],
  );
  const lines = await addressLines(
    t.pool,
    ss.map((s) => s.id),
    Number(victims.rows[0]!.address_id),
  );
  expect(lines).toHaveLength(total);
  const wrong = lines.filter((l) => occurrences(text, l) !== 1);
  expect(wrong).toEqual([]);
}

beforeAll(async () => {
  // Disjoint groups of streets, so the repeat rule never excludes one test's addresses in another.
  streets = await demoStreets(t.pool, 20, 80);
});
afterAll(async () => {
  for (const c of children) await stop(c);
  await closeLetterQueue();
  await closeRedis();
});

test('the worker is SIGKILLed mid-campaign and restarted: every letter exactly once', async () => {
  const ss = streets.slice(0, 3);
  const w1 = startWorker();
  const { id, total } = await campaignOver(ss, 'fault-kill-worker');
  await waitUntilRendered(t.pool, id, 10);
  await killHard(w1);
  const before = (
    await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM letters WHERE campaign_id = $1 AND status = 'rendered'`,
      [id],
    )
  ).rows[0]!.n;
  expect(before).toBeLessThan(total);
  const w2 = startWorker();
  await expectExactlyOnce(id, ss, total);
  await stop(w2);
});

test('Chromium is killed mid-render: the batch is retried and the campaign completes', async () => {
  const ss = streets.slice(3, 6);
  const w = startWorker();
  const { id, total } = await campaignOver(ss, 'fault-kill-chromium');
  await waitUntilRendered(t.pool, id, 8);
  const chromium = descendants(w.pid!).filter((p) => comm(p).startsWith('chrom'));
  expect(chromium.length).toBeGreaterThan(0);
  for (const pid of chromium) process.kill(pid, 'SIGKILL');
  await expectExactlyOnce(id, ss, total);
  // the worker survived and launched a new browser
  expect(w.exitCode).toBeNull();
  expect(
    descendants(w.pid!)
      .filter((p) => comm(p).startsWith('chrom'))
      .some((p) => !chromium.includes(p)),
  ).toBe(true);
  const q = new Queue(LETTER_QUEUE, queueOptions());
  const jobs = await q.getJobs(['completed']);
  await q.close();
  expect(jobs.some((j) => j.data.campaignId === id && (j.attemptsStarted ?? j.attemptsMade) > 1)).toBe(true);
  await stop(w);
});

test("the run's Redis keys are flushed mid-campaign: `reconcile` completes it", async () => {
  const ss = streets.slice(6, 9);
  const w = startWorker();
  const { id, total } = await campaignOver(ss, 'fault-flush-redis');
  await waitUntilRendered(t.pool, id, 8);
  // REDIS_URL as the worker reads it (server/core/config.ts), not a fixed address.
  const r = createRedis();
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await r.del(...keys);
  } while (cursor !== '0');
  await r.quit();
  expect(deleted).toBeGreaterThan(0);
  // Stop the worker: it finishes the batch it had in hand and exits (nothing else is queued any
  // more), so what is pending afterwards no longer changes under the test.
  await stop(w);
  const pendingBefore = (
    await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM letters WHERE campaign_id = $1 AND status = 'pending'`,
      [id],
    )
  ).rows[0]!.n;
  expect(pendingBefore).toBeGreaterThan(0);
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', 'server/cli.ts', 'reconcile'], {
    cwd: root,
    env: env(),
    encoding: 'utf8',
  });
  expect(JSON.parse(out)).toMatchObject({ pending: pendingBefore });
  const w2 = startWorker();
  await expectExactlyOnce(id, ss, total);
  await stop(w2);
});
