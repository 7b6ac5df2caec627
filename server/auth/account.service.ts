/**
 * A signed-in user's own account: two-factor sign-in (enrol with a QR code, confirm with a
 * code, recovery codes shown once), their sessions (list, sign out everywhere) and their API
 * tokens (list, create, revoke). Every change is audited.
 */
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { createApiToken, type CurrentUser } from './auth.service';
import { tokenHash } from './passwords';
import * as security from './security.repo';
import { checkTotp, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri } from './totp';

interface Who {
  user: CurrentUser;
  ip: string | null;
}

/** Starts TOTP enrolment: a new secret (not active until confirmed), as URI, QR code and text. */
export async function startTotp(w: Who): Promise<{ otpauthUrl: string; qrSvg: string; secret: string }> {
  const secret = newTotpSecret();
  await security.setTotpPending(db(), w.user.id, secret);
  const uri = totpUri(w.user.email, secret);
  return { otpauthUrl: uri, qrSvg: await totpQrSvg(uri), secret };
}

/** Confirms enrolment with a code from the app; answers the recovery codes (shown once). */
export async function confirmTotp(w: Who, code: string): Promise<{ recoveryCodes: string[] }> {
  const state = await security.securityState(db(), w.user.id);
  if (!state.totp_pending_secret) throw new ConflictError('start enrolment first (POST /api/account/totp)');
  if (!(await checkTotp(state.totp_pending_secret, code)))
    throw new BadInputError(
      'code: not the current code of the app; check the phone clock and try the next code',
    );
  const { codes, hashes } = newRecoveryCodes();
  await withTransaction(async (q) => {
    if (!(await security.confirmTotp(q, w.user.id)))
      throw new ConflictError('enrolment was not pending any more');
    await security.replaceRecoveryCodes(q, w.user.id, hashes);
    await audit(q, { userId: w.user.id, actor: w.user.email, action: 'account.totp.enable', ip: w.ip });
  });
  return { recoveryCodes: codes };
}

export async function ownSessions(
  w: Who,
  currentCookieHash: Buffer | null,
): Promise<
  Array<{
    id: number;
    createdAt: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
    current: boolean;
  }>
> {
  return (await security.ownSessions(db(), w.user.id)).map((s) => ({
    id: s.id,
    createdAt: s.created_at.toISOString(),
    expiresAt: s.expires_at.toISOString(),
    ip: s.ip,
    userAgent: s.user_agent,
    current: currentCookieHash !== null && s.token_hash.equals(currentCookieHash),
  }));
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(w: Who): Promise<{ ended: number }> {
  return withTransaction(async (q) => {
    const ended = await security.deleteUserSessions(q, w.user.id);
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'session.delete_all',
      ip: w.ip,
      details: { ended },
    });
    return { ended };
  });
}

export function cookieHash(cookie: string | undefined): Buffer | null {
  return cookie ? tokenHash(cookie) : null;
}

export async function ownTokens(w: Who) {
  return (await security.listTokens(db(), w.user.id)).map(tokenView);
}

export async function newToken(w: Who, name: string): Promise<{ token: string }> {
  return { token: await createApiToken(w.user.email, name, w.user.email) };
}

/** Revokes one of the user's own tokens (`ownerId` null: an admin revoking anyone's). */
export async function revokeToken(w: Who, tokenId: number, ownerId: number | null): Promise<void> {
  await withTransaction(async (q) => {
    const r = await security.revokeToken(q, tokenId, ownerId);
    if (!r) throw new NotFoundError(`no active token ${tokenId}`);
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'token.revoke',
      subjectType: 'api_token',
      subjectId: tokenId,
      details: { of: r.user_id },
      ip: w.ip,
    });
  });
}

export function tokenView(t: security.TokenRow) {
  return {
    id: t.id,
    userId: t.user_id,
    email: t.email,
    name: t.name,
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}
