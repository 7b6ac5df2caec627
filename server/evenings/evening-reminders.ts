/**
 * Reminder e-mails before a prevention evening (issue 12), through the residents' alert mail
 * pipeline: the alerts queue and worker (jobs/residents/alert-worker.ts), nodemailer to SMTP_URL
 * (server/residents/mailer.ts), Postgres as the record of what was sent. A scan (job
 * `reminder-scan`, every ALERT_SCAN_MINUTES) makes one row per confirmed sign-up that left an
 * e-mail address with consent, once the evening is EVENING_REMINDER_HOURS away; the `reminder` job
 * claims the row (pending -> sending) before the SMTP conversation and marks it sent after:
 * exactly once, as the alert mails (alert-send.ts). Names and addresses are still deleted after
 * the evening (evening-contacts.ts); the reminder row holds neither.
 */
import { config } from '../core/config';
import { logger } from '../core/logger';
import { enqueueReminders } from '../residents/alert-queue';
import { baseUrlFor } from '../residents/alerts.service';
import { mailDomain, mailer } from '../residents/mailer';
import { renderCancellation, renderReminder } from './evening-reminder-mail';
import * as repo from './evening-reminders.repo';

export type ReminderResult = 'sent' | 'already-sent' | 'in-doubt' | 'dropped' | 'gone';

/**
 * Makes the reminders that are due and queues them, with every one still pending (for when
 * Redis lost its jobs). Returns the ids made now.
 */
export async function scanReminders(now = new Date()): Promise<{ made: number[]; queued: number }> {
  const until = new Date(now.getTime() + config().EVENING_REMINDER_HOURS * 3600_000);
  const made = await repo.insertDue(now, until);
  const pendingIds = await repo.pending(now);
  await enqueueReminders(pendingIds);
  return { made, queued: pendingIds.length };
}

/**
 * After an evening is cancelled: a notice for every household that signed up (or waits) with an
 * e-mail address given with consent, queued at once (the scan queues what Redis lost).
 */
export async function queueCancellationNotices(ids: number[]): Promise<void> {
  if (!ids.length) return;
  try {
    await enqueueReminders(ids);
  } catch (err) {
    // Recorded in Postgres: the next scan queues them.
    logger.warn(
      { err: (err as Error).message, notices: ids.length },
      'cancellation notices wait for the scan',
    );
  }
}

/** Sends one reminder or cancellation notice, at most once. An SMTP failure gives the claim back and throws (retried). */
export async function sendReminder(id: number, now = new Date()): Promise<ReminderResult> {
  const r = await repo.claim(id, now);
  if (!r) {
    // No one left to remind (signed off, contact deleted, evening cancelled or begun): never sent.
    if (await repo.drop(id)) return 'dropped';
    const status = await repo.status(id);
    if (status === 'sending')
      logger.warn({ reminder: id }, 'evening reminder was being sent when a worker stopped; not sent again');
    return status === 'sent'
      ? 'already-sent'
      : status === 'sending'
        ? 'in-doubt'
        : status
          ? 'dropped'
          : 'gone';
  }
  const mail = r.kind === 'cancelled' ? renderCancellation(r, baseUrlFor()) : renderReminder(r, baseUrlFor());
  const messageId = `<pk-evening-${r.kind === 'cancelled' ? 'cancelled' : 'reminder'}-${r.id}@${mailDomain()}>`;
  try {
    await mailer().sendMail({
      from: config().MAIL_FROM,
      to: r.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
    });
  } catch (err) {
    await repo.unclaim(r.id);
    throw new Error(`SMTP: ${(err as Error).message}`, { cause: err });
  }
  await repo.markSent(r.id, messageId);
  return 'sent';
}
