/**
 * The HTTP server: listens, and on SIGTERM/SIGINT stops accepting, drains requests and closes
 * the database and Redis connections.
 */
import { buildApp } from './app';
import { config } from './core/config';
import { closeDb } from './core/db';
import { logger } from './core/logger';
import { closeRedis } from './core/redis';
import { closeLetterEvents } from './letters/letter-events';
import { closeLetterImages } from './letters/letter-image';

const cfg = config();
const server = buildApp().listen(cfg.PORT, cfg.HOST, () => {
  logger.info({ url: `http://${cfg.HOST}:${cfg.PORT}` }, 'Preventiekaart server listening');
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(() => {
    void Promise.allSettled([closeDb(), closeRedis(), closeLetterEvents(), closeLetterImages()]).then(() =>
      process.exit(0),
    );
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
