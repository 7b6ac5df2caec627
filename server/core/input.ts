/**
 * zod building blocks for what comes in over HTTP: checked at the boundary, so a bad value is a
 * 400 naming the parameter instead of an error from PostgreSQL or a silently different value.
 */
import { z } from 'zod';

const NUL = '\u0000';

/**
 * A string without NUL bytes. PostgreSQL cannot store U+0000 in text (error 22021), and nothing a
 * person types contains one; refusing it here names the parameter.
 */
export function text() {
  return z.string().refine((s) => !s.includes(NUL), 'contains a NUL byte (\\u0000); remove it');
}

/** Municipality codes: MunicipalityCode in server/municipalities/municipality-access.ts. */

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not; Date would read it as 2 March). */
export const CalendarDate = z.iso.date({ message: 'a real date YYYY-MM-DD, e.g. 2026-02-28' });

/** Date and date-time query parameters: QueryDate in server/core/dates.ts, the one strict date reader. */
