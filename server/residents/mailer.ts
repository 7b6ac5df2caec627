/** The SMTP transport (nodemailer, SMTP_URL): one per process, closed with it. */
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../core/config';

let transport: Transporter | undefined;
let urlOverride: string | undefined;

export function mailer(): Transporter {
  transport ??= nodemailer.createTransport(urlOverride ?? config().SMTP_URL);
  return transport;
}

/** Points the transport at another SMTP server (tests start theirs on an ephemeral port, as setPool does for the database). */
export function useSmtpUrl(url: string): void {
  closeMailer();
  urlOverride = url;
}

export function closeMailer(): void {
  transport?.close();
  transport = undefined;
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function mailDomain(): string {
  return /@([^>\s]+)/.exec(config().MAIL_FROM)?.[1] ?? 'preventiekaart.localhost';
}
