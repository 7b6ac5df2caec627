/**
 * Small helpers for `npm run cli -- <command>`: typed flag parsing and the actor name that
 * command-line work is audited under.
 */
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadInputError } from './errors';

export interface CliCommand {
  /** e.g. 'import-osm' or 'user add' */
  name: string;
  usage: string;
  run(args: string[]): Promise<void>;
}

/** parseArgs with strict flags; a wrong flag becomes a BadInputError naming it. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new BadInputError((err as Error).message);
  }
}

/** Who runs the command line, as recorded in the audit log. */
export function cliActor(): string {
  return `cli:${os.userInfo().username}`;
}

/** Prints one JSON line on stdout (importer summaries and other machine-readable results). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}
