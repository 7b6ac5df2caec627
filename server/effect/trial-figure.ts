/**
 * The trial's comparison (docs/readme/effect.md, "Trial mode"): the index burglaries of the
 * period that were assigned at random, by their arm, as assigned ("intention to treat": a
 * burglary assigned to 'letter' whose letter was never made still counts as 'letter'), with the
 * same follow-on rate, ratio and interval as measure 1. Because the arm was drawn at random, a
 * difference here cannot come from where or when officers chose to send letters. Pure.
 */
import { followOnRate, type FollowOnRate, type RateOptions } from './follow-on-rate';
import type { IndexCount } from './near-repeat-counts';

export type TrialArm = 'letter' | 'late' | 'none';

export interface TrialFigure {
  /** Burglaries ever assigned, per arm (all periods). */
  assigned: Record<TrialArm, number>;
  /** Of those, how many got a cocoon campaign: 'letter' should be near all, 'none' near zero. */
  lettered: Record<TrialArm, number>;
  /** Index burglaries of the period in the trial: 'letters' = arm 'letter', 'none' = held back (late or none). */
  followOn: FollowOnRate;
}

/** The comparison of the randomised groups; null when nothing was ever assigned. */
export function trialFigure(
  index: readonly IndexCount[],
  assignments: ReadonlyArray<{ incidentId: number; arm: TrialArm; lettered: boolean }>,
  opts: RateOptions,
): TrialFigure | null {
  if (!assignments.length) return null;
  const assigned: Record<TrialArm, number> = { letter: 0, late: 0, none: 0 };
  const lettered: Record<TrialArm, number> = { letter: 0, late: 0, none: 0 };
  const arms = new Map<number, TrialArm>();
  for (const a of assignments) {
    assigned[a.arm]++;
    if (a.lettered) lettered[a.arm]++;
    arms.set(a.incidentId, a.arm);
  }
  const rows = index.flatMap((i) => {
    const arm = arms.get(i.id);
    return arm ? [{ treated: arm === 'letter', followOns: i.followOns }] : [];
  });
  return { assigned, lettered, followOn: followOnRate(rows, opts) };
}
