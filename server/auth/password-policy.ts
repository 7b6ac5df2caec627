/**
 * Rules for a new password (BIO): at least 12 characters, and not one of the ~49,000 most
 * common passwords (the list shipped with zxcvbn-ts, @zxcvbn-ts/language-common), compared
 * without case. Checked wherever a password is set: the CLI, the admin screen, a reset.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { BadInputError } from '../core/errors';

export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | undefined;

/** Throws BadInputError naming `field` when the password may not be used. */
export function checkNewPassword(password: string, field = 'password', email?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new BadInputError(`${field}: use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1000) throw new BadInputError(`${field}: use at most 1000 characters`);
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  if (common.has(lower))
    throw new BadInputError(`${field}: this password is on the list of common passwords; choose another`);
  if (email && lower.includes(email.split('@')[0]!.toLowerCase()))
    throw new BadInputError(`${field}: do not use your own name or e-mail address in the password`);
}
