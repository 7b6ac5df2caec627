/**
 * `npm run cli -- <command> [flags]`: migrations, imports, users, tokens, demo set-up.
 * Errors print one line naming the problem (never a stack trace) and exit with status 1.
 */
import { authCommands } from './auth/auth.cli';
import { type CliCommand, cliErrorLine } from './core/cli-kit';
import { closeDb } from './core/db';
import { toAppError } from './core/http';
import { closeRedis } from './core/redis';
import { setupCommands } from './setup/setup.cli';
import { bagCommands } from './imports/bag.cli';
import { incidentCommands } from './incidents/incidents.cli';
import { campaignCommands } from './campaigns/campaigns.cli';
import { basemapCommands } from './basemap/basemap.cli';
import { publicCommands } from './public/public.cli';
import { eveningCommands } from './evenings/evenings.cli';
import { alertCommands } from './residents/alerts.cli';

const commands: CliCommand[] = [
  ...setupCommands,
  ...authCommands,
  ...bagCommands,
  ...incidentCommands,
  ...campaignCommands,
  ...basemapCommands,
  ...publicCommands,
  ...eveningCommands,
  ...alertCommands,
];

function usage(): string {
  return ['usage: npm run cli -- <command>', '', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

/**
 * Runs one command line and returns its exit status (0 done, 1 failed, 2 unknown command); the
 * failure is printed as one line on stderr. Leaves the database pool open, so tests can run
 * commands in-process against their own database; `main` closes it.
 */
export async function runCommand(argv: string[]): Promise<number> {
  // Longest match first: 'user add' before 'user'.
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const cmd = sorted.find((c) => c.name.split(' ').every((w, i) => argv[i] === w));
  if (!cmd) {
    console.error(argv.length ? `unknown command '${argv.join(' ')}'\n\n${usage()}` : usage());
    return 2;
  }
  try {
    await cmd.run(argv.slice(cmd.name.split(' ').length));
    return 0;
  } catch (err) {
    console.error(`error: ${cliErrorLine(err, toAppError(err))}`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    return await runCommand(argv);
  } finally {
    await Promise.allSettled([closeDb(), closeRedis()]);
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
