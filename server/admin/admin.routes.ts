/**
 * The office's administration (admin role only): /api/admin/users, /api/admin/tokens and the
 * audit log viewer /api/admin/audit (JSON, or CSV with format=csv).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { revokeToken, tokenView } from '../auth/account.service';
import { currentUser, requireUser } from '../auth/auth.middleware';
import * as admin from './admin.service';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Format = z.object({ format: z.enum(['json', 'csv']).default('json') });

const who = (req: Request) => ({ user: currentUser(req), ip: req.ip ?? null });

export function adminRouter(): Router {
  const r = Router();
  r.use('/api/admin', requireUser('admin'));
  r.get('/api/admin/users', async (_req, res) => {
    res.json({ users: await admin.listUsers() });
  });
  r.post('/api/admin/users', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await admin.createUser(req.body, who(req)));
  });
  r.patch('/api/admin/users/:id', async (req, res) => {
    await admin.updateUser(IdParam.parse(req.params).id, req.body, who(req));
    res.status(204).end();
  });
  r.post('/api/admin/users/:id/password', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await admin.resetPassword(IdParam.parse(req.params).id, who(req)));
  });
  r.get('/api/admin/tokens', async (_req, res) => {
    res.json({ tokens: (await admin.allTokens()).map(tokenView) });
  });
  r.delete('/api/admin/tokens/:id', async (req, res) => {
    await revokeToken(who(req), IdParam.parse(req.params).id, null);
    res.status(204).end();
  });
  r.get('/api/admin/audit', async (req, res) => {
    const { format, ...query } = { ...Format.parse({ format: req.query.format }), ...req.query };
    const entries = await admin.auditEntries({ ...query, format: undefined });
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="auditlog.csv"');
      res.send(admin.auditCsv(entries));
      return;
    }
    res.json({ entries });
  });
  return r;
}
