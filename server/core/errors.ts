/**
 * Typed errors. Every error the API answers with is an AppError with an HTTP status and a
 * stable code; the one error handler (server/core/http.ts) turns them into
 * `{ "error": { "code", "message" } }` and never shows a stack trace.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status = 500,
    readonly code = 'internal',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadInputError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 400, 'bad_input', options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'sign in first (POST /api/session) or send an API token') {
    super(message, 401, 'unauthorized');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'your role or municipality does not allow this') {
    super(message, 403, 'forbidden');
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, 404, 'not_found');
  }
}

export class ConflictError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 409, 'conflict', options);
  }
}

/** A transient failure (serialization, deadlock, lost connection): safe to retry. */
export class RetryableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 503, 'retry', options);
  }
}

/** PostgreSQL is away (restarting, stopped, unreachable): safe to repeat once it is back. */
export class DatabaseUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 503, 'database_unavailable', options);
  }
}

/**
 * True for an error that says the connection to PostgreSQL is lost or cannot be made, rather
 * than that a statement failed: the server shutting down or starting up (57P01-57P03), a
 * connection exception (class 08), a socket refused or reset, or node-postgres' own "Connection
 * terminated" (which carries no code).
 */
export function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(57P0[123]|08...)$/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  if (/^Connection terminated|connection timeout|Client has encountered a connection error/i.test(msg))
    return true;
  // Node's AggregateError (one per address tried) with an empty message.
  return Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every(isConnectionLost);
}

/** Postgres error codes mapped in one place. */
export function fromPgError(err: unknown): AppError | undefined {
  if (isConnectionLost(err))
    return new DatabaseUnavailableError(
      'the database is not reachable at the moment (restarting or away): repeat the request in a minute',
      { cause: err },
    );
  const code = (err as { code?: unknown })?.code;
  const detail = (err as { detail?: string })?.detail;
  switch (code) {
    case '23505':
      return new ConflictError(detail ?? 'already exists', { cause: err });
    case '22021':
      // A NUL byte or bytes that are not UTF-8 in text: input the boundary should have refused.
      return new BadInputError('text contains a NUL byte or bytes that are not UTF-8; remove them', {
        cause: err,
      });
    case '22P02':
    case '23503':
    case '23502':
    case '23514':
    case '22007':
    case '22008':
      return new BadInputError(detail ?? (err as Error).message, { cause: err });
    case '40001':
    case '40P01':
      return new RetryableError('the database asked to retry this request', { cause: err });
    default:
      return undefined;
  }
}
