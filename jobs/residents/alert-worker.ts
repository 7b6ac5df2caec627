/**
 * The alerts queue's worker: sends mails (`send`, one mail id each), looks for newly published
 * months (`scan`, every ALERT_SCAN_MINUTES, which also deletes unconfirmed subscriptions) and
 * makes the weekly digests (`digest`, every 7 days). The schedules are BullMQ job schedulers with
 * fixed ids, so several worker processes share one schedule. The same worker sends the reminder
 * e-mails before prevention evenings (`reminder-scan`, `reminder`: server/evenings/evening-reminders.ts).
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { logger } from '../../server/core/logger';
import { ALERT_QUEUE, AlertSendData, ReminderSendData } from '../../server/residents/alert-job';
import { scanReminders, sendReminder } from '../../server/evenings/evening-reminders';
import { MailContentError, sendAlertMail } from '../../server/residents/alert-send';
import { requeuePending, scan } from '../../server/residents/alerts.service';
import { closeMailer } from '../../server/residents/mailer';
import { config } from '../../server/core/config';
import { queueOptions } from '../queues';

export const ALERT_SCAN_SCHEDULER_ID = 'alerts-scan';
export const ALERT_DIGEST_SCHEDULER_ID = 'alerts-digest';
export const REMINDER_SCAN_SCHEDULER_ID = 'evening-reminders-scan';

export async function processAlertJob(job: Job): Promise<unknown> {
  if (job.name === 'scan') {
    await requeuePending();
    return scan();
  }
  if (job.name === 'digest') return scan({ weekly: true });
  if (job.name === 'reminder-scan') return scanReminders();
  if (job.name === 'reminder') {
    const r = ReminderSendData.safeParse(job.data);
    if (!r.success) throw new UnrecoverableError(`bad job payload: ${r.error.message}`);
    try {
      const result = await sendReminder(r.data.reminderId);
      logger.info({ job: job.id, result }, 'evening reminder');
      return result;
    } catch (err) {
      logger.warn(
        { job: job.id, attempt: job.attemptsMade + 1, err: (err as Error).message },
        'evening reminder failed; retried',
      );
      throw err;
    }
  }
  if (job.name !== 'send') throw new UnrecoverableError(`unknown alerts job '${job.name}'`);
  const parsed = AlertSendData.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  try {
    const result = await sendAlertMail(parsed.data.mailId);
    logger.info({ job: job.id, result }, 'alert mail');
    return result;
  } catch (err) {
    if (err instanceof MailContentError) throw new UnrecoverableError(err.message);
    logger.warn(
      { job: job.id, attempt: job.attemptsMade + 1, err: (err as Error).message },
      'alert mail failed; retried',
    );
    throw err;
  }
}

/** Starts the worker; `schedule: false` leaves out the schedulers (tests drive the scan themselves). */
export async function startAlertWorker(opts: { schedule?: boolean } = {}): Promise<{
  worker: Worker;
  close: () => Promise<void>;
}> {
  let queue: Queue | undefined;
  if (opts.schedule !== false) {
    queue = new Queue(ALERT_QUEUE, queueOptions());
    await queue.upsertJobScheduler(
      ALERT_SCAN_SCHEDULER_ID,
      { every: config().ALERT_SCAN_MINUTES * 60_000 },
      { name: 'scan', data: {} },
    );
    await queue.upsertJobScheduler(
      ALERT_DIGEST_SCHEDULER_ID,
      { every: 7 * 86_400_000 },
      { name: 'digest', data: {} },
    );
    await queue.upsertJobScheduler(
      REMINDER_SCAN_SCHEDULER_ID,
      { every: config().ALERT_SCAN_MINUTES * 60_000 },
      { name: 'reminder-scan', data: {} },
    );
  }
  const worker = new Worker(ALERT_QUEUE, processAlertJob, { ...queueOptions(), concurrency: 2 });
  worker.on('error', (err) => logger.error({ err: err.message }, 'alert worker error'));
  return {
    worker,
    close: async () => {
      await worker.close();
      await queue?.close();
      closeMailer();
    },
  };
}
