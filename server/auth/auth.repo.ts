/** SQL for users, sessions and API tokens. */
import type { Queryable } from '../core/db';

export type Role = 'admin' | 'officer' | 'planner';

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string | null;
  disabled_at: Date | null;
  totp_enabled_at: Date | null;
  municipality_ids: number[];
  municipality_codes: string[];
}

const USER_SELECT = `SELECT u.id, u.email, u.name, u.role, u.password_hash, u.disabled_at, u.totp_enabled_at,
  COALESCE(array_agg(um.municipality_id) FILTER (WHERE um.municipality_id IS NOT NULL), '{}') AS municipality_ids,
  COALESCE(array_agg(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL), '{}') AS municipality_codes
  FROM users u LEFT JOIN user_municipalities um ON um.user_id = u.id
  LEFT JOIN municipalities m ON m.id = um.municipality_id`;

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(`${USER_SELECT} WHERE lower(u.email) = lower($1) GROUP BY u.id`, [
    email,
  ]);
  return rows[0];
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(`${USER_SELECT} WHERE u.id = $1 GROUP BY u.id`, [id]);
  return rows[0];
}

/** Inserts or updates a user by email; returns its id. */
export async function upsertUser(
  q: Queryable,
  u: { email: string; name?: string | null; role: Role; passwordHash?: string | null },
): Promise<{ id: number; created: boolean }> {
  const { rows } = await q.query<{ id: number; created: boolean }>(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (lower(email)) DO UPDATE SET role = EXCLUDED.role,
       name = COALESCE(EXCLUDED.name, users.name),
       password_hash = COALESCE(EXCLUDED.password_hash, users.password_hash)
     RETURNING id, (xmax = 0) AS created`,
    [u.email, u.name ?? null, u.role, u.passwordHash ?? null],
  );
  return rows[0]!;
}

export async function grantMunicipality(q: Queryable, userId: number, municipalityId: number): Promise<void> {
  await q.query(
    'INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [userId, municipalityId],
  );
}

export async function insertSession(
  q: Queryable,
  s: { tokenHash: Buffer; csrfToken: string; userId: number; ttlHours: number },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [s.tokenHash, s.csrfToken, s.userId, s.ttlHours],
  );
}

export async function findSession(
  q: Queryable,
  tokenHash: Buffer,
): Promise<{ user_id: number; csrf_token: string } | undefined> {
  const { rows } = await q.query<{ user_id: number; csrf_token: string }>(
    'SELECT user_id, csrf_token FROM sessions WHERE token_hash = $1 AND expires_at > now()',
    [tokenHash],
  );
  return rows[0];
}

export async function deleteSession(q: Queryable, tokenHash: Buffer): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
}

export async function insertApiToken(
  q: Queryable,
  userId: number,
  name: string,
  tokenHash: Buffer,
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    'INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id',
    [userId, name, tokenHash],
  );
  return rows[0]!.id;
}

/** The user of a live API token; marks it used. */
export async function useApiToken(q: Queryable, tokenHash: Buffer): Promise<number | undefined> {
  const { rows } = await q.query<{ user_id: number }>(
    `UPDATE api_tokens SET last_used_at = now()
     WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id`,
    [tokenHash],
  );
  return rows[0]?.user_id;
}
