/**
 * Street inspections (officers and planners): plan, route, change, and findings from a phone.
 * Nothing here answers an address, so planners use all of it.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import * as inspections from './inspections.service';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const FindingParam = IdParam.extend({ findingId: z.uuid() });

function actorOf(req: Request): inspections.Actor {
  const u = currentUser(req);
  return { userId: u.id, actor: u.email, municipalities: u.municipalities, ip: req.ip ?? null };
}

export function inspectionsRouter(): Router {
  const r = Router();
  r.use('/api/inspections', requireUser('officer', 'planner'));

  r.get('/api/inspections', async (req, res) => {
    res.json(await inspections.listInspections(actorOf(req)));
  });
  r.post('/api/inspections', async (req, res) => {
    res.status(201).json(await inspections.createInspection(req.body, actorOf(req)));
  });
  r.get('/api/inspections/:id', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await inspections.getInspection(id, actorOf(req)));
  });
  r.patch('/api/inspections/:id', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await inspections.updateInspection(id, req.body, actorOf(req)));
  });
  r.post('/api/inspections/:id/route', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await inspections.planRoute(id, req.body, actorOf(req)));
  });
  r.post('/api/inspections/:id/findings', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await inspections.recordFindings(id, req.body, actorOf(req)));
  });
  r.get('/api/inspections/:id/findings', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await inspections.listFindings(id, actorOf(req)));
  });
  r.get('/api/inspections/:id/findings.csv', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const csv = await inspections.findingsCsv(id, actorOf(req));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="schouw-${id}-bevindingen.csv"`);
    res.send('\ufeff' + csv);
  });
  r.patch('/api/inspections/:id/findings/:findingId', async (req, res) => {
    const { id, findingId } = FindingParam.parse(req.params);
    res.json(await inspections.setFollowUp(id, findingId, req.body, actorOf(req)));
  });
  r.post('/api/inspections/:id/sheet', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res
      .status(202)
      .json(await inspections.requestSheet(id, actorOf(req), `${req.protocol}://${req.get('host')}/`));
  });
  r.get('/api/inspections/:id/sheet.pdf', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const pdf = await inspections.sheetPdf(id, actorOf(req));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="schouw-${id}.pdf"`);
    res.end(Buffer.from(pdf));
  });
  return r;
}
