/**
 * The ways an officer names an area, validated with zod at the boundary, shared by letters
 * (campaigns), inspections and evenings: streets by id, a polygon drawn on the map (GeoJSON in
 * WGS84), risk zones by id, or a near-repeat cluster by its burglaries. Each feature sets its own
 * limits (how many streets, how wide a cluster) and composes the union it accepts.
 */
import { z } from 'zod';
import { RISK_ZONE_ID } from '../campaigns/risk-zones';

export const Lon = z.number().min(-180).max(180);
export const Lat = z.number().min(-90).max(90);
const Position = z.tuple([Lon, Lat]).rest(z.number());
const Ring = z.array(Position).min(4);

/** A GeoJSON Polygon or MultiPolygon in WGS84 (terra-draw's polygons are Polygons). */
export const PolygonGeoJson = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

/** `{ streetIds }`: at most `max` streets. */
export const byStreets = (max: number) =>
  z.object({ streetIds: z.array(z.number().int().positive()).min(1).max(max) }).strict();

/** `{ polygon }`: a drawn area. */
export const byPolygon = () => z.object({ polygon: PolygonGeoJson }).strict();

/** `{ riskZoneIds }`: at most `max` zones, by the ids of GET /api/risk-zones. */
export const byRiskZones = (max: number) =>
  z
    .object({
      riskZoneIds: z
        .array(
          z
            .string()
            .regex(RISK_ZONE_ID, "a risk zone id such as 'cocoon:s12' or 'watch:s12' (GET /api/risk-zones)"),
        )
        .min(1)
        .max(max),
    })
    .strict();

/** `{ cluster: { incidentIds, radiusM } }`: the members of a near-repeat cluster (GET /api/clusters). */
export const byCluster = (maxRadiusM: number, defaultRadiusM: number) =>
  z
    .object({
      cluster: z
        .object({
          incidentIds: z.array(z.number().int().positive()).min(1).max(1000),
          radiusM: z.number().positive().max(maxRadiusM).prefault(defaultRadiusM),
        })
        .strict(),
    })
    .strict();
