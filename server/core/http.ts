/**
 * The one Express error handler: `{ "error": { "code", "message" } }`, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import { config } from './config';
import { AppError, fromPgError } from './errors';
import { logger } from './logger';

/**
 * multer's errors carry a `code` but no status, so they answered 500. The one upload
 * (POST /api/incidents/import) takes one file in the field 'file', up to INCIDENT_UPLOAD_MAX_MB.
 */
function fromMulterError(err: MulterError): AppError {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppError(
        `the file is larger than ${config().INCIDENT_UPLOAD_MAX_MB} MB (INCIDENT_UPLOAD_MAX_MB); split it, or import it on the command line (npm run cli -- import-incidents FILE)`,
        413,
        'file_too_large',
        { cause: err },
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return new AppError(
        `unexpected file in field '${err.field ?? ''}'; send the file in the field 'file'`,
        400,
        'bad_input',
        { cause: err },
      );
    case 'LIMIT_FILE_COUNT':
      return new AppError(
        "more than one file: send one file per upload, in the field 'file'",
        400,
        'bad_input',
        { cause: err },
      );
    default:
      return new AppError(
        `the upload is not as expected: ${err.message}${err.field ? ` (field '${err.field}')` : ''}`,
        400,
        'bad_input',
        { cause: err },
      );
  }
}

/** Turns any thrown value into an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const msg = err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return new AppError(msg, 400, 'bad_input', { cause: err });
  }
  if (err instanceof MulterError) return fromMulterError(err);
  const pg = fromPgError(err);
  if (pg) return pg;
  const e = err as { type?: string; status?: number; message?: string };
  // body-parser errors carry a status of their own
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
