/**
 * Measures 2 (before and after, with comparison streets) and 3 (subsidy uptake) for the campaigns
 * of a period or one campaign: the lists the database gives (set-based, no query crosses
 * campaigns with streets) counted in server/effect/campaign-windows.ts.
 */
import type { Queryable } from '../core/db';
import {
  diffInDiffFromWindows,
  uptakeFromWindows,
  type LetterStreet,
  type WindowInput,
  type WindowStreet,
} from './campaign-windows';
import type { DiffInDiff } from './diff-in-diff';
import { EFFECT_DEFAULTS, type EffectSettings } from './effect-input';
import * as repo from './effect.repo';
import type { Uptake } from './uptake';

/** Measure 2 with its settings. */
export interface BeforeAfterFigures {
  settings: { weeks: number; minStreets: number; matches: number };
  /** Campaigns whose after-window has ended (the others cannot be judged yet). */
  campaigns: number;
  figure: DiffInDiff;
}

export type Which = { campaignId: number } | { from: Date; to: Date };

/**
 * The lists measures 2 and 3 share (the residential streets, the streets letters went to), read
 * once for both: when `wide` covers what a measure asks, the letters of `wide` serve it (the
 * counting takes exactly each window's, so more rows change nothing).
 */
export class WindowLists {
  private streets?: Promise<WindowStreet[]>;
  private wideLetters?: Promise<LetterStreet[]>;

  constructor(
    private readonly q: Queryable,
    private readonly municipalityId: number,
    private readonly wide?: { from: Date; to: Date },
  ) {}

  residentialStreets(): Promise<WindowStreet[]> {
    return (this.streets ??= repo.residentialStreets(this.q, this.municipalityId));
  }

  letterStreets(from: Date, to: Date): Promise<LetterStreet[]> {
    if (this.wide && this.wide.from <= from && this.wide.to >= to)
      return (this.wideLetters ??= repo.letterStreets(
        this.q,
        this.municipalityId,
        this.wide.from,
        this.wide.to,
      ));
    return repo.letterStreets(this.q, this.municipalityId, from, to);
  }
}

/**
 * The lists measures 2 and 3 are counted from (server/effect/campaign-windows.ts): the campaigns
 * asked for with their windows of `days` days, the residential streets, the streets each
 * campaign's letters went to around them, and the events (burglaries or applications) in the
 * windows. Set-based: no query crosses campaigns with streets.
 */
async function windowInput(
  q: Queryable,
  municipalityId: number,
  which: Which,
  days: number,
  now: Date,
  events: 'burglaries' | 'applications',
  lists: WindowLists,
): Promise<{ input: WindowInput; campaigns: number }> {
  const campaigns = await repo.windowCampaigns(q, {
    municipalityId,
    campaignId: 'campaignId' in which ? which.campaignId : null,
    from: 'from' in which ? which.from : now,
    to: 'to' in which ? which.to : now,
    days,
    observedUntil: now,
  });
  const streets = await lists.residentialStreets();
  if (!campaigns.length || !streets.length)
    return { input: { streets, campaigns: [], letters: [], events: [] }, campaigns: 0 };
  // A millisecond wider than the windows: the counting takes exactly the windows' events.
  const from = new Date(Math.floor(Math.min(...campaigns.map((c) => c.loMs))) - 1);
  const to = new Date(Math.ceil(Math.max(...campaigns.map((c) => c.hiMs))) + 1);
  const letters = await lists.letterStreets(from, to);
  const input: WindowInput = {
    streets,
    letters,
    campaigns: campaigns.map((c) =>
      events === 'burglaries'
        ? { id: c.id, t: c.tMs, lo: c.loMs, mid: c.tMs, hi: c.hiMs, busyLo: c.loMs, busyHi: c.hiMs }
        : { id: c.id, t: c.tMs, lo: c.loDay, mid: c.tDay, hi: c.hiDay, busyLo: c.loMs, busyHi: c.hiMs },
    ),
    events:
      events === 'burglaries'
        ? await repo.streetBurglaryTimes(q, municipalityId, from, to)
        : await repo.streetApplicationDays(
            q,
            municipalityId,
            Math.min(...campaigns.map((c) => c.loDay)),
            Math.max(...campaigns.map((c) => c.hiDay)),
          ),
  };
  return { input, campaigns: campaigns.length };
}

/** Measure 2 for the campaigns of a period, or one campaign. */
export async function beforeAfterFigures(
  q: Queryable,
  municipalityId: number,
  which: Which,
  s: EffectSettings,
  now: Date,
  lists = new WindowLists(q, municipalityId),
): Promise<BeforeAfterFigures> {
  const { input, campaigns } = await windowInput(
    q,
    municipalityId,
    which,
    s.weeks * 7,
    now,
    'burglaries',
    lists,
  );
  const matches = 3;
  return {
    settings: { weeks: s.weeks, minStreets: s.minStreets, matches },
    campaigns,
    figure: diffInDiffFromWindows(input, {
      matches,
      minStreets: s.minStreets,
      seed: s.seed,
      replicates: EFFECT_DEFAULTS.replicates,
    }),
  };
}

/** Measure 3 with its settings. */
export interface UptakeFigures {
  settings: { days: number; minStreets: number };
  campaigns: number;
  figure: Uptake;
}

/** Measure 3 for the campaigns of a period, or one campaign. */
export async function uptakeFigures(
  q: Queryable,
  municipalityId: number,
  which: Which,
  s: EffectSettings,
  now: Date,
  lists = new WindowLists(q, municipalityId),
): Promise<UptakeFigures> {
  const { input, campaigns } = await windowInput(
    q,
    municipalityId,
    which,
    s.uptakeDays,
    now,
    'applications',
    lists,
  );
  return {
    settings: { days: s.uptakeDays, minStreets: s.minStreets },
    campaigns,
    figure: uptakeFromWindows(input, {
      minStreets: s.minStreets,
      seed: s.seed,
      replicates: EFFECT_DEFAULTS.replicates,
    }),
  };
}
