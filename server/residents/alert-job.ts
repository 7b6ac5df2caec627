/**
 * The alerts queue: the contract between the producers (the subscribe route, the scan in
 * alerts.service.ts) and the worker (jobs/residents/alert-worker.ts). A send job carries a mail id
 * only (never an address) and its id is derived from it, so adding it twice is a no-op.
 */
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { config } from '../core/config';

export const ALERT_QUEUE = 'alerts';

export const AlertSendData = z.object({ mailId: z.number().int().positive() });
export type AlertSendData = z.infer<typeof AlertSendData>;

/** A reminder e-mail before a prevention evening (server/evenings/evening-reminders.ts), by id. */
export const ReminderSendData = z.object({ reminderId: z.number().int().positive() });
export type ReminderSendData = z.infer<typeof ReminderSendData>;

/** @param jobId - `mail-<id>` for an alert mail, `reminder-<id>` for an evening reminder */
export function alertJobOptions(mailId: number, jobId = `mail-${mailId}`): JobsOptions {
  const cfg = config();
  return {
    jobId,
    attempts: cfg.ALERT_ATTEMPTS,
    backoff: { type: 'exponential', delay: cfg.ALERT_BACKOFF_MS },
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
