/** `evenings purge-contacts`: delete the names and e-mail addresses of sign-ups after their evening. */
import { type CliCommand, cliActor, printJson } from '../core/cli-kit';
import { purgeEveningContacts } from './evening-contacts';

export const eveningCommands: CliCommand[] = [
  {
    name: 'evenings purge-contacts',
    usage:
      'evenings purge-contacts   delete names and e-mail addresses of sign-ups of evenings that are over or cancelled (the worker does it daily)',
    async run() {
      printJson(await purgeEveningContacts({ actor: cliActor() }));
    },
  },
];
