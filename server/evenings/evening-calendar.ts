/**
 * Evenings as iCalendar (RFC 5545), made with ical-generator: one event per evening, alone or in
 * the municipality's feed (subscribable as a webcal: URL). Stable UID per evening, DTSTAMP the
 * last change, SEQUENCE raised on every change (evenings.sequence), STATUS:CANCELLED when
 * cancelled, LOCATION and GEO from the venue (its name and point: the public side names no
 * address), times in TZID=Europe/Amsterdam with its VTIMEZONE.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { config } from '../core/config';
import type { PublicEveningRow } from './evenings.repo';

export const TZID = 'Europe/Amsterdam';

/**
 * The VTIMEZONE of Europe/Amsterdam: CET/CEST with the EU rules in force since 1996 (summer time
 * from the last Sunday of March 02:00 to the last Sunday of October 03:00). Written out here
 * because no VTIMEZONE library is a dependency; these two rules are the whole zone for every
 * date an evening can have.
 */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The host part of every UID: this deployment's public host, so UIDs are unique worldwide and stable. */
/** The host in calendar UIDs: that of PUBLIC_URL (stable across restarts). */
export function uidHost(): string {
  const cfg = config();
  try {
    return cfg.PUBLIC_URL ? new URL(cfg.PUBLIC_URL).hostname : 'preventiekaart.local';
  } catch {
    return 'preventiekaart.local';
  }
}

export function eveningUid(municipalityCode: string, id: number): string {
  return `evening-${municipalityCode.toLowerCase()}-${id}@${uidHost()}`;
}

const WORDS = {
  nl: {
    speakers: 'Sprekers',
    area: 'Voor bewoners van',
    signup: 'Aanmelden met de code uit uw uitnodiging.',
  },
  en: { speakers: 'Speakers', area: 'For residents of', signup: 'Sign up with the code in your invitation.' },
} as const;

function description(e: PublicEveningRow): string {
  const w = WORDS[e.language];
  return [
    e.speakers.length ? `${w.speakers}: ${e.speakers.join(', ')}` : '',
    e.area_streets.length ? `${w.area}: ${e.area_streets.join(', ')}` : '',
    e.status === 'planned' ? w.signup : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A calendar of the given evenings (one for a single .ics, all of a municipality for the feed). */
export function eveningsCalendar(
  municipality: { code: string; name: string },
  evenings: PublicEveningRow[],
  pageUrl?: string,
): string {
  const cal = ical({
    name: `Preventieavonden ${municipality.name}`,
    prodId: { company: 'Preventiekaart', product: 'evenings', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP and LAST-MODIFIED must stay UTC); each event's TZID gets its
    // VTIMEZONE from the generator.
    timezone: { name: null, generator: (tz) => (tz === TZID ? AMSTERDAM_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  for (const e of evenings) {
    cal.createEvent({
      id: eveningUid(municipality.code, e.id),
      sequence: e.sequence,
      stamp: e.updated_at,
      lastModified: e.updated_at,
      // Luxon DateTimes in Amsterdam time: ical-generator writes them as TZID=Europe/Amsterdam local times.
      start: DateTime.fromJSDate(e.starts_at, { zone: TZID }),
      end: DateTime.fromJSDate(e.ends_at, { zone: TZID }),
      timezone: TZID,
      summary: e.title,
      description: description(e),
      location: { title: e.venue_name, geo: { lat: e.lat, lon: e.lon } },
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(pageUrl ? { url: pageUrl } : {}),
    });
  }
  return cal.toString();
}
