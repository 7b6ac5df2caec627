/**
 * What the effect view may be asked (zod at the boundary): the municipality, the period and the
 * settings of the measures. Every setting has the default named in docs/readme/effect.md.
 */
import { z } from 'zod';
import { QueryDate } from '../core/dates';
import { MunicipalityCode } from '../municipalities/municipality-access';

/** The defaults: cocoon 200 m / 14 days (Johnson et al. 2007), letters within 48 h, 8 weeks. */
export const EFFECT_DEFAULTS = {
  distanceM: 200,
  days: 14,
  letterHours: 48,
  minIndex: 20,
  minStreets: 10,
  weeks: 8,
  uptakeDays: 90,
  seed: 1,
  replicates: 2000,
} as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Settings shared by the municipality view and the campaign view. */
export const EffectSettings = z.object({
  distance: int(10, 1000).default(EFFECT_DEFAULTS.distanceM),
  days: int(1, 120).default(EFFECT_DEFAULTS.days),
  letterHours: int(1, 720).default(EFFECT_DEFAULTS.letterHours),
  minIndex: int(1, 10_000).default(EFFECT_DEFAULTS.minIndex),
  minStreets: int(1, 10_000).default(EFFECT_DEFAULTS.minStreets),
  weeks: int(1, 52).default(EFFECT_DEFAULTS.weeks),
  uptakeDays: int(7, 365).default(EFFECT_DEFAULTS.uptakeDays),
  seed: int(0, 2_147_483_647).default(EFFECT_DEFAULTS.seed),
});
export type EffectSettings = z.infer<typeof EffectSettings>;

/** `GET /api/effect?municipality=GM0503&from=2026-01-01&to=2026-07-01&...` */
export const EffectQuery = EffectSettings.extend({
  municipality: MunicipalityCode.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
}).refine((q) => !q.from || !q.to || q.from < q.to, { message: "'from' must be before 'to'", path: ['to'] });
export type EffectQuery = z.infer<typeof EffectQuery>;

/** `GET /api/effect/campaigns/:id?weeks=8&...` */
export const CampaignEffectQuery = EffectSettings;
export const CampaignIdParam = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
