/**
 * The effect view (officers): `GET /api/effect` for a municipality and period, and
 * `GET /api/effect/campaigns/:id` for one campaign. Aggregated counts only, never an address.
 */
import { Router } from 'express';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { CampaignEffectQuery, CampaignIdParam, EffectQuery } from './effect-input';
import * as effect from './effect.service';
import { factsheetPdf } from './factsheet.service';

export function effectRouter(): Router {
  const r = Router();
  r.use('/api/effect', requireUser('officer'));
  r.get('/api/effect', async (req, res) => {
    const q = EffectQuery.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await effect.municipalityEffect(currentUser(req), q));
  });
  r.get('/api/effect/factsheet.pdf', async (req, res) => {
    const q = EffectQuery.parse(req.query);
    const pdf = await factsheetPdf(currentUser(req), q);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="factsheet-woninginbraken.pdf"');
    res.set('Cache-Control', 'no-store').end(Buffer.from(pdf));
  });
  r.get('/api/effect/campaigns/:id', async (req, res) => {
    const { id } = CampaignIdParam.parse(req.params);
    const q = CampaignEffectQuery.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await effect.campaignEffect(currentUser(req), id, q));
  });
  return r;
}
