/**
 * The BullMQ connection options of the worker process, and the maintenance queue's name. The
 * letters queue is named by its job contract (server/letters/letter-job.ts). Every key carries
 * REDIS_PREFIX so that test runs and the demo never share queues.
 */
import type { QueueOptions } from 'bullmq';
import { config } from '../server/core/config';

/** Queues the worker process runs besides the letters queue. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

/** Connection options for a queue or worker of its own (workers need `maxRetriesPerRequest: null`). */
export function queueOptions(): Pick<QueueOptions, 'prefix' | 'connection'> {
  const url = new URL(config().REDIS_URL);
  return {
    prefix: config().REDIS_PREFIX,
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      maxRetriesPerRequest: null,
    },
  };
}
