/**
 * Personal sign-up codes: 8 characters of Crockford base32 (0-9, A-Z without I, L, O, U), 40 bits
 * from crypto.randomBytes. Easy to type from a letter (no I/1 or O/0 confusion: SignupCode in
 * evening-input.ts reads I and L as 1, O as 0), and with look-ups rate limited not guessable:
 * at 10 failed tries per 15 minutes an address needs ~10^10 years for a 1-in-2 chance at one
 * of 10,000 live codes.
 */
import crypto from 'node:crypto';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new random code (5 random bytes = 40 bits = 8 symbols of 5 bits). */
export function newSignupCode(): string {
  const bytes = crypto.randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/** As printed in a letter: two groups of four ("K7Q2-M9XD"); the dash is ignored when typed. */
export function printedCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
