/**
 * A private calendar feed per user (issue 12, calendar part): a secret URL (iCalendar, made with
 * ical-generator like the evenings feed) listing the street inspections the user is a team member
 * of, for the user's own calendar app. The secret (32 random bytes) is shown once; only its
 * SHA-256 is stored. Making a new one revokes the old one; a revoked secret (or one of a disabled
 * user) answers 410 Gone, an unknown one 404. Creating and revoking are audited.
 *
 * What leaves with the feed is what a team member's calendar needs: title, start, an end from the
 * route's walking time, the start point's label, the streets in walking order and the size of the
 * team. No notes, no names, no findings: the secret travels to a calendar provider.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { randomToken, tokenHash } from '../auth/passwords';
import { db, withTransaction } from '../core/db';
import { AppError, NotFoundError } from '../core/errors';
import { AMSTERDAM_VTIMEZONE, TZID, uidHost } from '../evenings/evening-calendar';
import * as repo from './calendar-feeds.repo';

/** Past inspections stay in the feed this long (a calendar keeps them). */
const PAST_DAYS = 90;
/** An inspection without a computed route lasts this long in the calendar. */
const DEFAULT_MINUTES = 120;
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** The query of the feed URL: the secret (43 characters of base64url). */
export const CalendarFeedQuery = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'token: the secret of the feed URL, as made under "Mijn account"'),
});

export interface Who {
  user: { id: number; email: string };
  ip: string | null;
}

export interface FeedState {
  feed: { createdAt: string; lastUsedAt: string | null } | null;
}

/** GET /api/account/calendar-feed: whether the user has a live feed (its URL is not shown again). */
export async function feedState(w: Who): Promise<FeedState> {
  const f = await repo.live(w.user.id);
  return {
    feed: f
      ? { createdAt: f.created_at.toISOString(), lastUsedAt: f.last_used_at?.toISOString() ?? null }
      : null,
  };
}

/** POST /api/account/calendar-feed: a new secret URL; the old one stops working. */
export async function createFeed(
  w: Who,
  baseUrl: string,
): Promise<{ url: string; webcal: string; createdAt: string }> {
  const token = randomToken(32);
  const created = await withTransaction(async (q) => {
    const revoked = await repo.revoke(q, w.user.id);
    const f = await repo.insert(q, w.user.id, tokenHash(token));
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'calendar-feed.create',
      subjectType: 'calendar_feed',
      subjectId: f.id,
      details: { revoked },
      ip: w.ip,
    });
    return f;
  });
  const url = new URL('/api/calendar/inspections.ics', baseUrl);
  url.searchParams.set('token', token);
  return {
    url: url.toString(),
    webcal: url.toString().replace(/^https?:/, 'webcal:'),
    createdAt: created.created_at.toISOString(),
  };
}

/** DELETE /api/account/calendar-feed: the URL answers 410 from now on. 404 when there is none. */
export async function revokeFeed(w: Who): Promise<void> {
  await withTransaction(async (q) => {
    const revoked = await repo.revoke(q, w.user.id);
    if (!revoked.length) throw new NotFoundError('you have no calendar feed to revoke');
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'calendar-feed.revoke',
      subjectType: 'calendar_feed',
      subjectId: revoked[0]!,
      ip: w.ip,
    });
  });
}

/** GET /api/calendar/inspections.ics?token=…: the calendar of the feed's user. */
export async function inspectionsCalendar(token: string, now = new Date()): Promise<string> {
  const f = await repo.byToken(tokenHash(token), db());
  if (!f) throw new NotFoundError('no calendar feed with this address');
  if (!f.live)
    throw new AppError(
      'this calendar feed was revoked; make a new one under "Mijn account"',
      410,
      'feed_revoked',
    );
  const rows = await repo.memberInspections(f.user_id, new Date(now.getTime() - PAST_DAYS * 86_400_000));
  const cal = ical({
    name: 'Schouwen (Preventiekaart)',
    prodId: { company: 'Preventiekaart', product: 'inspections', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => (tz === TZID ? AMSTERDAM_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  for (const i of rows) {
    const start = DateTime.fromJSDate(i.starts_at, { zone: TZID });
    cal.createEvent({
      id: `inspection-${i.municipality_code.toLowerCase()}-${i.id}@${uidHost()}`,
      // Inspections keep no change counter: seconds since 2020 of the last change only grow
      // (and fit the 31 bits calendar apps expect).
      sequence: Math.max(0, Math.floor((i.updated_at.getTime() - SEQUENCE_EPOCH) / 1000)),
      stamp: i.updated_at,
      lastModified: i.updated_at,
      start,
      end: start.plus({ minutes: Math.max(30, Math.round(i.route_minutes ?? DEFAULT_MINUTES)) }),
      timezone: TZID,
      summary: `Schouw: ${i.title}`,
      description: [
        `${i.municipality_name}`,
        i.streets.length ? `Straten (looproute): ${i.streets.join(', ')}` : '',
        `Team: ${i.team}`,
      ]
        .filter(Boolean)
        .join('\n'),
      ...(i.route_start_label ? { location: i.route_start_label } : {}),
      status: i.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
