/**
 * Retention of incident detail: incidents that ended longer ago than the retention period are
 * deleted (dry run counts only), audited per municipality; campaigns keep their letters. The
 * worker's daily job scheduler is registered once however many workers start, and its job purges.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { Queue, QueueEvents } from 'bullmq';
import {
  EVENING_CONTACTS_SCHEDULER_ID,
  RETENTION_SCHEDULER_ID,
  startMaintenanceWorker,
} from '../../jobs/maintenance-worker';
import { queueOptions, QUEUES } from '../../jobs/queues';
import { purgeExpiredIncidents } from '../../server/incidents/retention';
import { runCli } from '../helpers/cli';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const DAY = 86_400_000;

async function addIncident(key: string, endedDaysAgo: number): Promise<number> {
  const { rows } = await t.pool.query<{ id: string }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, geom)
     SELECT id, 'test', $1, now() - make_interval(days => $2 + 1), now() - make_interval(days => $2), ST_SetSRID(ST_MakePoint(85000, 446000), 28992)
     FROM municipalities WHERE code = 'GM0503' RETURNING id`,
    [key, endedDaysAgo],
  );
  return Number(rows[0]!.id);
}

const exists = async (id: number) =>
  (await t.pool.query('SELECT 1 FROM incidents WHERE id = $1', [id])).rowCount === 1;

test('a dry run counts; a real run deletes only expired incidents and audits it', async () => {
  const old = await addIncident('retention-old', 800);
  const recent = await addIncident('retention-recent', 100);
  const dry = await purgeExpiredIncidents({ actor: 'test', days: 730, dryRun: true }, t.pool);
  expect(dry).toMatchObject({ dryRun: true, deleted: 1, municipalities: [{ code: 'GM0503', n: 1 }] });
  expect(await exists(old)).toBe(true);

  const real = await purgeExpiredIncidents({ actor: 'test', days: 730 }, t.pool);
  expect(real).toMatchObject({ dryRun: false, deleted: 1 });
  expect(await exists(old)).toBe(false);
  expect(await exists(recent)).toBe(true);
  const { rows } = await t.pool.query<{ details: { deleted: number; retentionDays: number } }>(
    "SELECT details FROM audit_log WHERE action = 'incidents.purge' AND actor = 'test'",
  );
  expect(rows).toEqual([{ details: expect.objectContaining({ deleted: 1, retentionDays: 730 }) }]);
  // Nothing left to purge: a second run deletes nothing and writes no audit line.
  expect((await purgeExpiredIncidents({ actor: 'test', days: 730 }, t.pool)).deleted).toBe(0);
});

test('purge-incidents on the command line: JSON summary, and a clear error for a too short period', async () => {
  const old = await addIncident('retention-cli', 400);
  const ok = await runCli(['purge-incidents', '--older-than', '365'], t.url);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ deleted: 1, municipalities: [{ code: 'GM0503', n: 1 }] });
  expect(await exists(old)).toBe(false);
  const bad = await runCli(['purge-incidents', '--older-than', '7'], t.url);
  expect(bad.code).toBe(1);
  expect(bad.stderr.trim()).toBe("error: --older-than: '7' is not a whole number of days of at least 30");
});

test('the worker schedules the daily purge once, however many workers start, and its job purges', async () => {
  const a = await startMaintenanceWorker();
  const b = await startMaintenanceWorker();
  const queue = new Queue(QUEUES.maintenance, queueOptions());
  const events = new QueueEvents(QUEUES.maintenance, queueOptions());
  try {
    const schedulers = await queue.getJobSchedulers();
    // Incident retention and the deletion of evening sign-up contacts, each once.
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      [EVENING_CONTACTS_SCHEDULER_ID, RETENTION_SCHEDULER_ID].sort(),
    );
    for (const s of schedulers) expect(s.every).toBe(DAY);

    const old = await addIncident('retention-worker', 1000);
    await events.waitUntilReady();
    const job = await queue.add('purge-incidents', {});
    const result = (await job.waitUntilFinished(events, 30_000)) as { deleted: number };
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await exists(old)).toBe(false);
  } finally {
    await Promise.all([a.close(), b.close()]);
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});
