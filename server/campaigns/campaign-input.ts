/**
 * What a campaign is made from: the request body of POST /api/campaigns (and `campaign create`),
 * validated with zod at the boundary, and the template each kind of campaign uses.
 */
import { z } from 'zod';
import { CalendarDate, text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { LANGUAGES, LETTER_TEMPLATES } from '../letters/letter-input';
import { byPolygon, byRiskZones, byStreets } from '../geo/area-input';

/** Which addresses get a letter: streets, a polygon, risk zones, or the neighbours (or victim) of a burglary. */
export const Selection = z.union([
  byStreets(10_000),
  byPolygon(),
  byRiskZones(1000),
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
