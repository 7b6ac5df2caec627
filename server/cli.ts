/**
 * `npm run cli -- <command> [flags]`: migrations, imports, users, tokens, demo set-up.
 * Errors print one line naming the problem (never a stack trace) and exit with status 1.
 */
import { authCommands } from './auth/auth.cli';
import type { CliCommand } from './core/cli-kit';
import { closeDb } from './core/db';
import { toAppError } from './core/http';
import { closeRedis } from './core/redis';
import { setupCommands } from './setup/setup.cli';
import { basemapCommands } from './basemap/basemap.cli';

const commands: CliCommand[] = [...setupCommands, ...authCommands, ...basemapCommands];

function usage(): string {
  return ['usage: npm run cli -- <command>', '', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
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
    const e = toAppError(err);
    // Expected failures (bad input, missing file) carry their own message; others are internal.
    const message = e.status < 500 ? e.message : (err as Error).message || e.message;
    console.error(`error: ${message}`);
    return 1;
  } finally {
    await Promise.allSettled([closeDb(), closeRedis()]);
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
