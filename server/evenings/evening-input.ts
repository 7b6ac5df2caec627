/**
 * What comes in for prevention evenings (issue 12), validated with zod at the boundary: a new
 * evening, a change, and what a resident sends with their sign-up code.
 */
import { z } from 'zod';
import { text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { byCluster, byPolygon, byRiskZones, byStreets, Lat, Lon } from '../geo/area-input';

/** Who is invited: the residential addresses of streets, a polygon, risk zones or around a cluster. */
export const EveningArea = z.union([byStreets(1000), byPolygon(), byRiskZones(100), byCluster(1000, 200)]);
export type EveningArea = z.infer<typeof EveningArea>;

const Venue = z
  .object({
    name: text().trim().min(1).max(200),
    address: text().trim().min(1).max(300),
    lon: Lon,
    lat: Lat,
  })
  .strict();

const Organiser = z
  .object({
    name: text().trim().min(1).max(200),
    email: z.email().max(200).optional(),
    phone: text().trim().max(40).optional(),
  })
  .strict();

const DateTime = z.string().datetime({ offset: true });

export const CreateEvening = z
  .object({
    municipality: MunicipalityCode.optional(),
    title: text().trim().min(1).max(200),
    startsAt: DateTime,
    endsAt: DateTime,
    venue: Venue,
    capacity: z.number().int().min(1).max(10000),
    speakers: z.array(text().trim().min(1).max(200)).max(20).prefault([]),
    language: z.enum(['nl', 'en']).prefault('nl'),
    organiser: Organiser,
    area: EveningArea,
  })
  .strict();
export type CreateEvening = z.input<typeof CreateEvening>;

export const UpdateEvening = z
  .object({
    title: text().trim().min(1).max(200).optional(),
    startsAt: DateTime.optional(),
    endsAt: DateTime.optional(),
    venue: Venue.optional(),
    capacity: z.number().int().min(1).max(10000).optional(),
    speakers: z.array(text().trim().min(1).max(200)).max(20).optional(),
    language: z.enum(['nl', 'en']).optional(),
    organiser: Organiser.optional(),
    area: EveningArea.optional(),
    /** 'held' after the evening began (then nothing changes any more); cancel with POST .../cancel. */
    status: z.literal('held').optional(),
  })
  .strict();

/** A sign-up code as typed: case, spaces and dashes do not matter; I/L read as 1, O as 0. */
export const SignupCode = text()
  .max(40)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(
    z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, 'a sign-up code has 8 letters and digits, as in your letter'),
  );

export const CodeBody = z.object({ code: SignupCode }).strict();

export const SignupBody = z
  .object({
    code: SignupCode,
    people: z.number().int().min(1).max(10),
    name: text().trim().min(1).max(200).optional(),
    email: z.email().max(200).optional(),
    /** Required when a name or e-mail address is given: stored only with consent, deleted after the evening. */
    consent: z.boolean().prefault(false),
  })
  .strict();

export const AttendanceBody = z.object({ code: SignupCode, attended: z.boolean().prefault(true) }).strict();

export const PublicLang = z.object({ lang: z.enum(['nl', 'en']).catch('nl') });
