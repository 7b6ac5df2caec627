/** `migrate`, `import-osm`, `setup-demo`. */
import path from 'node:path';
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { config } from '../core/config';
import { db } from '../core/db';
import { BadInputError } from '../core/errors';
import { ensureDatabase, migrate } from '../core/migrate';
import { importOsm } from '../imports/osm-import';
import { DEMO_MUNICIPALITY, loadDemoArea } from './demo';
import { addUser } from '../auth/auth.service';

export const DEMO_LOGIN = { email: 'demo@preventiekaart.nl', password: 'inbraakvrij-delft' } as const;

export const setupCommands: CliCommand[] = [
  {
    name: 'migrate',
    usage: 'migrate                         create the database if needed and apply pending migrations',
    async run() {
      const created = await ensureDatabase(config().DATABASE_URL);
      const applied = await migrate(db());
      console.log(
        `${created ? 'created database; ' : ''}${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`,
      );
    },
  },
  {
    name: 'import-osm',
    usage:
      'import-osm FILE [--municipality CODE --name NAME] [--move-from CODE]   streets and addresses from an OSM extract',
    async run(args) {
      const { values, positionals } = parseFlags(args, {
        municipality: { type: 'string' },
        name: { type: 'string' },
        'move-from': { type: 'string' },
      });
      const file = positionals[0];
      if (!file) throw new BadInputError('import-osm needs a FILE');
      const municipality = values.municipality
        ? { code: values.municipality, name: values.name ?? values.municipality }
        : DEMO_MUNICIPALITY;
      printJson(
        await importOsm(path.resolve(file), {
          municipality,
          moveFrom: values['move-from'],
          actor: cliActor(),
        }),
      );
    },
  },
  {
    name: 'setup-demo',
    usage:
      'setup-demo                      migrate, load the Delft demo area and incidents, create the demo officer',
    async run() {
      await ensureDatabase(config().DATABASE_URL);
      await migrate(db());
      const r = await loadDemoArea(db(), { incidents: true });
      await addUser(
        {
          email: DEMO_LOGIN.email,
          password: DEMO_LOGIN.password,
          role: 'officer',
          municipality: DEMO_MUNICIPALITY.code,
          name: 'Demo Veiligheid',
        },
        cliActor(),
      );
      printJson({
        municipality: DEMO_MUNICIPALITY.code,
        osm: r.osm,
        incidents: r.incidents && { ...r.incidents, burstMembers: undefined },
      });
    },
  },
];
