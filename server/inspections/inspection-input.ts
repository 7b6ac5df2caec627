/**
 * What comes in for street inspections (issue 11), validated with zod at the boundary: a new
 * inspection, a change, a route request and findings from a phone.
 */
import { z } from 'zod';
import { text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const Position = z.tuple([Lon, Lat]).rest(z.number());
const Ring = z.array(Position).min(4);
const PolygonGeoJson = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

/** The most streets one walk takes; a bigger area is two inspections. */
export const MAX_STREETS = 80;

/** What an inspection covers: streets, a drawn polygon, risk zones or a near-repeat cluster. */
export const InspectionSelection = z.union([
  z.object({ streetIds: z.array(z.number().int().positive()).min(1).max(MAX_STREETS) }).strict(),
  z.object({ polygon: PolygonGeoJson }).strict(),
  z
    .object({
      riskZoneIds: z
        .array(
          z
            .string()
            .regex(/^(cocoon|watch):[si]\d+$/, "a risk zone id such as 'cocoon:s12' (GET /api/risk-zones)"),
        )
        .min(1)
        .max(100),
    })
    .strict(),
  z
    .object({
      /** The members of a near-repeat cluster (GET /api/clusters): the streets near them are walked. */
      cluster: z
        .object({
          incidentIds: z.array(z.number().int().positive()).min(1).max(1000),
          radiusM: z.number().positive().max(500).prefault(100),
        })
        .strict(),
    })
    .strict(),
]);

const Team = z
  .object({
    userIds: z.array(z.number().int().positive()).max(50).prefault([]),
    /** Volunteers and others without an account, by name. */
    names: z.array(text().trim().min(1).max(200)).max(50).prefault([]),
  })
  .strict();

export const CreateInspection = z
  .object({
    municipality: MunicipalityCode.optional(),
    title: text().trim().min(1).max(200),
    startsAt: z.string().datetime({ offset: true }),
    notes: text().max(5000).prefault(''),
    team: Team.prefault({}),
    selection: InspectionSelection,
  })
  .strict();
export type CreateInspection = z.input<typeof CreateInspection>;

export const UpdateInspection = z
  .object({
    title: text().trim().min(1).max(200).optional(),
    startsAt: z.string().datetime({ offset: true }).optional(),
    notes: text().max(5000).optional(),
    status: z.enum(['planned', 'done', 'cancelled']).optional(),
    team: Team.optional(),
  })
  .strict();

/** Where the walk starts: a map click (lon/lat) or an address such as the community centre. */
export const RouteStart = z.union([
  z.object({ lon: Lon, lat: Lat, label: text().max(200).optional() }).strict(),
  z
    .object({
      street: text().trim().min(1).max(200),
      huisnummer: z.number().int().positive().max(99999),
      huisletter: z
        .string()
        .regex(/^[A-Za-z]$/)
        .optional(),
    })
    .strict(),
]);

export const RouteRequest = z
  .object({
    start: RouteStart,
    /** Walking speed in km/h (default INSPECTION_WALK_KMH). */
    walkKmh: z.number().min(0.5).max(10).optional(),
    /** Minutes spent looking per street (default INSPECTION_MINUTES_PER_STREET). */
    minutesPerStreet: z.number().min(0).max(120).optional(),
  })
  .strict();

export const NewFinding = z
  .object({
    /** Made on the phone (crypto.randomUUID()): a finding sent twice is stored once. */
    id: z.uuid(),
    streetId: z.number().int().positive(),
    item: z.string().regex(/^[a-z0-9_]{1,40}$/),
    note: text().max(2000).prefault(''),
    position: z.object({ lon: Lon, lat: Lat }).strict().optional(),
    recordedAt: z.string().datetime({ offset: true }),
  })
  .strict();

export const FindingsBody = z.object({ findings: z.array(NewFinding).min(1).max(500) }).strict();

export const FollowUpBody = z.object({ followUp: z.enum(['open', 'maintenance', 'fixed']) }).strict();
