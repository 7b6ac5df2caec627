/**
 * Letter jobs finishing, as events for the server (BullMQ QueueEvents on the letters queue, one
 * Redis stream reader per process, opened when the first listener subscribes). The officers'
 * page gets a campaign's progress pushed from these (server-sent events) instead of polling.
 */
import { QueueEvents } from 'bullmq';
import { config } from '../core/config';
import { createRedis } from '../core/redis';
import { LETTER_QUEUE } from './letter-job';

type Listener = (campaignId: number) => void;

const listeners = new Set<Listener>();
let events: QueueEvents | undefined;

/** The campaign of a letter job id (`c<campaign>-<first letter>-<hash>`; letter-job.ts). */
export function campaignOfJob(jobId: string): number | null {
  const m = /^c(\d+)-/.exec(jobId);
  return m ? Number(m[1]) : null;
}

function notify(jobId: string): void {
  const id = campaignOfJob(jobId);
  if (id !== null) for (const l of listeners) l(id);
}

/** Calls `listener` with the campaign id whenever one of its letter jobs completes or fails; returns the unsubscribe. */
export function onLetterJobs(listener: Listener): () => void {
  if (!events) {
    events = new QueueEvents(LETTER_QUEUE, {
      prefix: config().REDIS_PREFIX,
      connection: createRedis({ forWorker: true }),
    });
    events.on('completed', ({ jobId }) => notify(jobId));
    events.on('failed', ({ jobId }) => notify(jobId));
    events.on('error', () => undefined);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Closes the event reader (server shutdown, tests). */
export async function closeLetterEvents(): Promise<void> {
  const e = events;
  events = undefined;
  listeners.clear();
  if (e) {
    await e.close();
    await (e.opts.connection as ReturnType<typeof createRedis>).quit().catch(() => undefined);
  }
}
