/**
 * Two-factor sign-in with time-based one-time passwords (RFC 6238; otplib): 6 digits, 30 s
 * steps, one step of clock drift either way. Enrolment shows an otpauth:// URI as a QR code;
 * recovery codes (10, shown once) are stored as SHA-256.
 */
import crypto from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Preventiekaart';

// One 30 s step of clock drift either way; otherwise RFC 6238's defaults (SHA-1, 6 digits).
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(email: string, secret: string): string {
  return authenticator.keyuri(email, TOTP_ISSUER, secret);
}

/** The enrolment QR code as an SVG string (no network, no image host). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export function checkTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return authenticator.check(code, secret);
}

/** Ten recovery codes like `k3x9-7m2q-p4ta`, and their hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: Buffer[] } {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: 10 }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(''),
    ).join('-'),
  );
  return { codes, hashes: codes.map(recoveryHash) };
}

export function recoveryHash(code: string): Buffer {
  return crypto.createHash('sha256').update(code.trim().toLowerCase()).digest();
}
