/**
 * Small helpers for `npm run cli -- <command>`: typed flag parsing and the actor name that
 * command-line work is audited under.
 */
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, BadInputError } from './errors';

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

/**
 * The one line the CLI prints for a failure. Expected failures (bad input, missing file) carry
 * their own message; for others the underlying message is more useful than "internal error"
 * (there is no server log to point to). Node's connection errors can be an AggregateError with
 * an empty message (localhost resolving to ::1 and 127.0.0.1), so take its first error; and
 * keep it to one line.
 */
export function cliErrorLine(err: unknown, appError: AppError): string {
  let message = appError.status < 500 ? appError.message : '';
  if (!message) {
    const e = err as {
      message?: string;
      errors?: { message?: string }[];
      code?: string;
      address?: string;
      port?: number;
    };
    message = e?.message || e?.errors?.find((x) => x?.message)?.message || appError.message;
    const code = e?.code ?? (e?.errors?.[0] as { code?: string } | undefined)?.code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
      message = `cannot connect (${message}); is PostgreSQL/Redis running and DATABASE_URL/REDIS_URL right?`;
    }
  }
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
