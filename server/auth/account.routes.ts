/**
 * A user's own account: /api/account/totp (enrol two-factor sign-in), /api/account/sessions
 * (list, sign out everywhere), /api/account/tokens (list, create, revoke).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { text } from '../core/input';
import * as account from './account.service';
import { SESSION_COOKIE, allowDuringEnrolment, currentUser, requireUser } from './auth.middleware';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Code = z.object({ code: z.string().regex(/^\d{6}$/, 'the 6-digit code of the app') });
const TokenName = z.object({ name: text().min(1).max(100) });

const who = (req: Request) => ({ user: currentUser(req), ip: req.ip ?? null });

export function accountRouter(): Router {
  const r = Router();
  r.post('/api/account/totp', allowDuringEnrolment, requireUser(), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await account.startTotp(who(req)));
  });
  r.post('/api/account/totp/confirm', allowDuringEnrolment, requireUser(), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await account.confirmTotp(who(req), Code.parse(req.body).code));
  });
  r.get('/api/account/sessions', requireUser(), async (req, res) => {
    const cookie = (req.cookies as Record<string, string>)[SESSION_COOKIE];
    res.json({ sessions: await account.ownSessions(who(req), account.cookieHash(cookie)) });
  });
  r.delete('/api/account/sessions', allowDuringEnrolment, requireUser(), async (req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json(await account.signOutEverywhere(who(req)));
  });
  r.get('/api/account/tokens', requireUser(), async (req, res) => {
    res.json({ tokens: await account.ownTokens(who(req)) });
  });
  r.post('/api/account/tokens', requireUser(), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await account.newToken(who(req), TokenName.parse(req.body).name));
  });
  r.delete('/api/account/tokens/:id', requireUser(), async (req, res) => {
    await account.revokeToken(who(req), IdParam.parse(req.params).id, currentUser(req).id);
    res.status(204).end();
  });
  return r;
}
