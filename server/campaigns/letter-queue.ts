/**
 * Producer side of the letters queue. Jobs carry ids only (campaign id and letter ids, never an
 * address) and have deterministic ids derived from their letters, so adding the same batch twice
 * is a no-op while the first is still known to Redis.
 */
import crypto from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { QUEUES } from '../../jobs/queues';
import { config } from '../core/config';
import { redis } from '../core/redis';

export const LetterJobData = z.object({
  campaignId: z.number().int().positive(),
  letterIds: z.array(z.number().int().positive()).min(1),
});
export type LetterJobData = z.infer<typeof LetterJobData>;

let queue: Queue<LetterJobData> | undefined;

/** The queue, on the process's shared Redis connection (closed with it). */
export function letterQueue(): Queue<LetterJobData> {
  queue ??= new Queue<LetterJobData>(QUEUES.letters, { prefix: config().REDIS_PREFIX, connection: redis() });
  return queue;
}

export async function closeLetterQueue(): Promise<void> {
  const q = queue;
  queue = undefined;
  await q?.close();
}

/** `c<campaign>-<first letter>-<hash of the letter ids>`: same letters, same job. */
export function letterJobId(campaignId: number, letterIds: number[]): string {
  const h = crypto.createHash('sha1').update(letterIds.join(',')).digest('hex').slice(0, 16);
  return `c${campaignId}-${letterIds[0]}-${h}`;
}

export function jobOptions(jobId: string): JobsOptions {
  const cfg = config();
  return {
    jobId,
    attempts: cfg.LETTER_ATTEMPTS,
    backoff: { type: 'exponential', delay: cfg.LETTER_BACKOFF_MS },
    // Completed jobs are kept for a day so a repeated add stays a no-op; Postgres is the record.
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** Splits letter ids (already in print order) into batches of LETTER_BATCH_SIZE. */
export function batches(letterIds: number[], size = config().LETTER_BATCH_SIZE): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < letterIds.length; i += size) out.push(letterIds.slice(i, i + size));
  return out;
}

/** Enqueues the letters of one campaign; returns the number of jobs added. */
export async function enqueueLetters(campaignId: number, letterIds: number[]): Promise<number> {
  const jobs = batches(letterIds).map((ids) => ({
    name: 'render',
    data: { campaignId, letterIds: ids },
    opts: jobOptions(letterJobId(campaignId, ids)),
  }));
  if (jobs.length) await letterQueue().addBulk(jobs);
  return jobs.length;
}

/**
 * Re-enqueues letters Postgres says are pending (after Redis lost its data, or after jobs
 * failed for good). Letters already in a waiting, delayed or active job are left alone; a
 * finished job with the same id is removed first, otherwise BullMQ would ignore the add.
 */
export async function reenqueuePending(pending: { id: number; campaignId: number }[]): Promise<{ jobs: number; letters: number }> {
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
    for (const batch of batches(ids)) {
      const id = letterJobId(campaignId, batch);
      const old = await q.getJob(id);
      if (old) {
        const state = await old.getState();
        if (state === 'completed' || state === 'failed' || state === 'unknown') await old.remove().catch(() => undefined);
        else continue;
      }
      await q.add('render', { campaignId, letterIds: batch }, jobOptions(id));
      jobs++;
      letters += batch.length;
    }
  }
  return { jobs, letters };
}
