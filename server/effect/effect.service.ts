/**
 * The effect figures (issue 13): "did it work?" from the municipality's own data, with every
 * figure's counts and uncertainty, never a verdict. The statistics are pure modules beside this
 * one (follow-on-rate.ts, diff-in-diff.ts, uptake.ts); this service fetches the counts and
 * checks who may see them (municipality-access.ts). Nothing here answers an address.
 */
import { db, withTransaction, type Queryable } from '../core/db';
import { NotFoundError } from '../core/errors';
import type { MunicipalityRef } from '../municipalities/municipalities.repo';
import { requestedMunicipality, seesMunicipality, type Viewer } from '../municipalities/municipality-access';
import { EFFECT_DEFAULTS, type EffectQuery, type EffectSettings } from './effect-input';
import * as repo from './effect.repo';
import * as trialRepo from '../trial/trial.repo';
import { trialFigure, type TrialFigure } from './trial-figure';
import {
  beforeAfterFigures,
  uptakeFigures,
  WindowLists,
  type BeforeAfterFigures,
  type UptakeFigures,
} from './window-figures';

export { beforeAfterFigures, uptakeFigures, WindowLists, type BeforeAfterFigures, type UptakeFigures };
import { countIndexBurglaries } from './near-repeat-counts';
import { followOnRate, singleRate, type FollowOnRate, type GroupRate } from './follow-on-rate';

const DAY_MS = 86_400_000;

/** Measure 1 for a period and, beside it, the same length of time before the first campaign. */
export interface FollowOnFigures {
  settings: { distanceM: number; days: number; letterHours: number; minIndex: number };
  period: { from: string; to: string };
  current: FollowOnRate;
  /** Index burglaries whose follow-up ended before the first campaign (nobody had letters). */
  beforeFirstCampaign: null | { from: string; to: string; figure: GroupRate };
  /** Trial mode: the randomised groups compared (null: no burglary was ever assigned). */
  trial: TrialFigure | null;
}

/** The period asked for, or the last 365 days up to `now`. */
export function periodOf(q: Pick<EffectQuery, 'from' | 'to'>, now: Date): { from: Date; to: Date } {
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 365 * DAY_MS);
  return { from, to };
}

/**
 * Index burglaries of [from, to) whose follow-up ended by `observedUntil`, with their follow-ons
 * and letter flag: the located burglaries and letters of the time around the period, counted in
 * near-repeat-counts.ts (the same as sql/queries/effect/index-burglaries.sql, much faster).
 */
