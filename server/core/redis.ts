/**
 * Redis connections. BullMQ needs `maxRetriesPerRequest: null` on connections used by workers
 * (blocking commands); every key carries REDIS_PREFIX so test runs never touch the demo's queues.
 */
import { Redis } from 'ioredis';
import { config } from './config';
import { logger } from './logger';

export function createRedis(opts: { forWorker?: boolean } = {}): Redis {
  const r = new Redis(config().REDIS_URL, {
    maxRetriesPerRequest: opts.forWorker ? null : 3,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  r.on('error', (err) => logger.warn({ err: err.message }, 'Redis connection error'));
  return r;
}

let shared: Redis | undefined;

/** The process-wide connection for short commands (health, heartbeats). */
export function redis(): Redis {
  shared ??= createRedis();
  return shared;
}

export async function closeRedis(): Promise<void> {
  const r = shared;
  shared = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}

/** A key in this deployment's namespace. */
export function key(...parts: (string | number)[]): string {
  return [config().REDIS_PREFIX, ...parts].join(':');
}
