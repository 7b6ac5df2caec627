/**
 * The BullMQ worker of the letters queue. A job names letters by id; the worker loads the ones
 * still pending, renders them as one batch, stores the batch PDF once by content hash, and
 * records every letter (with its page in that file) in one transaction. Whatever is retried, a letter is recorded once (UPDATE ... WHERE status =
 * 'pending'). A broken template fails the job's letters at once (UnrecoverableError); a browser
 * crash or timeout is a plain error, retried with exponential backoff.
 */
import os from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { config } from '../../server/core/config';
import { db, withTransaction } from '../../server/core/db';
import { logger } from '../../server/core/logger';
import * as repo from '../../server/campaigns/campaigns.repo';
import { LETTER_QUEUE, LetterJobData } from '../../server/letters/letter-job';
import { TemplateError } from '../../server/letters/letter-templates';
import { putPdf } from '../../server/letters/pdf-store';
import { queueOptions } from '../queues';
import { BrowserHost } from './browser-host';
import { renderBatch } from './render-batch';

export interface LetterJobResult {
  rendered: number;
  failed: number;
  skipped: number;
}

/**
 * One job: renders the job's letters that are still pending, stores the batch PDF, records each
 * letter's page in it (or its failure) in one transaction. Throws UnrecoverableError for a bad
 * payload, a broken template or a batch of only bad letters; any other error is retried.
 */
export async function processLetterJob(host: BrowserHost, job: Job): Promise<LetterJobResult> {
  const parsed = LetterJobData.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  const { letterIds } = parsed.data;
  const log = logger.child({ job: job.id, attempt: job.attemptsMade + 1 });
  const rows = await repo.lettersForRender(db(), letterIds);
  if (rows.length === 0) return { rendered: 0, failed: 0, skipped: letterIds.length };
  let result;
  try {
    result = await renderBatch(host, rows);
  } catch (err) {
    if (err instanceof TemplateError) {
      await repo.markFailed(
        db(),
        rows.map((r) => ({ id: Number(r.id), reason: `template: ${err.message}` })),
      );
      throw new UnrecoverableError(err.message);
    }
    log.warn({ err: (err as Error).message }, 'letter batch failed; BullMQ retries it');
    throw err;
  }
  // One stored file per batch (not per letter); each letter records its page in it.
  const stored: repo.RenderedLetter[] = [];
  for (const f of result.files) {
    const file = await putPdf(f.pdf);
    for (const l of f.letters) stored.push({ id: l.id, page: l.page, ...file });
  }
  const recorded = await withTransaction(async (c) => {
    const ok = await repo.markRendered(c, stored);
    const bad = await repo.markFailed(c, result.failed);
    return { ok: ok.length, bad: bad.length };
  });
  log.info({ rendered: recorded.ok, failed: recorded.bad }, 'letter batch done');
  if (result.files.length === 0 && result.failed.length > 0) {
    throw new UnrecoverableError(`every letter in this batch has bad data, e.g. ${result.failed[0]!.reason}`);
  }
  return { rendered: recorded.ok, failed: recorded.bad, skipped: letterIds.length - rows.length };
}

/** Starts the worker; returns its closer (finishes jobs in hand, then closes the browser). */
export function startLetterWorker(host = new BrowserHost()): {
  worker: Worker;
  host: BrowserHost;
  close: () => Promise<void>;
} {
  const cfg = config();
  const worker = new Worker(LETTER_QUEUE, (job) => processLetterJob(host, job), {
    ...queueOptions(),
    // Recorded on each job (job.processedBy): which of several worker processes rendered a batch.
    name: `${os.hostname()}:${process.pid}`,
    concurrency: cfg.WORKER_CONCURRENCY,
    lockDuration: cfg.LETTER_LOCK_MS,
    stalledInterval: cfg.LETTER_LOCK_MS,
    maxStalledCount: 5,
  });
  worker.on('failed', (job, err) =>
    logger.warn({ job: job?.id, attempts: job?.attemptsMade, err: err.message }, 'letter job failed'),
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'letter worker error'));
  return {
    worker,
    host,
    close: async () => {
      await worker.close();
      await host.close();
    },
  };
}
