/** Producer side of the alerts queue (job contract: alert-job.ts). */
import { Queue } from 'bullmq';
import { config } from '../core/config';
import { redis } from '../core/redis';
import { ALERT_QUEUE, alertJobOptions, type AlertSendData, type ReminderSendData } from './alert-job';

type AlertJobData = AlertSendData | ReminderSendData;

let queue: Queue<AlertJobData> | undefined;

export function alertQueue(): Queue<AlertJobData> {
  queue ??= new Queue<AlertJobData>(ALERT_QUEUE, { prefix: config().REDIS_PREFIX, connection: redis() });
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

/** Enqueues evening reminders to send, by id (job `reminder`, id `reminder-<id>`). */
export async function enqueueReminders(reminderIds: number[]): Promise<void> {
  if (reminderIds.length === 0) return;
  await alertQueue().addBulk(
    reminderIds.map((reminderId) => ({
      name: 'reminder',
      data: { reminderId },
      opts: alertJobOptions(reminderId, `reminder-${reminderId}`),
    })),
  );
}
