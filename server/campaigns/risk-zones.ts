/**
 * Selecting addresses by risk zone. The risk zones are computed elsewhere (near-repeat
 * analysis, server/incidents or server/analysis: `addressIdsInRiskZones(q, zoneIds, params)`).
 * Until that lands this answers with a clear 400.
 *
 * INTEGRATOR: replace the body with one line:
 *   return addressIdsInRiskZones(q, zoneIds, params);
 * It must return residential-or-not address ids of the municipality; campaigns keep only the
 * residential ones of that municipality themselves.
 */
import type { Queryable } from '../core/db';
import { BadInputError } from '../core/errors';

export interface RiskZoneParams {
  municipalityId: number;
}

export async function resolveRiskZones(_q: Queryable, zoneIds: number[], _params: RiskZoneParams): Promise<number[]> {
  throw new BadInputError(
    `selection by risk zone (${zoneIds.join(', ')}) is not available yet in this installation; select streetIds, a polygon or an incidentId with radiusM`,
  );
}
