/** Producer side of the alerts queue (job contract: alert-job.ts). */
import { Queue } from 'bullmq';
import { config } from '../core/config';
import { redis } from '../core/redis';
import { ALERT_QUEUE, alertJobOptions, type AlertSendData } from './alert-job';

let queue: Queue<AlertSendData> | undefined;

export function alertQueue(): Queue<AlertSendData> {
  queue ??= new Queue<AlertSendData>(ALERT_QUEUE, { prefix: config().REDIS_PREFIX, connection: redis() });
  return queue;
}

export async function closeAlertQueue(): Promise<void> {
  const q = queue;
  queue = undefined;
  await q?.close();
}

/** Enqueues mails to send, by id. A mail already queued (same job id) is left alone. */
export async function enqueueMails(mailIds: number[]): Promise<void> {
  if (mailIds.length === 0) return;
  await alertQueue().addBulk(
    mailIds.map((mailId) => ({ name: 'send', data: { mailId }, opts: alertJobOptions(mailId) })),
  );
}
