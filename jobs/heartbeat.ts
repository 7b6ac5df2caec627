/**
 * Worker liveness for GET /api/health: each worker process refreshes
 * `<prefix>:worker:heartbeat:<host>:<pid>` every 10 s with a 30 s expiry.
 */
import os from 'node:os';
import type { Redis } from 'ioredis';
import { key } from '../server/core/redis';

export function startHeartbeat(r: Redis): () => Promise<void> {
  const k = key('worker', 'heartbeat', `${os.hostname()}:${process.pid}`);
  const beat = () => r.set(k, new Date().toISOString(), 'EX', 30).catch(() => undefined);
  void beat();
  const timer = setInterval(beat, 10_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await r.del(k).catch(() => undefined);
  };
}
