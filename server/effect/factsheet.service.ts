/**
 * The council factsheet (issue 13): the figures of `GET /api/effect` for a period, with the
 * period's burglaries per month and letters sent, as one A4 PDF in Dutch.
 */
import { db } from '../core/db';
import type { Viewer } from '../municipalities/municipality-access';
import type { EffectQuery } from './effect-input';
import * as repo from './effect.repo';
import { effectMunicipality, municipalityEffect, periodOf } from './effect.service';
import { htmlToPdf } from './factsheet-pdf';
import { factsheetDocument } from './factsheet-template';
import { factsheetView } from './factsheet-view';

/** `GET /api/effect/factsheet.pdf`: the council factsheet of a period (Dutch, A4), with the figures of `GET /api/effect`. */
export async function factsheetPdf(viewer: Viewer, q: EffectQuery, now = new Date()): Promise<Uint8Array> {
  const e = await municipalityEffect(viewer, q, now);
  const m = await effectMunicipality(viewer, q.municipality);
  const period = periodOf(q, now);
  const letters = await repo.lettersSent(db(), m.id, period.from, period.to);
  return htmlToPdf(factsheetDocument(factsheetView(e, e.months, letters, now)));
}
