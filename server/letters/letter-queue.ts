/**
 * Producer side of the letters queue: enqueueing a new campaign's letters and re-enqueueing what
 * Postgres says is still pending. The job contract (payload, id, options) is
 * server/letters/letter-job.ts; the batch cut is server/letters/letter-batches.ts.
 */
import { Queue } from 'bullmq';
import { config } from '../core/config';
import { AppError } from '../core/errors';
import { logger } from '../core/logger';
import { redis } from '../core/redis';
import { letterBatches } from './letter-batches';
import { LETTER_QUEUE, LetterJobData, letterJobId, letterJobOptions } from './letter-job';

let queue: Queue<LetterJobData> | undefined;

/** The queue, on the process's shared Redis connection (closed with it). */
export function letterQueue(): Queue<LetterJobData> {
  if (!queue) {
    queue = new Queue<LetterJobData>(LETTER_QUEUE, { prefix: config().REDIS_PREFIX, connection: redis() });
    // Redis away: said in the log (the connection itself retries), not thrown at the process.
    queue.on('error', (err) => logger.warn({ err: err.message }, 'letter queue: Redis error'));
  }
  return queue;
}

/** Closes the queue if it was opened (CLI commands and tests call it before they exit). */
export async function closeLetterQueue(): Promise<void> {
  const q = queue;
  queue = undefined;
  await q?.close();
}

/** How long an action waits for the queue's Redis before it answers 503. */
const QUEUE_CHECK_MS = 1500;

/**
 * Throws a 503 naming the reason when the letter queue's Redis does not answer within 1.5 s:
 * actions that need the queue (a new campaign, a retry) are refused before anything is written,
 * while reading (maps, figures, status) goes on from PostgreSQL.
 */
export async function assertQueueReachable(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis().ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${QUEUE_CHECK_MS} ms`)), QUEUE_CHECK_MS);
      }),
    ]);
  } catch (err) {
    throw new AppError(
      `the letter queue is not reachable (Redis: ${(err as Error).message}); nothing was created: try again in a minute`,
      503,
      'queue_unavailable',
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Enqueues the letters of one campaign (ids in print order); returns the number of jobs added. */
export async function enqueueLetters(campaignId: number, letterIds: number[]): Promise<number> {
  const jobs = letterBatches(letterIds).map((ids) => ({
    name: 'render',
    data: { campaignId, letterIds: ids },
    opts: letterJobOptions(letterJobId(campaignId, ids)),
  }));
  if (jobs.length) await letterQueue().addBulk(jobs);
  return jobs.length;
}

/**
 * Re-enqueues letters Postgres says are pending (after Redis lost its data, or after jobs
 * failed for good), given in print order. Letters already in a waiting, delayed or active job
 * are left alone; a finished job with the same id is removed first, otherwise BullMQ would
 * ignore the add. Returns the jobs and letters added.
 */
export async function reenqueuePending(
  pending: { id: number; campaignId: number }[],
): Promise<{ jobs: number; letters: number }> {
  const q = letterQueue();
  const inFlight = new Set<number>();
  for (const job of await q.getJobs(['waiting', 'delayed', 'active', 'prioritized'])) {
    const d = LetterJobData.safeParse(job?.data);
    if (d.success) for (const id of d.data.letterIds) inFlight.add(id);
  }
  const byCampaign = new Map<number, number[]>();
  for (const l of pending) {
    if (inFlight.has(l.id)) continue;
    const list = byCampaign.get(l.campaignId) ?? [];
    list.push(l.id);
    byCampaign.set(l.campaignId, list);
  }
  let jobs = 0;
  let letters = 0;
  for (const [campaignId, ids] of byCampaign) {
    for (const batch of letterBatches(ids)) {
      const id = letterJobId(campaignId, batch);
      const old = await q.getJob(id);
      if (old) {
        const state = await old.getState();
        if (state === 'completed' || state === 'failed' || state === 'unknown')
          await old.remove().catch(() => undefined);
        else continue;
      }
      await q.add('render', { campaignId, letterIds: batch }, letterJobOptions(id));
      jobs++;
      letters += batch.length;
    }
  }
  return { jobs, letters };
}
