/** The body of POST /api/session (sign-in), validated with zod at the boundary. */
import { z } from 'zod';
import { text } from '../core/input';

/** E-mail address and password, and the second factor when the account asks for one. */
export const Login = z.object({
  email: text().min(3).max(320),
  password: z.string().min(1).max(1000),
  /** The authenticator app's code, for a user who enrolled two-factor sign-in. */
  totp: z
    .string()
    .regex(/^\d{6}$/, 'a 6-digit code')
    .optional(),
  recoveryCode: text().max(40).optional(),
});
