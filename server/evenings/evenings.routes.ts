/**
 * Prevention evenings for officers: plan, change, cancel, invite, follow the sign-ups, tick
 * attendance. The invitations are tied to addresses, so only officers (and admins) use these.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import * as evenings from './evenings.service';
import { sendInvitations } from './evening-invitations';
import { eveningResponse, eveningResponseCsv, tickAttendance } from './evening-response';

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

function actorOf(req: Request): evenings.Actor {
  const u = currentUser(req);
  return { userId: u.id, actor: u.email, municipalities: u.municipalities, ip: req.ip ?? null };
}

export function eveningsRouter(): Router {
  const r = Router();
  r.use('/api/evenings', requireUser('officer'));

  r.get('/api/evenings', async (req, res) => {
    res.json(await evenings.listEvenings(req.query, actorOf(req)));
  });
  r.post('/api/evenings', async (req, res) => {
    res.status(201).json(await evenings.createEvening(req.body, actorOf(req)));
  });
  r.get('/api/evenings/:id', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await evenings.getEvening(id, actorOf(req)));
  });
  r.patch('/api/evenings/:id', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await evenings.updateEvening(id, req.body, actorOf(req)));
  });
  r.post('/api/evenings/:id/cancel', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await evenings.cancelEvening(id, actorOf(req)));
  });
  r.post('/api/evenings/:id/invitations', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.status(201).json(await sendInvitations(id, req.body, actorOf(req)));
  });
  r.get('/api/evenings/:id/response', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await eveningResponse(id, actorOf(req)));
  });
  r.get('/api/evenings/:id/response.csv', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const csv = await eveningResponseCsv(id, actorOf(req));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="preventieavond-${id}-respons.csv"`);
    res.send('\ufeff' + csv);
  });
  r.post('/api/evenings/:id/attendance', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await tickAttendance(id, req.body, actorOf(req)));
  });
  return r;
}
