/**
 * What comes in for street inspections (issue 11), validated with zod at the boundary: a new
 * inspection, a change, a route request and findings from a phone.
 */
import { z } from 'zod';
import { text } from '../core/input';
import { byCluster, byPolygon, byRiskZones, byStreets, Lat, Lon } from '../geo/area-input';
import { MunicipalityCode } from '../municipalities/municipality-access';

/** The most streets one walk takes; a bigger area is two inspections. */
export const MAX_STREETS = 80;

/** What an inspection covers: streets, a drawn polygon, risk zones or a near-repeat cluster (the streets near its burglaries). */
export const InspectionSelection = z.union([
  byStreets(MAX_STREETS),
  byPolygon(),
  byRiskZones(100),
  byCluster(500, 100),
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
