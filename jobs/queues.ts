/**
 * Queue names and the BullMQ connection options shared by producers (server, CLI) and the worker.
 * Every key carries REDIS_PREFIX so that test runs and the demo never share queues.
 */
import type { QueueOptions } from 'bullmq';
import { config } from '../server/core/config';

export const QUEUES = {
  letters: 'letters',
  maintenance: 'maintenance',
} as const;

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
