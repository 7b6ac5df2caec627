/**
 * Trial mode (docs/readme/effect.md, "Trial mode"; off unless a municipality's settings give a
 * share): the first time an officer asks for the cocoon letter of a burglary, the burglary is
 * assigned at random to 'letter' (as usual) or, for the configured share, to the municipality's
 * held-back arm: 'late' (the letter may be made from `delayHours` later) or 'none' (no cocoon
 * letter). The assignment is recorded and audited in its own transaction before the campaign is
 * made, so a refused request still counts, and a second request gets the same arm. The campaign
 * itself is made (or refused) as usual; its creation time stays the moment of the letter.
 */
import crypto from 'node:crypto';
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { ConflictError } from '../core/errors';
import type { Actor } from '../campaigns/campaign-access';
import { seesMunicipality } from '../municipalities/municipality-access';
import { MunicipalitySettings } from '../municipalities/municipality-settings';
import * as repo from './trial.repo';

/** A uniform draw in [0, 1) from the system's random source (not a seeded generator: nobody can predict it). */
export function uniformDraw(): number {
  // 48 random bits (randomInt's range must stay below 2^48).
  return crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}

/** The arm a draw gives for a share (pure). */
export function armFor(draw: number, share: number, heldBack: 'late' | 'none'): repo.TrialArm {
  return draw < share ? heldBack : 'letter';
}

/**
 * Before a cocoon campaign for `incidentId` is made: assigns the burglary if trial mode is on
 * and it has no arm yet, then refuses (409) when its arm holds the letter back now. Does nothing
 * when trial mode is off, or for a burglary the actor may not see or that does not exist (the
 * campaign's own checks answer those).
 */
export async function trialGate(incidentId: number, actor: Actor, now = new Date()): Promise<void> {
  const inc = await repo.incidentMunicipality(db(), incidentId);
  if (!inc || !inc.hasGeom || !seesMunicipality(actor, inc.municipalityId)) return;
  const trial = MunicipalitySettings.safeParse(inc.settings ?? {});
  const t = trial.success ? trial.data.trial : undefined;
  let a = await repo.assignment(db(), incidentId);
  if (!a && t && t.share > 0) {
    const draw = uniformDraw();
    const arm = armFor(draw, t.share, t.arm);
    const releaseAt = arm === 'late' ? new Date(now.getTime() + t.delayHours * 3_600_000) : null;
    await withTransaction(async (c) => {
      if (
        await repo.assign(c, {
          incidentId,
          municipalityId: inc.municipalityId,
          arm,
          share: t.share,
          draw,
          releaseAt,
          actor: actor.actor,
        })
      )
        await audit(c, {
          userId: actor.userId,
          actor: actor.actor,
          action: 'trial.assign',
          municipalityId: inc.municipalityId,
          subjectType: 'incident',
          subjectId: incidentId,
          details: { arm, share: t.share },
          ip: actor.ip ?? null,
        });
    }, db());
    a = await repo.assignment(db(), incidentId);
  }
  if (!a) return;
  if (a.arm === 'none')
    throw new ConflictError(
      `incident ${incidentId}: in the effect trial this burglary was assigned at random to "no cocoon letter"; no cocoon letter is made for it (docs/readme/effect.md, "Trial mode")`,
    );
  if (a.arm === 'late' && a.releaseAt && a.releaseAt > now)
    throw new ConflictError(
      `incident ${incidentId}: in the effect trial this burglary was assigned at random to "late letter"; its cocoon letter can be made from ${a.releaseAt.toISOString()}`,
    );
}
