/**
 * What a campaign is made from: the request body of POST /api/campaigns (and `campaign create`),
 * validated with zod at the boundary, and the template each kind of campaign uses.
 */
import { z } from 'zod';
import { CalendarDate, text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { LANGUAGES, LETTER_TEMPLATES } from '../letters/letter-input';
import { RISK_ZONE_ID } from './risk-zones';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4);
const PolygonGeoJson = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

/** Which addresses get a letter: streets, a polygon, risk zones, or the neighbours (or victim) of a burglary. */
export const Selection = z.union([
  z.object({ streetIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  z.object({ polygon: PolygonGeoJson }).strict(),
  z
    .object({
      riskZoneIds: z
        .array(
          z
            .string()
            .regex(RISK_ZONE_ID, "a risk zone id such as 'cocoon:s12' or 'watch:s12' (GET /api/risk-zones)"),
        )
        .min(1)
        .max(1000),
    })
    .strict(),
  z
    .object({ incidentId: z.number().int().positive(), radiusM: z.number().positive().max(2000).optional() })
    .strict(),
]);

/** The template of each kind of campaign (a campaign may name it, but not another one). */
export const KIND_TEMPLATE = {
  cocoon: 'cocoon-warning',
  evening: 'prevention-evening',
  victim: 'victim-advice',
} as const;

/** The body of POST /api/campaigns and of `campaign create`. */
export const CreateCampaign = z
  .object({
    /** Municipality code (GM0503); may be left out by a user of exactly one municipality. */
    municipality: MunicipalityCode.optional(),
    kind: z.enum(['cocoon', 'evening', 'victim']),
    template: z.enum(LETTER_TEMPLATES).optional(),
    language: z.enum(LANGUAGES).prefault('nl'),
    selection: Selection,
    /** The burglary a cocoon or victim letter is about (taken from the selection when that is an incident). */
    incidentId: z.number().int().positive().optional(),
    evening: z
      .object({ at: z.string().datetime({ offset: true }), location: text().min(1).max(200) })
      .strict()
      .optional(),
    letterDate: CalendarDate.optional(),
  })
  .strict();
export type CreateCampaign = z.input<typeof CreateCampaign>;
