/**
 * Sign-in rules: who may sign in, sessions, API tokens, and which municipalities a user is granted
 * (what that lets them see is decided in server/municipalities/municipality-access.ts).
 */
import type { Pool } from 'pg';
import { config } from '../core/config';
import { db, withTransaction } from '../core/db';
import { BadInputError, NotFoundError, UnauthorizedError } from '../core/errors';
import { audit } from '../audit/audit';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import * as repo from './auth.repo';
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
  };
}

// A fixed hash to compare against when the email is unknown, so response time does not
// reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/** Checks a password; creates a session; audits success and failure. Returns the cookie value. */
export async function signIn(
  email: string,
  password: string,
  ip: string | null,
  pool: Pool = db(),
): Promise<{ token: string; csrfToken: string; user: CurrentUser }> {
  const user = await repo.findUserByEmail(pool, email);
  dummyHash ??= hashPassword('not a real password');
  const ok = user?.password_hash
    ? await verifyPassword(password, user.password_hash)
    : (await verifyPassword(password, await dummyHash), false);
  if (!user || !ok || user.disabled_at) {
    await audit(pool, { actor: email.slice(0, 200), action: 'session.failed', ip, userId: user?.id ?? null });
    throw new UnauthorizedError('unknown email or wrong password');
  }
  const token = randomToken();
  const csrfToken = randomToken(18);
  await withTransaction(async (c) => {
    await repo.insertSession(c, {
      tokenHash: tokenHash(token),
      csrfToken,
      userId: user.id,
      ttlHours: config().SESSION_TTL_HOURS,
    });
    await audit(c, { userId: user.id, actor: user.email, action: 'session.create', ip });
  }, pool);
  return { token, csrfToken, user: toCurrentUser(user) };
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
  if (input.password !== undefined && input.password.length < 10) {
    throw new BadInputError('--password: use at least 10 characters');
  }
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
