/**
 * The effect figures as the officers' page asks for them (GET /api/effect, GET
 * /api/effect/campaigns/:id) and the addresses of their downloads (CSV, factsheet PDF). Only
 * the types come from the server.
 */
import type { MunicipalityEffect } from '../../../server/effect/effect.service';
import type { BeforeAfterFigures, UptakeFigures } from '../../../server/effect/effect.service';
import { ApiError } from './api';

export type { MunicipalityEffect, BeforeAfterFigures, UptakeFigures };

/** GET /api/effect/campaigns/:id as JSON. */
export interface CampaignEffect {
  campaign: { id: number; kind: string; createdAt: string; letters: number; cancelled: boolean };
  judgeableFrom: string;
  beforeAfter: BeforeAfterFigures;
  subsidyUptake: UptakeFigures;
  notes: string[];
}

/** What the section asks: a municipality and period, or one campaign. */
export type EffectAsk =
  { municipality: string; from: string; to: string; campaign?: undefined } | { campaign: number };

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const data = (await r.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!r.ok)
    throw new ApiError(
      r.status,
      data?.error?.code ?? 'http_error',
      data?.error?.message ?? `HTTP ${r.status}`,
    );
  return data as T;
}

/** `from`/`to` as dates (YYYY-MM-DD, the server reads them as Amsterdam midnight). */
function periodQuery(a: { municipality: string; from: string; to: string }): string {
  return new URLSearchParams({ municipality: a.municipality, from: a.from, to: a.to }).toString();
}

export const effectApi = {
  municipality: (a: { municipality: string; from: string; to: string }) =>
    getJson<MunicipalityEffect>(`/api/effect?${periodQuery(a)}`),
  campaign: (id: number) => getJson<CampaignEffect>(`/api/effect/campaigns/${id}`),
};

/** The CSV download of what is shown. */
export function csvUrl(a: EffectAsk): string {
  return a.campaign !== undefined
    ? `/api/effect/campaigns/${a.campaign}/figures.csv`
    : `/api/effect/figures.csv?${periodQuery(a)}`;
}

/** The council factsheet of a period in a language. */
export function factsheetUrl(
  a: { municipality: string; from: string; to: string },
  lang: 'nl' | 'en',
): string {
  return `/api/effect/factsheet.pdf?${periodQuery(a)}&lang=${lang}`;
}
