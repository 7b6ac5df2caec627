/**
 * The effect view (officers): `GET /api/effect` for a municipality and period, and
 * `GET /api/effect/campaigns/:id` for one campaign. Aggregated counts only, never an address.
 */
import { Router, type Response } from 'express';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { CampaignEffectQuery, CampaignIdParam, EffectQuery } from './effect-input';
import { activityRows, beforeAfterRows, effectCsv, followOnRows, monthRows, uptakeRows } from './effect-csv';
import * as effect from './effect.service';
import { FactsheetLangQuery, factsheetPdf } from './factsheet.service';

export function effectRouter(): Router {
  const r = Router();
  r.use('/api/effect', requireUser('officer'));
  r.get('/api/effect', async (req, res) => {
    const q = EffectQuery.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await effect.municipalityEffect(currentUser(req), q));
  });
  r.get('/api/effect/factsheet.pdf', async (req, res) => {
    const q = EffectQuery.parse(req.query);
    const { lang } = FactsheetLangQuery.parse(req.query);
    const pdf = await factsheetPdf(currentUser(req), q, lang);
    res.setHeader('Content-Type', 'application/pdf');
    const name = lang === 'en' ? 'factsheet-residential-burglary' : 'factsheet-woninginbraken';
    res.setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
    res.set('Cache-Control', 'no-store').end(Buffer.from(pdf));
  });
  r.get('/api/effect/figures.csv', async (req, res) => {
    const q = EffectQuery.parse(req.query);
    const e = await effect.municipalityEffect(currentUser(req), q);
    const rows = [
      ...followOnRows(e.followOn),
      ...beforeAfterRows(e.beforeAfter),
      ...uptakeRows(e.subsidyUptake),
      ...activityRows(e),
      ...monthRows(e.months),
    ];
    csv(res, `effect-${e.municipality.code}-${e.period.from.slice(0, 10)}-${e.period.to.slice(0, 10)}.csv`);
    res.send(effectCsv(rows));
  });
  r.get('/api/effect/campaigns/:id/figures.csv', async (req, res) => {
    const { id } = CampaignIdParam.parse(req.params);
    const q = CampaignEffectQuery.parse(req.query);
    const e = await effect.campaignEffect(currentUser(req), id, q);
    csv(res, `effect-campaign-${id}.csv`);
    res.send(effectCsv([...beforeAfterRows(e.beforeAfter), ...uptakeRows(e.subsidyUptake)]));
  });
  r.get('/api/effect/campaigns/:id', async (req, res) => {
    const { id } = CampaignIdParam.parse(req.params);
    const q = CampaignEffectQuery.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await effect.campaignEffect(currentUser(req), id, q));
  });
  return r;
}

function csv(res: Response, filename: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  // The name is made of a municipality code, dates and a number only: nothing to escape.
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.set('Cache-Control', 'no-store');
}
