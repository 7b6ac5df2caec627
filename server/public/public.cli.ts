/** `public withdraw`: withdraw a municipality's published public figures (audited). */
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { db } from '../core/db';
import { BadInputError, NotFoundError } from '../core/errors';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import { withdrawPublications } from './public.publication';
import { clearPublicFigures } from './public.service';

export const publicCommands: CliCommand[] = [
  {
    name: 'public withdraw',
    usage:
      'public withdraw --municipality CODE   withdraw the published public months; the next request publishes them anew',
    async run(args) {
      const { values } = parseFlags(args, { municipality: { type: 'string' } });
      if (!values.municipality) throw new BadInputError('public withdraw needs --municipality CODE');
      const m = await municipalityByCode(db(), values.municipality);
      if (!m) throw new NotFoundError(`no municipality '${values.municipality}'`);
      const months = await withdrawPublications(m.id, cliActor());
      clearPublicFigures();
      printJson({ municipality: values.municipality, withdrawn: months });
    },
  },
];
