/**
 * The letter job: the contract between the producer (server/letters/letter-queue.ts, used by the
 * API and the CLI) and the worker (jobs/letters/letter-worker.ts). A job carries ids only
 * (campaign id and letter ids, never an address) and has a deterministic id derived from its
 * letters, so adding the same batch twice is a no-op while the first is still known to Redis.
 */
import crypto from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { config } from '../core/config';

/** Name of the BullMQ queue that carries letter batches (every key also carries REDIS_PREFIX). */
export const LETTER_QUEUE = 'letters';

/** A job's payload: one batch of letters of one campaign, in print order. */
export const LetterJobData = z.object({
  campaignId: z.number().int().positive(),
  letterIds: z.array(z.number().int().positive()).min(1),
});
export type LetterJobData = z.infer<typeof LetterJobData>;

/**
 * The job id of a batch: `c<campaign>-<first letter>-<hash of the letter ids>`. Same letters,
 * same job; a different set of letters (even one more) gives a different id.
 */
export function letterJobId(campaignId: number, letterIds: number[]): string {
  const h = crypto.createHash('sha1').update(letterIds.join(',')).digest('hex').slice(0, 16);
  return `c${campaignId}-${letterIds[0]}-${h}`;
}

/**
 * BullMQ options of a letter job: LETTER_ATTEMPTS attempts with exponential backoff from
 * LETTER_BACKOFF_MS (a browser crash or timeout is retried; bad data and broken templates end
 * the job with UnrecoverableError in the worker).
 */
export function letterJobOptions(jobId: string): JobsOptions {
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
