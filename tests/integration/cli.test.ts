/** The command line's failure modes: one line on stderr, a non-zero exit code, never a stack trace. */
import { useTestDatabase } from '../helpers/db';
import { runCli } from '../helpers/cli';

const t = useTestDatabase();

function expectOneLine(stderr: string, message: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
}

test('a bad environment variable is named in one line', async () => {
  const r = await runCli(['migrate'], t.url, { PORT: 'eighty', LOG_LEVEL: 'loud' });
  expect(r.code).toBe(1);
  expectOneLine(r.stderr, /invalid configuration: PORT: .*LOG_LEVEL: /);
});

test('an unreachable database is one line saying what to check', async () => {
  const r = await runCli(['migrate'], 'postgres://postgres@localhost:1/nowhere');
  expect(r.code).toBe(1);
  expectOneLine(
    r.stderr,
    /cannot connect \(.*ECONNREFUSED.*\); is PostgreSQL\/Redis running and DATABASE_URL\/REDIS_URL right\?/,
  );
});

test('migrate on an up-to-date database says so', async () => {
  const r = await runCli(['migrate'], t.url);
  expect(r).toEqual({ code: 0, stdout: 'schema up to date\n', stderr: '' });
});

test('an unknown command prints the usage, listing import-bag', async () => {
  const r = await runCli(['import-everything'], t.url);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^unknown command 'import-everything'/);
  expect(r.stderr).toMatch(/import-bag FILE/);
});
