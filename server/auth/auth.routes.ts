/** Sign-in endpoints: POST/GET/DELETE /api/session. */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { config } from '../core/config';
import { text } from '../core/input';
import { SESSION_COOKIE, allowDuringEnrolment, currentUser, requireUser } from './auth.middleware';
import { signIn, signOut } from './auth.service';

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

export function authRouter(): Router {
  const router = Router();
  const cfg = config();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: cfg.LOGIN_RATE_LIMIT,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    message: { error: { code: 'rate_limited', message: 'too many failed sign-ins; wait 15 minutes' } },
  });

  router.post('/api/session', loginLimiter, async (req, res) => {
    const body = Login.parse(req.body);
    const s = await signIn(body.email, body.password, req.ip ?? null, undefined, {
      totp: body.totp,
      recoveryCode: body.recoveryCode,
      userAgent: req.get('user-agent') ?? null,
    });
    res.cookie(SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: cfg.TRUST_PROXY || req.secure,
      maxAge: cfg.SESSION_TTL_HOURS * 3600 * 1000,
      path: '/',
    });
    res.status(201).json({ user: s.user, csrfToken: s.csrfToken });
  });

  router.get('/api/session', allowDuringEnrolment, requireUser(), (req, res) => {
    res.json({ user: currentUser(req), csrfToken: req.csrfToken ?? null });
  });

  router.delete('/api/session', allowDuringEnrolment, requireUser(), async (req, res) => {
    const cookie = (req.cookies as Record<string, string>)[SESSION_COOKIE];
    if (cookie) await signOut(cookie);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return router;
}
