/**
 * `alerts stuck|release|mark-sent`: alert mails and evening reminders left in 'sending' when a
 * worker stopped mid-conversation (server/residents/stuck-mails.ts). Audited as 'cli:<os user>'.
 */
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { BadInputError } from '../core/errors';
import { closeAlertQueue } from './alert-queue';
import { listStuck, markStuckSent, releaseStuck, type MailSource } from './stuck-mails';

function target(args: string[], cmd: string): { source: MailSource; id: number } {
  const { values, positionals } = parseFlags(args, { reminder: { type: 'boolean' } });
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id <= 0)
    throw new BadInputError(`${cmd} needs the id of a mail, as 'alerts stuck' lists it`);
  return { source: values.reminder ? 'reminder' : 'alert', id };
}

export const alertCommands: CliCommand[] = [
  {
    name: 'alerts stuck',
    usage:
      "alerts stuck [--minutes 10]   alert mails and evening reminders left in 'sending' (a worker stopped while sending)",
    async run(args) {
      const { values } = parseFlags(args, { minutes: { type: 'string' } });
      printJson({ stuck: await listStuck(values.minutes === undefined ? 10 : Number(values.minutes)) });
    },
  },
  {
    name: 'alerts release',
    usage: "alerts release ID [--reminder]   not delivered (per the SMTP server's log): send it once more",
    async run(args) {
      const t = target(args, 'alerts release');
      try {
        await releaseStuck(t.source, t.id, cliActor());
      } finally {
        await closeAlertQueue();
      }
      printJson({ released: t });
    },
  },
  {
    name: 'alerts mark-sent',
    usage: "alerts mark-sent ID [--reminder]   delivered (per the SMTP server's log): record it as sent",
    async run(args) {
      const t = target(args, 'alerts mark-sent');
      await markStuckSent(t.source, t.id, cliActor());
      printJson({ markedSent: t });
    },
  },
];
