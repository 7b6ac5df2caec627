/** `import-incidents FILE [--format police-uk|nl-csv|geojson] [--municipality CODE [--name NAME]] [--mapping FILE] [--skip-invalid] [--allow-move]` */
import fs from 'node:fs';
import path from 'node:path';
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { db } from '../core/db';
import { BadInputError } from '../core/errors';
import {
  importIncidents,
  parseFormat,
  rejectionMessage,
  resolveImportMunicipality,
} from './incident-import.service';
import { parseMappingJson } from './parsers/nl-csv';
import { purgeExpiredIncidents } from './retention';

function readFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new BadInputError(
      `${file}: cannot read the ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
}

export const incidentCommands: CliCommand[] = [
  {
    name: 'import-incidents',
    usage:
      'import-incidents FILE [--format police-uk|nl-csv|geojson] [--municipality CODE [--name NAME]] [--mapping FILE.json] [--skip-invalid] [--allow-move]   burglaries from police data',
    async run(args) {
      const { values, positionals } = parseFlags(args, {
        format: { type: 'string' },
        municipality: { type: 'string' },
        name: { type: 'string' },
        mapping: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'allow-move': { type: 'boolean', default: false },
      });
      const file = positionals[0];
      if (!file) throw new BadInputError('import-incidents needs a FILE');
      const buf = readFile(path.resolve(file), 'file');
      const mapping = values.mapping
        ? parseMappingJson(readFile(values.mapping, 'mapping').toString('utf8'), values.mapping)
        : undefined;
      // The command line may create a municipality (police.uk test data outside NL) when --name is given.
      const municipality = await resolveImportMunicipality(db(), values.municipality, values.name);
      const summary = await importIncidents(buf, {
        fileName: file,
        format: parseFormat(values.format),
        municipality,
        skipInvalid: values['skip-invalid'],
        allowMove: values['allow-move'],
        mapping,
        actor: cliActor(),
      });
      printJson(summary);
      if (!summary.committed) throw new BadInputError(`${file}: ${rejectionMessage(summary)}`);
    },
  },
  {
    name: 'purge-incidents',
    usage:
      'purge-incidents [--older-than DAYS] [--dry-run]   delete incident detail past its retention (INCIDENT_RETENTION_DAYS)',
    async run(args) {
      const { values } = parseFlags(args, {
        'older-than': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      });
      let days: number | undefined;
      if (values['older-than'] !== undefined) {
        days = Number(values['older-than']);
        if (!Number.isInteger(days) || days < 30)
          throw new BadInputError(
            `--older-than: '${values['older-than']}' is not a whole number of days of at least 30`,
          );
      }
      printJson(await purgeExpiredIncidents({ actor: cliActor(), days, dryRun: values['dry-run'] }));
    },
  },
];
