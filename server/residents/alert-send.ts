/**
 * Sends one mail of alert_mails, at most once: the row is claimed (pending -> sending) before
 * the SMTP conversation and marked sent after it. A refusal or an unreachable server gives the
 * claim back (the job is retried); a mail found already sent, or left in 'sending' by a worker
 * that died mid-conversation, is not sent again. The Message-ID is derived from the mail id, so
 * even that last case could be recognised by the receiving side.
 */
import { config } from '../core/config';
import { logger } from '../core/logger';
import { renderMail } from './alert-mail';
import * as repo from './alerts.repo';
import { mailDomain, mailer } from './mailer';

/** The mail's stored content cannot be rendered: retrying will not help. */
export class MailContentError extends Error {}

export type SendResult = 'sent' | 'already-sent' | 'in-doubt' | 'gone';

export async function sendAlertMail(mailId: number): Promise<SendResult> {
  const mail = await repo.claimMail(mailId);
  if (!mail) {
    const status = await repo.mailStatus(mailId);
    if (status === 'sending')
      logger.warn({ mail: mailId }, 'alert mail was being sent when a worker stopped; not sent again');
    return status === 'sent' ? 'already-sent' : status === 'sending' ? 'in-doubt' : 'gone';
  }
  let rendered;
  try {
    rendered = renderMail(mail);
  } catch (err) {
    throw new MailContentError(`mail ${mailId}: ${(err as Error).message}`, { cause: err });
  }
  const messageId = `<pk-alert-${mail.id}@${mailDomain()}>`;
  try {
    await mailer().sendMail({
      from: config().MAIL_FROM,
      to: mail.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: rendered.headers,
      messageId,
    });
  } catch (err) {
    await repo.unclaim(mail.id);
    throw new Error(`SMTP: ${(err as Error).message}`, { cause: err });
  }
  await repo.markSent(mail.id, messageId);
  return 'sent';
}
