/**
 * Runs `server/cli.ts` as a child process against a test database, the way a user runs
 * `npm run cli -- ...`: exit code, stdout and stderr as the user sees them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function runCli(args: string[], databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a command in this process (`runCommand` of server/cli.ts) against the database the
 * test file's pool points at: the same exit status and the same stdout/stderr lines as the
 * child process, without the ~3 s start of a new one (the bad-input tables run hundreds).
 */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
  const { runCommand } = await import('../../server/cli');
  let stdout = '';
  let stderr = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const log = jest
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void (stdout += `${a.join(' ')}\n`));
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void (stderr += `${a.join(' ')}\n`));
  try {
    const code = await runCommand(args);
    return { code, stdout, stderr };
  } finally {
    write.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
}
