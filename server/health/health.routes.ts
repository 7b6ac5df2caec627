/** GET /api/health: database, Redis and worker status. 200 when all are up, 503 otherwise. */
import { Router } from 'express';
import { db } from '../core/db';
import { key, redis } from '../core/redis';

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; detail?: unknown; error?: string }> {
  try {
    const detail = await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000)),
    ]);
    return { ok: true, detail };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export function healthRouter(): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const [database, cache, worker] = await Promise.all([
      check(async () => {
        const { rows } = await db().query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis');
        return { postgis: rows[0]?.postgis };
      }),
      check(() => redis().ping()),
      check(async () => {
        // Workers refresh a heartbeat key every 10 s with a 30 s expiry (jobs/worker.ts).
        const keys = await redis().keys(key('worker', 'heartbeat', '*'));
        if (keys.length === 0) throw new Error('no worker has reported in the last 30 s; start one with npm run worker');
        return { workers: keys.length };
      }),
    ]);
    const ok = database.ok && cache.ok && worker.ok;
    res.status(ok ? 200 : 503).set('Cache-Control', 'no-store').json({
      status: ok ? 'ok' : 'degraded',
      database: database.ok ? { status: 'ok', ...(database.detail as object) } : { status: 'down', error: database.error },
      redis: cache.ok ? { status: 'ok' } : { status: 'down', error: cache.error },
      worker: worker.ok ? { status: 'ok', ...(worker.detail as object) } : { status: 'down', error: worker.error },
    });
  });
  return router;
}
