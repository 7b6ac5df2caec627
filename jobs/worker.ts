/**
 * The job worker process (`npm run worker`). Runs the BullMQ workers of every queue, reports a
 * heartbeat for /api/health, and on SIGTERM finishes the jobs in hand and closes everything.
 */
import { closeDb } from '../server/core/db';
import { logger } from '../server/core/logger';
import { closeRedis, redis } from '../server/core/redis';
import { startHeartbeat } from './heartbeat';
import { startSheetWorker } from './inspections/sheet-worker';
import { startLetterWorker } from './letters/letter-worker';
import { BrowserHost } from './letters/browser-host';
import { startMaintenanceWorker } from './maintenance-worker';
import { startAlertWorker } from './residents/alert-worker';

type Closer = () => Promise<void>;

async function main(): Promise<void> {
  const closers: Closer[] = [];
  closers.push(startHeartbeat(redis()));
  // One Chromium for the process: letters and inspection sheets share it.
  const host = new BrowserHost();
  const letters = startLetterWorker(host);
  const sheets = startSheetWorker(host);
  closers.push(async () => {
    await Promise.all([letters.worker.close(), sheets.worker.close()]);
    await host.close();
  });
  closers.push((await startMaintenanceWorker()).close);
  closers.push((await startAlertWorker()).close);
  logger.info({ pid: process.pid }, 'worker started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    for (const close of closers.reverse())
      await close().catch((err) => logger.error({ err }, 'close failed'));
    await Promise.allSettled([closeDb(), closeRedis()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
