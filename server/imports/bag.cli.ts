/** `import-bag FILE`: residential addresses from a BAG extract (server/imports/bag-import.ts). */
import path from 'node:path';
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { BadInputError } from '../core/errors';
import { importBag } from './bag-import';

export const bagCommands: CliCommand[] = [
  {
    name: 'import-bag',
    usage:
      'import-bag FILE [--municipality CODE [--name NAME]] [--layer L ...] [--move-from CODE]   residential addresses from a BAG GeoPackage',
    async run(args) {
      const { values, positionals } = parseFlags(args, {
        municipality: { type: 'string' },
        name: { type: 'string' },
        layer: { type: 'string', multiple: true },
        'move-from': { type: 'string' },
      });
      const file = positionals[0];
      if (!file) throw new BadInputError('import-bag needs a FILE (a BAG GeoPackage, e.g. from PDOK)');
      if (positionals.length > 1)
        throw new BadInputError(`import-bag takes one FILE; got also '${positionals[1]}'`);
      printJson(
        await importBag(path.resolve(file), {
          municipality: values.municipality,
          name: values.name,
          layers: values.layer,
          moveFrom: values['move-from'],
          actor: cliActor(),
        }),
      );
    },
  },
];
