/**
 * SIGTERM during requests (issue 15): the real server (server/main.ts) as a child process, a
 * long officer request in flight (the largest Knox test its data allows, about a second), then
 * SIGTERM. The request in flight is answered in full, new connections are refused, and the
 * process exits with status 0 once the database and Redis are closed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { bearer, createTestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';
import { insertSyntheticIncidents } from '../helpers/synthetic-incidents';

const t = useTestDatabase();
const ROOT = path.resolve(__dirname, '..', '..');
let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

test('SIGTERM: the request in flight is answered in full, then the server exits cleanly', async () => {
  const officer = await createTestUser(t.pool, { role: 'officer' });
  await insertSyntheticIncidents(t.pool, { municipalityCode: 'GM0503', count: 300, seed: 8 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--require', 'tsx/cjs', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/api/public/municipalities`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const edges = (n: number, step: number) => Array.from({ length: n + 1 }, (_, i) => i * step).join(',');
  const inFlight = fetch(
    `${url}/api/near-repeat/knox?municipality=GM0503&distances=${edges(20, 5)}&times=${edges(20, 3)}&permutations=9999`,
    { headers: bearer(officer) },
  );
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');
  const res = await inFlight;
  expect(res.status).toBe(200);
  const body = (await res.json()) as { cells: unknown[] };
  expect(body.cells).toHaveLength(400);
  expect(await exited).toBe(0);
  await expect(fetch(`${url}/api/public/municipalities`)).rejects.toThrow();
}, 60_000);
