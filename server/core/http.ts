/**
 * The one Express error handler: `{ "error": { "code", "message" } }`, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, fromPgError } from './errors';
import { logger } from './logger';

/** Turns any thrown value into an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const msg = err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return new AppError(msg, 400, 'bad_input', { cause: err });
  }
  const pg = fromPgError(err);
  if (pg) return pg;
  const e = err as { type?: string; status?: number; message?: string };
  // body-parser / multer errors carry a status of their own
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError(e.message ?? 'bad request', e.status, e.type ?? 'bad_request', { cause: err });
  }
  return new AppError('internal error; the server log has the details', 500, 'internal', { cause: err });
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const e = toAppError(err);
  if (e.status >= 500) logger.error({ err: e.cause ?? e, method: req.method, path: req.path }, e.message);
  if (res.headersSent) return;
  res.status(e.status).json({ error: { code: e.code, message: e.message } });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `no route ${req.method} ${req.path}` } });
};
