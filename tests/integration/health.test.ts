/** GET /api/health: 200 with database, Redis and a worker heartbeat; 503 while no worker reports. */
import { startHeartbeat } from '../../jobs/heartbeat';
import { redis } from '../../server/core/redis';
import { useTestDatabase } from '../helpers/db';
import { useTestApp } from '../helpers/app';

useTestDatabase();
const app = useTestApp();

interface Health {
  status: string;
  database: { status: string; postgis?: string };
  redis: { status: string };
  worker: { status: string; error?: string; workers?: number };
}

async function health(): Promise<{ status: number; body: Health; cache: string | null }> {
  const res = await fetch(`${app.url}/api/health`);
  return { status: res.status, body: (await res.json()) as Health, cache: res.headers.get('cache-control') };
}

test('503 without a worker, 200 while one beats, 503 again after it stops', async () => {
  const before = await health();
  expect(before.status).toBe(503);
  expect(before.body).toMatchObject({
    status: 'degraded',
    database: { status: 'ok' },
    redis: { status: 'ok' },
    worker: { status: 'down' },
  });
  expect(before.body.database.postgis).toMatch(/^3\./);
  expect(before.body.worker.error).toMatch(/npm run worker/);
  expect(before.cache).toBe('no-store');

  const stop = startHeartbeat(redis());
  try {
    // startHeartbeat writes its first beat without awaiting; wait for the key to appear.
    for (let i = 0; i < 20 && (await health()).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 50));
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      status: 'ok',
      database: { status: 'ok' },
      redis: { status: 'ok' },
      worker: { status: 'ok', workers: 1 },
    });
  } finally {
    await stop();
  }
  expect((await health()).status).toBe(503);
});

test('security headers are set', async () => {
  const res = await fetch(`${app.url}/api/health`);
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-powered-by')).toBeNull();
});
