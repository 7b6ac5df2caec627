/**
 * Street inspections (officers and planners): plan, route, change, and findings from a phone.
 * Nothing here answers an address, so planners use all of it.
 */
import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { AppError } from '../core/errors';
import * as planning from './inspection-planning.service';
import * as photos from './inspection-photos.service';
import { PHOTO_MAX_BYTES } from './photo-encoding';
import * as inspections from './inspections.service';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const FindingParam = IdParam.extend({ findingId: z.uuid() });

function actorOf(req: Request): inspections.Actor {
  const u = currentUser(req);
  return {
    userId: u.id,
    actor: u.email,
    municipalities: u.municipalities,
    role: u.role,
    ip: req.ip ?? null,
  };
}

/** The photo as the raw body (any type: the service names the ones it takes), too big a 413 that says so. */
const photoBody: RequestHandler = (req, res, next) => {
  express.raw({ type: () => true, limit: PHOTO_MAX_BYTES })(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large')
      return next(
        new AppError(
          `the photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB; send a smaller one (the phone page scales photos down)`,
          413,
          'file_too_large',
          { cause: err },
        ),
      );
    next(err);
  });
};

export function inspectionsRouter(): Router {
  const r = Router();
  r.use('/api/inspections', requireUser('officer', 'planner'));

  // Before /:id: these are not inspections.
  r.get('/api/inspections/options', async (req, res) => {
    res.json(await planning.planningOptions(req.query, actorOf(req)));
  });
  r.put('/api/inspections/checklist', requireUser('officer'), async (req, res) => {
    res.json(await planning.setChecklist(req.body, actorOf(req)));
  });

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
  r.put('/api/inspections/:id/findings/:findingId/photo', photoBody, async (req, res) => {
    const { id, findingId } = FindingParam.parse(req.params);
    res.json(await photos.storePhoto(id, findingId, req.get('content-type'), req.body, actorOf(req)));
  });
  r.get('/api/inspections/:id/findings/:findingId/photo', async (req, res) => {
    const { id, findingId } = FindingParam.parse(req.params);
    const jpeg = await photos.photo(id, findingId, actorOf(req));
    res.setHeader('Content-Type', 'image/jpeg');
    res.end(Buffer.from(jpeg));
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
