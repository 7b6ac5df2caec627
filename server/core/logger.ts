/**
 * One pino logger for server, CLI and worker. Never log query parameters, addresses or
 * passwords: request logs carry method, path without query string, status and timing only.
 */
import pino from 'pino';
import { config } from './config';

export const logger = pino({
  level: config().LOG_LEVEL,
  base: { service: 'preventiekaart' },
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
    remove: true,
  },
});

export type Logger = pino.Logger;
