/**
 * Letter campaigns (officers): preview, create, follow (pushed progress), list, cancel, retry,
 * and download the print file, one PDF per address (zip) or the print shop's address list; the
 * history of letters per street and the to-do list of burglaries still waiting for a letter. A download first asks the service "may I,
 * and what" (prepareExport: access, completeness, audit, rows), then sets its headers and writes.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { MunicipalityCode } from '../municipalities/municipality-access';
import * as campaigns from './campaigns.service';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const MunicipalityQuery = z.object({ municipality: MunicipalityCode });

function actorOf(req: Request): campaigns.Actor {
  const u = currentUser(req);
  return { userId: u.id, actor: u.email, municipalities: u.municipalities, ip: req.ip ?? null };
}

export function campaignsRouter(): Router {
  const r = Router();
  r.use(['/api/campaigns', '/api/letters'], requireUser('officer'));
  // /api/streets is shared with the analysis routes (planners too): the letter routes guard themselves.
  const officer = requireUser('officer');

  r.get('/api/campaigns', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ campaigns: await campaigns.listCampaigns(req.query, actorOf(req)) });
  });

  r.post('/api/campaigns', async (req, res) => {
    res.status(201).json(await campaigns.createCampaign(req.body, actorOf(req)));
  });

  // The same body as POST /api/campaigns; nothing is created.
  r.post('/api/campaigns/preview', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await campaigns.previewCampaign(req.body, actorOf(req)));
  });

  r.post('/api/campaigns/preview/letter.png', async (req, res) => {
    const png = await campaigns.previewFirstLetter(req.body, actorOf(req));
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Cache-Control', 'no-store');
    res.end(png);
  });

  r.post('/api/campaigns/:id/cancel', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await campaigns.cancelCampaign(id, actorOf(req)));
  });

  r.post('/api/campaigns/:id/retry', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await campaigns.retryFailed(id, actorOf(req)));
  });

  // Progress pushed as server-sent events until the campaign is done.
  r.get('/api/campaigns/:id/events', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    await campaigns.streamCampaignStatus(id, actorOf(req), res);
  });

  r.get('/api/letters/todo', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ days: campaigns.TODO_DAYS, incidents: await campaigns.letterTodo(req.query, actorOf(req)) });
  });

  r.get('/api/streets/letter-age', officer, async (req, res) => {
    const { municipality } = MunicipalityQuery.parse(req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ streets: await campaigns.lastLetters(municipality, actorOf(req)) });
  });

  r.get('/api/streets/:id/letters', officer, async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await campaigns.streetHistory(id, actorOf(req)));
  });

  r.get('/api/campaigns/:id', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    res.json(await campaigns.campaignStatus(id, actorOf(req)));
  });

  r.get('/api/campaigns/:id/letters.pdf', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const pdf = await campaigns.printFilePdf(await campaigns.prepareExport(id, actorOf(req), 'pdf'));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="campagne-${id}-brieven.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(Buffer.from(pdf));
  });

  r.get('/api/campaigns/:id/letters.zip', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    // Check, audit and read the rows before any header is set: until then an error (404, 403,
    // 409 still rendering) is answered as JSON; once the zip streams it can no longer be.
    const exp = await campaigns.prepareExport(id, actorOf(req), 'zip');
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="campagne-${id}-brieven.zip"`);
    res.setHeader('Cache-Control', 'no-store');
    await campaigns.writeZip(exp, res);
  });

  r.get('/api/campaigns/:id/manifest.csv', async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const exp = await campaigns.prepareExport(id, actorOf(req), 'manifest');
    const csv = campaigns.manifestCsv(exp.rows, exp.language);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="campagne-${id}-adressen.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });
  return r;
}
