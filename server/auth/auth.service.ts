/**
 * Sign-in rules: who may sign in, sessions, API tokens, and which municipalities a user is granted
 * (what that lets them see is decided in server/municipalities/municipality-access.ts).
 */
import type { Pool } from 'pg';
import { config } from '../core/config';
import { db, withTransaction } from '../core/db';
import { AppError, BadInputError, NotFoundError, UnauthorizedError } from '../core/errors';
import { audit } from '../audit/audit';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import * as repo from './auth.repo';
import { checkNewPassword } from './password-policy';
import * as security from './security.repo';
import { checkTotp, recoveryHash } from './totp';
import { hashPassword, randomToken, tokenHash, verifyPassword } from './passwords';

/** The signed-in user as every officer endpoint sees it. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string | null;
  role: repo.Role;
  /** Municipalities this user may see; `'all'` for admins. */
  municipalities: number[] | 'all';
  /** The same by CBS code (GM0503), for clients; `'all'` for admins. */
  municipalityCodes: string[] | 'all';
  /** Whether sign-in asks this user for a TOTP code. */
  totpEnabled: boolean;
  /** The role must use two-factor sign-in and this user has not enrolled yet: only enrolment is open. */
  mustEnrolTotp: boolean;
}

export const ROLES: readonly repo.Role[] = ['admin', 'officer', 'planner'];

function toCurrentUser(u: repo.UserRow): CurrentUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    municipalities: u.role === 'admin' ? 'all' : u.municipality_ids.map(Number),
    municipalityCodes: u.role === 'admin' ? 'all' : u.municipality_codes,
    totpEnabled: u.totp_enabled_at !== null,
    mustEnrolTotp: u.totp_enabled_at === null && config().TOTP_REQUIRED_ROLES.includes(u.role),
  };
}

// A fixed hash to compare against when the email is unknown, so response time does not
// reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/** The second factor and where a sign-in comes from. */
export interface SignInExtras {
  /** The 6-digit TOTP code, for a user who enrolled. */
  totp?: string;
  /** Or one of their recovery codes. */
  recoveryCode?: string;
  userAgent?: string | null;
}

/**
 * Checks a password (and the TOTP code of an enrolled user); creates a session; audits success
 * and failure. Repeated failures lock the account (LOCKOUT_ATTEMPTS in a row: LOCKOUT_MINUTES),
 * whatever the IP. Returns the cookie value.
 */
export async function signIn(
  email: string,
  password: string,
  ip: string | null,
  pool: Pool = db(),
  extras: SignInExtras = {},
): Promise<{ token: string; csrfToken: string; user: CurrentUser }> {
  const cfg = config();
  const user = await repo.findUserByEmail(pool, email);
  const state = user ? await security.securityState(pool, user.id) : undefined;
  if (user && state?.locked_until && state.locked_until > new Date()) {
    await audit(pool, { actor: user.email, action: 'session.locked', ip, userId: user.id });
    throw lockedError(state.locked_until);
  }
  dummyHash ??= hashPassword('not a real password');
  const ok = user?.password_hash
    ? await verifyPassword(password, user.password_hash)
    : (await verifyPassword(password, await dummyHash), false);
  if (!user || !ok || user.disabled_at) {
    await audit(pool, { actor: email.slice(0, 200), action: 'session.failed', ip, userId: user?.id ?? null });
    if (user && !user.disabled_at) await countFailure(pool, user, ip);
    throw new UnauthorizedError('unknown email or wrong password');
  }
  let totpOk = false;
  if (state?.totp_secret) {
    if (extras.totp) totpOk = await checkTotp(state.totp_secret, extras.totp);
    else if (extras.recoveryCode)
      totpOk = await security.useRecoveryCode(pool, user.id, recoveryHash(extras.recoveryCode));
    else throw new AppError('enter the 6-digit code from your authenticator app', 401, 'totp_required');
    if (!totpOk) {
      await audit(pool, {
        actor: user.email,
        action: 'session.failed',
        ip,
        userId: user.id,
        details: { reason: 'second factor' },
      });
      await countFailure(pool, user, ip);
      throw new AppError('the code is wrong or expired; enter the current 6-digit code', 401, 'totp_wrong');
    }
  }
  const token = randomToken();
  const csrfToken = randomToken(18);
  await withTransaction(async (c) => {
    await security.resetFailedSignins(c, user.id);
    await repo.insertSession(c, {
      tokenHash: tokenHash(token),
      csrfToken,
      userId: user.id,
      ttlHours: cfg.SESSION_TTL_HOURS,
    });
    await security.markSession(c, tokenHash(token), {
      ip,
      userAgent: extras.userAgent?.slice(0, 300) ?? null,
      totpOk,
    });
    await audit(c, {
      userId: user.id,
      actor: user.email,
      action: 'session.create',
      ip,
      details: { secondFactor: totpOk ? (extras.totp ? 'totp' : 'recovery code') : null },
    });
  }, pool);
  return { token, csrfToken, user: toCurrentUser(user) };
}

