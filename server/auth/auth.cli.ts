/** `user add` and `token create`. */
import { type CliCommand, cliActor, parseFlags } from '../core/cli-kit';
import { BadInputError } from '../core/errors';
import { addUser, createApiToken } from './auth.service';

export const authCommands: CliCommand[] = [
  {
    name: 'user add',
    usage: 'user add --email E --role admin|officer|planner [--municipality CODE] [--password P] [--name N]',
    async run(args) {
      const { values } = parseFlags(args, {
        email: { type: 'string' },
        role: { type: 'string' },
        municipality: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
      });
      if (!values.email || !values.role) throw new BadInputError('user add needs --email and --role');
      const r = await addUser(
        {
          email: values.email,
          role: values.role,
          municipality: values.municipality,
          password: values.password,
          name: values.name,
        },
        cliActor(),
      );
      console.log(`${r.created ? 'created' : 'updated'} user ${values.email} (${values.role})`);
    },
  },
  {
    name: 'token create',
    usage: 'token create --email E [--name N]   (prints the token once)',
    async run(args) {
      const { values } = parseFlags(args, { email: { type: 'string' }, name: { type: 'string' } });
      if (!values.email) throw new BadInputError('token create needs --email');
      console.log(await createApiToken(values.email, values.name ?? 'cli', cliActor()));
    },
  },
];
