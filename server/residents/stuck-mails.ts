/**
 * The operator's way out for mails left in 'sending' (issue 14): an alert mail or an evening
 * reminder whose worker stopped during the SMTP conversation is never sent again by itself (at
 * most once: it may have arrived). The operator looks in the SMTP server's log for its Message-ID
 * (`<pk-alert-<id>@…>`, `<pk-evening-reminder-<id>@…>`) and either releases it (not delivered:
 * back to pending, queued, sent once more) or records it as sent (delivered). Both are audited.
 */
import { audit } from '../audit/audit';
import { BadInputError, ConflictError } from '../core/errors';
import { db, withTransaction } from '../core/db';
import * as reminders from '../evenings/evening-reminders.repo';
import { alertJobOptions } from './alert-job';
import { alertQueue } from './alert-queue';
import * as repo from './alerts.repo';
import { mailDomain } from './mailer';

export type MailSource = 'alert' | 'reminder';

export interface StuckMail {
  source: MailSource;
  id: number;
  kind: string;
  attempts: number;
  createdAt: string;
  claimedAt: string | null;
  messageId: string;
}

const messageIdOf = (source: MailSource, id: number) =>
  source === 'alert' ? `<pk-alert-${id}@${mailDomain()}>` : `<pk-evening-reminder-${id}@${mailDomain()}>`;

/** Mails in 'sending' claimed more than `minutes` ago (no address, no content). */
export async function listStuck(minutes: number, now = new Date()): Promise<StuckMail[]> {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new BadInputError('--minutes: a number of minutes, 0 or more');
  const rows = await repo.stuckMails(new Date(now.getTime() - minutes * 60_000), db());
  return rows.map((r) => ({
    source: r.source,
    id: Number(r.id),
    kind: r.kind,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    claimedAt: r.claimed_at?.toISOString() ?? null,
    messageId: messageIdOf(r.source, Number(r.id)),
  }));
}

async function decide(source: MailSource, id: number, actor: string, to: 'pending' | 'sent'): Promise<void> {
  await withTransaction(async (q) => {
    const changed =
      source === 'alert'
        ? to === 'pending'
          ? await repo.releaseMail(id, q)
          : await repo.closeMail(id, messageIdOf(source, id), q)
        : to === 'pending'
          ? await reminders.unclaim(id, q)
          : await reminders.markSent(id, messageIdOf(source, id), q);
    if (!changed) throw new ConflictError(`${source} mail ${id} is not in 'sending' (see: alerts stuck)`);
    await audit(q, {
      userId: null,
      actor,
      action: to === 'pending' ? 'alert-mail.release' : 'alert-mail.mark-sent',
      subjectType: source === 'alert' ? 'alert_mail' : 'evening_reminder',
      subjectId: id,
      ip: null,
    });
  });
}

/** Not delivered (checked in the SMTP log): back to pending and queued; it is sent once more. */
export async function releaseStuck(source: MailSource, id: number, actor: string): Promise<void> {
  await decide(source, id, actor, 'pending');
  // A job id of its own: the first job (`mail-<id>`) is still kept as completed, and BullMQ
  // ignores a job whose id it knows.
  const jobId = `${source === 'alert' ? 'mail' : 'reminder'}-${id}-released-${Date.now()}`;
  if (source === 'alert') await alertQueue().add('send', { mailId: id }, alertJobOptions(id, jobId));
  else await alertQueue().add('reminder', { reminderId: id }, alertJobOptions(id, jobId));
}

/** Delivered (checked in the SMTP log): recorded as sent. */
export async function markStuckSent(source: MailSource, id: number, actor: string): Promise<void> {
  await decide(source, id, actor, 'sent');
}
