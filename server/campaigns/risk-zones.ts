/**
 * Selecting addresses by risk zone: the near-repeat analysis (server/analysis) computes the
 * zones around recent burglaries with stable ids ('cocoon:s12' = the 200 m / 14 day cocoon
 * merged for street 12, 'watch:s12' = the 400 m / 60 day watch zone) from the configured
 * defaults, as of now. Campaigns keep only the municipality's residential addresses themselves.
 */
import { addressIdsInRiskZones, defaultRiskZoneParams } from '../analysis/analysis.service';
import type { Queryable } from '../core/db';

export interface RiskZoneParams {
  municipalityId: number;
  /** The moment the zones look forward from (default now). */
  at?: Date;
}

export const RISK_ZONE_ID = /^(cocoon|watch):[si]\d+$/;

export async function resolveRiskZones(
  q: Queryable,
  zoneIds: string[],
  params: RiskZoneParams,
): Promise<number[]> {
  return addressIdsInRiskZones(q, zoneIds, defaultRiskZoneParams(params.municipalityId, params.at));
}
