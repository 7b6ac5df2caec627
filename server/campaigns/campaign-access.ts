/**
 * Who acts on a campaign: a signed-in user or the command line. Whether they may is decided by
 * server/municipalities/municipality-access.ts, as for every other route: an officer sees the
 * campaigns of their own municipalities, an admin and the command line see all.
 */
import type { Queryable } from '../core/db';
import { requestedMunicipality, type Viewer } from '../municipalities/municipality-access';

/** Who acts: a signed-in user or the command line. */
export interface Actor extends Viewer {
  userId: number | null;
  actor: string;
  ip?: string | null;
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
  return (await requestedMunicipality(actor, code, { param: 'municipality', unknown: 'bad-input' }, q)).id;
}
