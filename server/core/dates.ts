/**
 * The one strict reader of dates the application takes in: police files (police.uk months,
 * Dutch exports, GeoJSON) and query parameters. Every part is checked before a Date is made
 * (month 1-12, the day within its month, 0-23 h, an offset of at most 14 h), so nothing rolls
 * over: JavaScript's `new Date('2021-02-30T10:00Z')` is 2 March and `Date.UTC(2021, 12, 1)`
 * January 2022; here both are refused.
 *
 * Hand-written rather than a date library: the formats are few and fixed, the checks are the
 * point, and a 100,000-row import calls this 200,000 times (the offset of Europe/Amsterdam is
 * memoised per hour; see bench/incidents.bench.ts).
 */

import { z } from 'zod';

/** Years outside this range are typing errors, not burglaries. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC when the text gives an offset (Z = 0); undefined for local time. */
  offset?: number;
}

// 2024-03-05, 2024-3-5, 2024-03-05 14:30, 2024-03-05T14:30:00, 2024-03-05T14:30:00.123Z, ...+01:00, +0100, +01
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// 05-03-2024, 5/3/2024, 05.03.2024, each with an optional 14:30 or 14:30:00
const DUTCH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function offsetMinutes(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  if (/^z$/i.test(raw)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return null;
  const h = Number(m[2]),
    mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

/** The checked parts of a date or date-time, or undefined when it is not a real one. */
function parseParts(raw: string, dutch: boolean): Parts | undefined {
  const s = raw.trim();
  let p: Parts;
  let m = ISO.exec(s);
  if (m) {
    const offset = offsetMinutes(m[8]);
    if (offset === null) return undefined;
    p = {
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
      offset,
    };
  } else {
    m = dutch ? DUTCH.exec(s) : null;
    if (!m) return undefined;
    p = {
      y: Number(m[3]),
      mo: Number(m[2]),
      d: Number(m[1]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: 0,
    };
  }
  if (p.y < MIN_YEAR || p.y > MAX_YEAR || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysInMonth(p.y, p.mo))
    return undefined;
  if (p.h > 23 || p.mi > 59 || p.s > 59) return undefined;
  return p;
}

// One formatter for the process (creating one costs ~0.1 ms) and the offsets memoised per
// hour: they only change on whole hours.
let amsterdam: Intl.DateTimeFormat | undefined;
const offsetByHour = new Map<number, number>();

/** Offset of Europe/Amsterdam from UTC at a moment, in minutes (DST aware). */
export function amsterdamOffsetMinutes(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  amsterdam ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = amsterdam.formatToParts(new Date(hour * 3_600_000));
  const get = (t: string): number => Number(parts.find((x) => x.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((local - hour * 3_600_000) / 60000);
  if (offsetByHour.size > 100_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/**
 * A Dutch police date or date-time: `2024-03-05`, `2024-03-05 14:30`, `2024-03-05T14:30:00`,
 * `05-03-2024`, `5/3/2024 14:30` as Amsterdam local time; with `Z` or an offset
 * (`2024-03-05T14:30Z`, `...+01:00`) as that moment. Undefined when it is not a real date.
 */
export function parseDutchDate(raw: string): Date | undefined {
  const p = parseParts(raw, true);
  if (!p) return undefined;
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms);
  if (p.offset !== undefined) return new Date(asUtc - p.offset * 60000);
  return new Date(asUtc - amsterdamOffsetMinutes(asUtc) * 60000);
}

/**
 * An ISO 8601 date or date-time as an API takes it (`2024-03-05`, `2024-03-05T14:30:00.000Z`,
 * `...+01:00`); without an offset it is UTC, as JavaScript reads a bare date. Undefined when
 * it is not a real date.
 */
export function parseIsoDate(raw: string): Date | undefined {
  const p = parseParts(raw, false);
  if (!p) return undefined;
  return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms) - (p.offset ?? 0) * 60000);
}

/** A month `YYYY-MM` (police.uk) as its UTC range, first second to last; undefined for `2021-13` or `2021-00`. */
export function parseMonth(raw: string): { from: Date; to: Date } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const y = Number(m[1]),
    mo = Number(m[2]);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12) return undefined;
  return { from: new Date(Date.UTC(y, mo - 1, 1)), to: new Date(Date.UTC(y, mo, 1) - 1000) };
}

/** "2026-12-01 23:20 UTC": how a moment is named in messages. */
export function formatMoment(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A date in a query parameter (`from=2024-03-05`, `to=2024-03-05T14:30:00.000Z`), read by
 * parseIsoDate. A wrong one is refused saying what was expected: z.coerce.date() turned
 * `2021-13-45` into an Invalid Date and answered "expected date, received Date".
 */
export const QueryDate = z.string().transform((raw, ctx) => {
  const d = parseIsoDate(raw);
  if (!d) {
    ctx.addIssue({
      code: 'custom',
      message: `'${raw.slice(0, 40)}' is not a date; expected a date like 2024-03-05 or 2024-03-05T14:30:00Z`,
    });
    return z.NEVER;
  }
  return d;
});