function lockedError(until: Date): AppError {
  const at = until.toLocaleTimeString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  });
  return new AppError(
    `this account is locked after repeated failed sign-ins, until ${at} (Dutch time); try again then, or ask an administrator to reset the password`,
    423,
    'account_locked',
  );
}

/** Counts a failed sign-in; the one that reaches LOCKOUT_ATTEMPTS locks the account and says so. */
async function countFailure(pool: Pool, user: repo.UserRow, ip: string | null): Promise<void> {
  const cfg = config();
  const r = await security.recordFailedSignin(pool, user.id, cfg.LOCKOUT_ATTEMPTS, cfg.LOCKOUT_MINUTES);
  if (r.failed_signins === 0 && r.locked_until && r.locked_until > new Date()) {
    await audit(pool, {
      actor: user.email,
      action: 'account.locked',
      ip,
      userId: user.id,
      details: { attempts: cfg.LOCKOUT_ATTEMPTS, minutes: cfg.LOCKOUT_MINUTES },
    });
    throw lockedError(r.locked_until);
  }
}

export async function signOut(token: string, pool: Pool = db()): Promise<void> {
  await repo.deleteSession(pool, tokenHash(token));
}

/** The user behind a session cookie, with the session's CSRF token. */
export async function userForSession(
  token: string,
  pool: Pool = db(),
): Promise<{ user: CurrentUser; csrfToken: string } | undefined> {
  const s = await repo.findSession(pool, tokenHash(token));
  if (!s) return undefined;
  const u = await repo.findUserById(pool, s.user_id);
  if (!u || u.disabled_at) return undefined;
  return { user: toCurrentUser(u), csrfToken: s.csrf_token };
}

/** The user behind an API token. */
export async function userForApiToken(token: string, pool: Pool = db()): Promise<CurrentUser | undefined> {
  const userId = await repo.useApiToken(pool, tokenHash(token));
  if (userId === undefined) return undefined;
  const u = await repo.findUserById(pool, userId);
  return u && !u.disabled_at ? toCurrentUser(u) : undefined;
}

/** Creates or updates a user (CLI `user add`). */
export async function addUser(
  input: { email: string; role: string; password?: string; name?: string; municipality?: string },
  actor: string,
  pool: Pool = db(),
): Promise<{ id: number; created: boolean }> {
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email))
    throw new BadInputError(`--email: '${input.email}' is not an email address`);
  if (!ROLES.includes(input.role as repo.Role)) {
    throw new BadInputError(`--role: '${input.role}' is not one of ${ROLES.join(', ')}`);
  }
  if (input.password !== undefined) checkNewPassword(input.password, '--password', input.email);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return withTransaction(async (c) => {
    let municipalityId: number | undefined;
    if (input.municipality) {
      municipalityId = (await municipalityByCode(c, input.municipality))?.id;
      if (municipalityId === undefined)
        throw new NotFoundError(`--municipality: no municipality with code '${input.municipality}'`);
    }
    const r = await repo.upsertUser(c, {
      email: input.email,
      name: input.name,
      role: input.role as repo.Role,
      passwordHash,
    });
    if (municipalityId !== undefined) await repo.grantMunicipality(c, r.id, municipalityId);
    await audit(c, {
      actor,
      action: r.created ? 'user.create' : 'user.update',
      subjectType: 'user',
      subjectId: r.id,
      municipalityId,
      details: { role: input.role },
    });
    return r;
  }, pool);
}

/** Creates an API token for a user; the token is returned once and stored only hashed. */
export async function createApiToken(
  email: string,
  name: string,
  actor: string,
  pool: Pool = db(),
): Promise<string> {
  const user = await repo.findUserByEmail(pool, email);
  if (!user)
    throw new NotFoundError(
      `--email: no user '${email}'; add one with: npm run cli -- user add --email ${email} --role officer`,
    );
  const token = `pk_${randomToken()}`;
  await withTransaction(async (c) => {
    const id = await repo.insertApiToken(c, user.id, name, tokenHash(token));
    await audit(c, {
      actor,
      action: 'token.create',
      subjectType: 'api_token',
      subjectId: id,
      details: { for: user.email },
    });
  }, pool);
  return token;
}
