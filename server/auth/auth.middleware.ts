/**
 * Authentication for officer endpoints: a session cookie (browser) or an API token
 * (`Authorization: Bearer pk_...`, scripts). Cookie-authenticated requests that change state
 * must carry the session's CSRF token in `X-CSRF-Token`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, ForbiddenError, UnauthorizedError } from '../core/errors';
import type { Role } from './auth.repo';
import { type CurrentUser, userForApiToken, userForSession } from './auth.service';

export const SESSION_COOKIE = 'pk_session';

declare module 'express-serve-static-core' {
  interface Request {
    user?: CurrentUser;
    authVia?: 'session' | 'token';
    /** CSRF token of the caller's session (cookie sign-in only). */
    csrfToken?: string;
    /** A session cookie came without its CSRF token on a state-changing request. */
    csrfRejected?: boolean;
    /** The route is open to a user who still has to enrol two-factor sign-in (allowDuringEnrolment). */
    enrolmentRoute?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller, if any; never rejects a request by itself. */
export const authenticate: RequestHandler = (req, _res, next) => {
  void (async () => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const user = await userForApiToken(header.slice(7).trim());
      if (!user) throw new UnauthorizedError('the API token is unknown or revoked');
      req.user = user;
      req.authVia = 'token';
      return;
    }
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!cookie) return;
    const s = await userForSession(cookie);
    if (!s) return;
    // CSRF: a cross-site form or script cannot read the token, so it cannot send it.
    // The request then counts as anonymous: endpoints that need a user refuse it (requireUser),
    // while signing in again (POST /api/session) still works with a stale cookie in the browser.
    if (!SAFE_METHODS.has(req.method) && req.get('x-csrf-token') !== s.csrfToken) {
      req.csrfRejected = true;
      return;
    }
    req.user = s.user;
    req.authVia = 'session';
    req.csrfToken = s.csrfToken;
  })().then(() => next(), next);
};

/** Rejects callers who are not signed in, or whose role is not listed. */
export function requireUser(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.csrfRejected) {
      return next(
        new ForbiddenError('missing or wrong X-CSRF-Token header; GET /api/session returns the token'),
      );
    }
    if (!req.user) return next(new UnauthorizedError());
    // A role that must sign in with two factors, signed in with a password only: enrolment first.
    if (req.authVia === 'session' && req.user.mustEnrolTotp && !req.enrolmentRoute) {
      return next(
        new AppError(
          'your role must sign in with a second factor: set up the authenticator app first (POST /api/account/totp)',
          403,
          'totp_enrolment_required',
        ),
      );
    }
    if (roles.length > 0 && !roles.includes(req.user.role) && req.user.role !== 'admin') {
      return next(new ForbiddenError(`this needs the role ${roles.join(' or ')}`));
    }
    next();
  };
}

/** Opens the next handlers to a user who still has to enrol two-factor sign-in (session, enrolment). */
export const allowDuringEnrolment: RequestHandler = (req, _res, next) => {
  req.enrolmentRoute = true;
  next();
};

/** The signed-in user of a request that passed `requireUser`. */
export function currentUser(req: Request): CurrentUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
