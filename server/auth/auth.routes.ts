/** Sign-in endpoints: POST/GET/DELETE /api/session. */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { Login } from './auth-input';
import { config } from '../core/config';
import { SESSION_COOKIE, allowDuringEnrolment, currentUser, requireUser } from './auth.middleware';
import { signIn, signOut } from './auth.service';

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
