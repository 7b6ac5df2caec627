/** GET /api/health: database, Redis and worker status. 200 when all are up, 503 otherwise. */
import { Router } from 'express';
import { key, redis } from '../core/redis';
import { postgisVersion } from './health.repo';

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; detail?: unknown; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after 2 s')), 2000);
      }),
    ]);
    return { ok: true, detail };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  } finally {
    // Without this every health request leaves three 2 s timers behind (they held jest open).
    clearTimeout(timer);
  }
}

export function healthRouter(): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const [database, cache, worker] = await Promise.all([
      check(async () => ({ postgis: await postgisVersion() })),
      check(() => redis().ping()),
      check(async () => {
        // Workers refresh a heartbeat key every 10 s with a 30 s expiry (jobs/worker.ts).
        // SCAN, not KEYS: KEYS blocks Redis while it walks every key (BullMQ jobs included).
        const keys: string[] = [];
        let cursor = '0';
        do {
          const [next, found] = await redis().scan(
            cursor,
            'MATCH',
            key('worker', 'heartbeat', '*'),
            'COUNT',
            1000,
          );
          cursor = next;
          keys.push(...found);
        } while (cursor !== '0');
        if (keys.length === 0)
          throw new Error('no worker has reported in the last 30 s; start one with npm run worker');
        return { workers: keys.length };
      }),
    ]);
    const ok = database.ok && cache.ok && worker.ok;
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({
        status: ok ? 'ok' : 'degraded',
        database: database.ok
          ? { status: 'ok', ...(database.detail as object) }
          : { status: 'down', error: database.error },
        redis: cache.ok ? { status: 'ok' } : { status: 'down', error: cache.error },
        worker: worker.ok
          ? { status: 'ok', ...(worker.detail as object) }
          : { status: 'down', error: worker.error },
      });
  });
  return router;
}
