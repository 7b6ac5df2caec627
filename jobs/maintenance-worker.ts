/**
 * Daily maintenance on the `maintenance` queue: deleting incident detail past its retention, and
 * the names and e-mail addresses of evening sign-ups once their evening is over.
 * The schedule is a BullMQ job scheduler with a fixed id, so any number of worker processes
 * share one schedule (upsert is idempotent) and each run happens once.
 */
import { Queue, Worker } from 'bullmq';
import { logger } from '../server/core/logger';
import { purgeEveningContacts } from '../server/evenings/evening-contacts';
import { purgeExpiredIncidents } from '../server/incidents/retention';
import { queueOptions, QUEUES } from './queues';

export const RETENTION_SCHEDULER_ID = 'incident-retention';
export const EVENING_CONTACTS_SCHEDULER_ID = 'evening-contacts';
const DAY_MS = 86_400_000;

export async function startMaintenanceWorker(): Promise<{ close: () => Promise<void> }> {
  const queue = new Queue(QUEUES.maintenance, queueOptions());
  await queue.upsertJobScheduler(
    RETENTION_SCHEDULER_ID,
    { every: DAY_MS },
    { name: 'purge-incidents', data: {} },
  );
  await queue.upsertJobScheduler(
    EVENING_CONTACTS_SCHEDULER_ID,
    { every: DAY_MS },
    { name: 'purge-evening-contacts', data: {} },
  );
  const worker = new Worker(
    QUEUES.maintenance,
    async (job) => {
      if (job.name === 'purge-evening-contacts') {
        const done = await purgeEveningContacts({ actor: 'worker:retention' });
        logger.info(done, 'evening contacts deleted');
        return done;
      }
      if (job.name !== 'purge-incidents') throw new Error(`unknown maintenance job '${job.name}'`);
      const result = await purgeExpiredIncidents({ actor: 'worker:retention' });
      logger.info({ deleted: result.deleted, cutoff: result.cutoff }, 'incident retention applied');
      return result;
    },
    { ...queueOptions(), concurrency: 1 },
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'maintenance worker error'));
  return {
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
}