export async function indexBurglaries(q: Queryable, p: repo.CocoonParams) {
  const until = new Date(p.to.getTime() + p.days * DAY_MS);
  const incidents = await repo.locatedIncidents(q, p.municipalityId, p.from, until);
  const letters = await repo.letterPoints(
    q,
    p.municipalityId,
    p.from,
    new Date(p.to.getTime() + p.letterHours * 3_600_000),
  );
  return countIndexBurglaries(incidents, letters, {
    from: p.from.getTime(),
    to: p.to.getTime(),
    distanceM: p.distanceM,
    days: p.days,
    letterHours: p.letterHours,
    observedUntil: p.observedUntil.getTime(),
  });
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
  const rows = await indexBurglaries(q, { ...params, ...period, observedUntil: now });
  const opts = { minIndex: s.minIndex, seed: s.seed, replicates: EFFECT_DEFAULTS.replicates };
  const current = followOnRate(rows, opts);
  const first = await repo.firstCampaignAt(q, municipalityId);
  let beforeFirstCampaign: FollowOnFigures['beforeFirstCampaign'] = null;
  if (first) {
    // Follow-ups that ended before the first letter went out, over a stretch as long as the period.
    const to = new Date(first.getTime() - s.days * DAY_MS);
    const from = new Date(to.getTime() - (period.to.getTime() - period.from.getTime()));
    const before = await indexBurglaries(q, { ...params, from, to, observedUntil: first });
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
    trial: trialFigure(rows, await trialRepo.assignments(q, municipalityId), { ...opts, seed: s.seed + 10 }),
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

/** The effect view of a municipality and period (measures 1, 2 and 3). */
export interface MunicipalityEffect {
  municipality: { code: string; name: string };
  period: { from: string; to: string };
  followOn: FollowOnFigures;
  beforeAfter: BeforeAfterFigures;
  subsidyUptake: UptakeFigures;
  /** Measure 4: street inspections and their findings by follow-up (plain counts). */
  inspections: repo.InspectionTotals;
  /** Burglaries per month of the period beside the same months a year before (the chart's line). */
  months: repo.MonthCount[];
  /** Measure 4: prevention evenings with their invitations, sign-ups and attendance (plain counts). */
  evenings: repo.EveningTotals;
  notes: string[];
}

/** What the figures can and cannot show, in plain words (never a verdict). */
export const EFFECT_NOTES = [
  'This is an observational comparison: letters were not assigned at random, so a difference can also come from where and when letters were sent.',
  'An interval that includes 1 (ratio) or 0 (difference) means the data cannot tell an effect from chance.',
  'Index burglaries close together share follow-ons; the intervals do not fully account for that and may be too narrow.',
];

/** `GET /api/effect`: the figures for one municipality and period. */
export async function municipalityEffect(
  viewer: Viewer,
  q: EffectQuery,
  now = new Date(),
): Promise<MunicipalityEffect> {
  const m = await effectMunicipality(viewer, q.municipality);
  const period = periodOf(q, now);
  // Two connections on one snapshot: measure 1 on the first while the database answers the
  // others on the second (the counting in JavaScript and the queries overlap).
  const { followOn, beforeAfter, subsidyUptake, inspections, months, evenings } = await withTransaction(
    async (c) => {
      await repo.beginFigures(c);
      const snapshot = await repo.exportSnapshot(c);
      const others = withTransaction(async (c2) => {
        await repo.joinFigures(c2, snapshot);
        // Wide enough for both measures' windows around every campaign of the period.
        const days = (Math.max(q.weeks * 7, q.uptakeDays) + 1) * DAY_MS;
        const lists = new WindowLists(c2, m.id, {
          from: new Date(period.from.getTime() - days),
          to: new Date(period.to.getTime() + days),
        });
        return {
          beforeAfter: await beforeAfterFigures(c2, m.id, period, q, now, lists),
          subsidyUptake: await uptakeFigures(c2, m.id, period, q, now, lists),
          inspections: await repo.inspectionTotals(c2, m.id, period.from, period.to),
          months: await repo.monthlyBurglaries(c2, m.id, period.from, period.to),
          evenings: await repo.eveningTotals(c2, m.id, period.from, period.to),
        };
      });
      // Both settle before the first transaction ends: its snapshot must outlive the second's start.
      const [followOnResult, rest] = await Promise.allSettled([
        followOnFigures(c, m.id, period, q, now),
        others,
      ]);
      if (followOnResult.status === 'rejected') throw followOnResult.reason;
      if (rest.status === 'rejected') throw rest.reason;
      return { followOn: followOnResult.value, ...rest.value };
    },
  );
  return {
    municipality: { code: m.code, name: m.name },
    period: followOn.period,
    followOn,
    beforeAfter,
    subsidyUptake,
    inspections,
    months,
    evenings,
    notes: EFFECT_NOTES,
  };
}

/** `GET /api/effect/campaigns/:id`: measure 2 for one campaign (another municipality's: 404). */
export async function campaignEffect(viewer: Viewer, id: number, s: EffectSettings, now = new Date()) {
  const c = await repo.campaignById(db(), id);
  if (!c || !seesMunicipality(viewer, c.municipalityId)) throw new NotFoundError(`no campaign ${id}`);
  const judgeableFrom = new Date(c.createdAt.getTime() + s.weeks * 7 * DAY_MS);
  return {
    campaign: {
      id: c.id,
      kind: c.kind,
      createdAt: c.createdAt.toISOString(),
      letters: c.letters,
      cancelled: c.cancelledAt !== null,
    },
    /** Before this moment the after-window is not over and there is no figure. */
    judgeableFrom: judgeableFrom.toISOString(),
    ...(await withTransaction(async (t) => {
      await repo.beginFigures(t);
      return {
        beforeAfter: await beforeAfterFigures(t, c.municipalityId, { campaignId: c.id }, s, now),
        subsidyUptake: await uptakeFigures(t, c.municipalityId, { campaignId: c.id }, s, now),
      };
    })),
    notes: EFFECT_NOTES,
  };
}
