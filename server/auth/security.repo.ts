/** SQL of account security and office administration (sql/queries/auth/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { Role } from './auth.repo';

export async function recordFailedSignin(
  q: Queryable,
  userId: number,
  attempts: number,
  minutes: number,
): Promise<{ failed_signins: number; locked_until: Date | null }> {
  const { rows } = await q.query<{ failed_signins: number; locked_until: Date | null }>(
    sql('auth/record-failed-signin'),
    [userId, attempts, minutes],
  );
  return rows[0]!;
}

export async function resetFailedSignins(q: Queryable, userId: number): Promise<void> {
  await q.query(sql('auth/reset-failed-signins'), [userId]);
}

export interface SecurityState {
  locked_until: Date | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
}

export async function securityState(q: Queryable, userId: number): Promise<SecurityState> {
  const { rows } = await q.query<SecurityState>(sql('auth/security-state'), [userId]);
  return rows[0]!;
}

export async function setTotpPending(q: Queryable, userId: number, secret: string): Promise<void> {
  await q.query(sql('auth/set-totp-pending'), [userId, secret]);
}

export async function confirmTotp(q: Queryable, userId: number): Promise<boolean> {
  return ((await q.query(sql('auth/confirm-totp'), [userId])).rowCount ?? 0) > 0;
}

export async function replaceRecoveryCodes(q: Queryable, userId: number, hashes: Buffer[]): Promise<void> {
  await q.query(sql('auth/delete-recovery-codes'), [userId]);
  await q.query(sql('auth/replace-recovery-codes'), [userId, hashes]);
}

export async function useRecoveryCode(q: Queryable, userId: number, hash: Buffer): Promise<boolean> {
  return ((await q.query(sql('auth/use-recovery-code'), [userId, hash])).rowCount ?? 0) > 0;
}

export async function markSession(
  q: Queryable,
  tokenHash: Buffer,
  s: { ip: string | null; userAgent: string | null; totpOk: boolean },
): Promise<void> {
  await q.query(sql('auth/insert-session-from'), [tokenHash, s.ip, s.userAgent, s.totpOk]);
}

export async function ownSessions(
  q: Queryable,
  userId: number,
): Promise<
  Array<{
    id: number;
    created_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    token_hash: Buffer;
  }>
> {
  const { rows } = await q.query<{
    id: number;
    created_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    token_hash: Buffer;
  }>(sql('auth/own-sessions'), [userId]);
  return rows;
}

export async function deleteUserSessions(q: Queryable, userId: number): Promise<number> {
  return (await q.query(sql('auth/delete-user-sessions'), [userId])).rowCount ?? 0;
}

export interface TokenRow {
  id: number;
  user_id: number;
  email: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function listTokens(q: Queryable, userId: number | null): Promise<TokenRow[]> {
  const { rows } = await q.query<TokenRow>(sql('auth/list-tokens'), [userId]);
  return rows;
}

export async function revokeToken(
  q: Queryable,
  tokenId: number,
  ownerId: number | null,
): Promise<{ id: number; user_id: number } | undefined> {
  const { rows } = await q.query<{ id: number; user_id: number }>(sql('auth/revoke-token'), [
    tokenId,
    ownerId,
  ]);
  return rows[0];
}

export interface AdminUserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled_at: Date | null;
  created_at: Date;
  locked_until: Date | null;
  totp_enabled_at: Date | null;
  municipality_codes: string[];
}

export async function listUsers(q: Queryable): Promise<AdminUserRow[]> {
  const { rows } = await q.query<AdminUserRow>(sql('auth/list-users'));
  return rows;
}

export async function updateUser(
  q: Queryable,
  userId: number,
  u: { role: Role | null; name: string | null; disabled: boolean | null },
): Promise<boolean> {
  return ((await q.query(sql('auth/update-user'), [userId, u.role, u.name, u.disabled])).rowCount ?? 0) > 0;
}

export async function setUserMunicipalities(q: Queryable, userId: number, ids: number[]): Promise<void> {
  await q.query(sql('auth/delete-user-municipalities'), [userId]);
  await q.query(sql('auth/set-user-municipalities'), [userId, ids]);
}

export async function municipalityIds(q: Queryable, codes: string[]): Promise<Map<string, number>> {
  const { rows } = await q.query<{ id: number; code: string }>(sql('auth/municipality-ids'), [codes]);
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function setPassword(q: Queryable, userId: number, hash: string): Promise<boolean> {
  return ((await q.query(sql('auth/set-password'), [userId, hash])).rowCount ?? 0) > 0;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  user_id: number | null;
  action: string;
  municipality_code: string | null;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export async function auditEntries(
  q: Queryable,
  f: {
    municipalityIds: number[] | null;
    actor: string | null;
    action: string | null;
    from: Date | null;
    to: Date | null;
    limit: number;
  },
): Promise<AuditRow[]> {
  const { rows } = await q.query<AuditRow>(sql('auth/audit-entries'), [
    f.municipalityIds,
    f.actor,
    f.action,
    f.from,
    f.to,
    f.limit,
  ]);
  return rows;
}
