/**
 * The council factsheet (issue 13): the figures of `GET /api/effect` for a period, with the
 * period's burglaries per month, letters sent and a map of where the burglaries were, as one A4
 * PDF in Dutch or English.
 */
import { z } from 'zod';
import { db } from '../core/db';
import { logger } from '../core/logger';
import type { Viewer } from '../municipalities/municipality-access';
import type { EffectQuery } from './effect-input';
import * as repo from './effect.repo';
import { effectMunicipality, municipalityEffect, periodOf } from './effect.service';
import { factsheetMap } from './factsheet-map';
import { htmlToPdf, withBrowser } from './factsheet-pdf';
import { factsheetDocument } from './factsheet-template';
import { factsheetView, type FactsheetLang } from './factsheet-view';

/** `?lang=nl|en` (default nl), beside the parameters of `GET /api/effect`. */
export const FactsheetLangQuery = z.object({ lang: z.enum(['nl', 'en']).default('nl') });

/** `GET /api/effect/factsheet.pdf`: the council factsheet of a period (A4), with the figures of `GET /api/effect`. */
export async function factsheetPdf(
  viewer: Viewer,
  q: EffectQuery,
  lang: FactsheetLang = 'nl',
  now = new Date(),
): Promise<Uint8Array> {
  const e = await municipalityEffect(viewer, q, now);
  const m = await effectMunicipality(viewer, q.municipality);
  const period = periodOf(q, now);
  const letters = await repo.lettersSent(db(), m.id, period.from, period.to);
  const cells = await repo.burglaryCells(db(), m.id, period.from, period.to);
  return withBrowser(async (browser) => {
    // The map is a help, not the factsheet: without WebGL or tiles it is printed without it.
    let map = '';
    try {
      map = await factsheetMap({ get: () => Promise.resolve(browser) }, cells);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'factsheet map not drawn; printed without it');
    }
    const view = factsheetView(e, e.months, letters, now, lang, map);
    return htmlToPdf(browser, factsheetDocument(view, lang));
  });
}
