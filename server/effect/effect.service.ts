/**
 * The effect figures (issue 13): "did it work?" from the municipality's own data, with every
 * figure's counts and uncertainty, never a verdict. The statistics are pure modules beside this
 * one (follow-on-rate.ts, diff-in-diff.ts, uptake.ts); this service fetches the counts and
 * checks who may see them (municipality-access.ts). Nothing here answers an address.
 */
import { db, type Queryable } from '../core/db';
import type { MunicipalityRef } from '../municipalities/municipalities.repo';
import { requestedMunicipality, type Viewer } from '../municipalities/municipality-access';
import { EFFECT_DEFAULTS, type EffectQuery, type EffectSettings } from './effect-input';
import * as repo from './effect.repo';
import { followOnRate, singleRate, type FollowOnRate, type GroupRate } from './follow-on-rate';

const DAY_MS = 86_400_000;

/** Measure 1 for a period and, beside it, the same length of time before the first campaign. */
export interface FollowOnFigures {
  settings: { distanceM: number; days: number; letterHours: number; minIndex: number };
  period: { from: string; to: string };
  current: FollowOnRate;
  /** Index burglaries whose follow-up ended before the first campaign (nobody had letters). */
  beforeFirstCampaign: null | { from: string; to: string; figure: GroupRate };
}

/** The period asked for, or the last 365 days up to `now`. */
export function periodOf(q: Pick<EffectQuery, 'from' | 'to'>, now: Date): { from: Date; to: Date } {
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 365 * DAY_MS);
  return { from, to };
}

/** Measure 1 (near-repeat follow-on rate) for one municipality and period. */
export async function followOnFigures(
  q: Queryable,
  municipalityId: number,
  period: { from: Date; to: Date },
  s: EffectSettings,
  now: Date,
): Promise<FollowOnFigures> {
  const params = {
    municipalityId,
    distanceM: s.distance,
    days: s.days,
    letterHours: s.letterHours,
  };
  const rows = await repo.indexBurglaries(q, { ...params, ...period, observedUntil: now });
  const opts = { minIndex: s.minIndex, seed: s.seed, replicates: EFFECT_DEFAULTS.replicates };
  const current = followOnRate(rows, opts);
  const first = await repo.firstCampaignAt(q, municipalityId);
  let beforeFirstCampaign: FollowOnFigures['beforeFirstCampaign'] = null;
  if (first) {
    // Follow-ups that ended before the first letter went out, over a stretch as long as the period.
    const to = new Date(first.getTime() - s.days * DAY_MS);
    const from = new Date(to.getTime() - (period.to.getTime() - period.from.getTime()));
    const before = await repo.indexBurglaries(q, { ...params, from, to, observedUntil: first });
    beforeFirstCampaign = {
      from: from.toISOString(),
      to: to.toISOString(),
      figure: singleRate(
        before.map((r) => r.followOns),
        opts,
      ),
    };
  }
  return {
    settings: { distanceM: s.distance, days: s.days, letterHours: s.letterHours, minIndex: s.minIndex },
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    current,
    beforeFirstCampaign,
  };
}

/** The municipality a viewer asks about (403/404 as municipality-access.ts says). */
export function effectMunicipality(viewer: Viewer, code: string | undefined): Promise<MunicipalityRef> {
  return requestedMunicipality(
    viewer,
    code,
    { param: "query parameter 'municipality'", unknown: 'not-found' },
    db(),
  );
}
