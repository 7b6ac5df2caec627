/**
 * Who acts on a campaign, and whether they may: an officer sees the campaigns of their own
 * municipalities, an admin and the command line see all. The rule is the one of
 * `assertMunicipality` in server/auth/auth.service.ts, applied to an Actor (which may be the CLI,
 * not a signed-in user); issue 16 item 3 gives both one home in server/municipalities/.
 */
import { seesMunicipality } from '../auth/auth.service';
import type { Queryable } from '../core/db';
import { BadInputError, ForbiddenError } from '../core/errors';
import { municipalityByCode } from '../municipalities/municipalities.repo';

/** Who acts: a signed-in user or the command line. */
export interface Actor {
  userId: number | null;
  actor: string;
  municipalities: number[] | 'all';
  ip?: string | null;
}

/** Throws ForbiddenError (403) unless the actor may see this municipality. */
export function assertAccess(actor: Actor, municipalityId: number): void {
  if (!seesMunicipality(actor, municipalityId))
    throw new ForbiddenError('you have no access to this municipality');
}

/**
 * The municipality a new campaign is for: the one with `code` (400 if unknown, 403 if not the
 * actor's), or the actor's only municipality when no code is given (400 otherwise).
 */
export async function campaignMunicipality(
  q: Queryable,
  actor: Actor,
  code: string | undefined,
): Promise<number> {
  if (code) {
    const m = await municipalityByCode(q, code);
    if (!m) throw new BadInputError(`municipality: no municipality with code '${code}'`);
    assertAccess(actor, m.id);
    return m.id;
  }
  if (actor.municipalities !== 'all' && actor.municipalities.length === 1) return actor.municipalities[0]!;
  throw new BadInputError('municipality: give the municipality code (e.g. "GM0503")');
}
