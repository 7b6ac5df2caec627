/**
 * Residents' e-mail alerts: subscribe (double opt-in), confirm, unsubscribe, and the scan that
 * makes the mails when a month is published. Every figure in a mail comes from the published
 * public figures (server/public/public.service.ts: "last month" at the cut-off), never from the
 * live incidents: a mail says no more than the public map says, and whether a mail is sent at all
 * depends only on those published figures.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { config } from '../core/config';
import { db, withTransaction } from '../core/db';
import { BadInputError, NotFoundError } from '../core/errors';
import { text } from '../core/input';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import * as publicFigures from '../public/public.service';
import type { PublicCount, PublicFilter } from '../public/public.types';
import { enqueueMails } from './alert-queue';
import * as repo from './alerts.repo';

/** The consent wording a subscriber agrees to, by version (recorded with the subscription). */
export const CONSENT_VERSION = 'alerts-2026-12';
export const CIRCLE_MIN_M = 250;
export const CIRCLE_MAX_M = 2000;
/** At most this many streets are listed for a circle. */
const CIRCLE_MAX_STREETS = 30;

export const SubscribeBody = z
  .object({
    email: text()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: 'an e-mail address, e.g. naam@example.nl' })),
    lang: z.enum(['nl', 'en']).default('nl'),
    frequency: z.enum(['published', 'weekly']).default('published'),
    streetId: z.coerce.number().int().positive().optional(),
    areaKey: text().min(1).max(100).optional(),
    circle: z
      .object({
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        radiusM: z.number().int().min(CIRCLE_MIN_M).max(CIRCLE_MAX_M),
      })
      .optional(),
    consent: z.literal(true, {
      message: 'consent: must be true (the resident agrees to receive these mails)',
    }),
  })
  .refine((b) => [b.streetId, b.areaKey, b.circle].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of streetId, areaKey or circle',
  });
export type SubscribeBody = z.infer<typeof SubscribeBody>;

export const Token = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'token: the code from the link in the mail');

function token(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function all(period: 1 | 3 = 1): PublicFilter {
  return { period, methods: [], attempt: 'all' };
}

/** Where links in mails point: PUBLIC_URL, else the origin the request came to (development). */
export function baseUrlFor(requestOrigin?: string): string {
  const cfg = config();
  return (cfg.PUBLIC_URL ?? requestOrigin ?? `http://${cfg.HOST}:${cfg.PORT}`).replace(/\/+$/, '');
}

/**
 * Records an unconfirmed subscription and queues its confirmation mail. Answers the same
 * whether or not the address is known (no one learns who subscribed).
 */
export async function subscribe(
  code: string,
  body: SubscribeBody,
  baseUrl: string,
  now = new Date(),
): Promise<{ status: 'check-your-mail'; expiresInHours: number }> {
  const m = await municipalityByCode(db(), code);
  if (!m) throw new NotFoundError(`no public map for municipality '${code}'`);
  const target = await resolveTarget(code, m.id, body, now);
  const hours = config().ALERT_CONFIRM_HOURS;
  const mailId = await withTransaction(async (q) => {
    const id = await repo.insertSubscription(
      {
        municipalityId: m.id,
        email: body.email,
        lang: body.lang,
        frequency: body.frequency,
        ...target,
        confirmToken: token(),
        confirmExpiresAt: new Date(now.getTime() + hours * 3600_000),
        unsubscribeToken: token(),
        consentVersion: CONSENT_VERSION,
      },
      q,
    );
    return repo.insertMail(
      id,
      'confirm',
      'confirm',
      { municipality: m.name, frequency: body.frequency, hours, baseUrl },
      q,
    );
  });
  if (mailId !== null) await enqueueMails([mailId]);
  return { status: 'check-your-mail', expiresInHours: hours };
}

async function resolveTarget(
  code: string,
  municipalityId: number,
  b: SubscribeBody,
  now: Date,
): Promise<
  Pick<
    repo.NewSubscription,
    'targetKind' | 'streetId' | 'areaKey' | 'centerLon' | 'centerLat' | 'radiusM' | 'targetLabel'
  >
> {
  const none = { streetId: null, areaKey: null, centerLon: null, centerLat: null, radiusM: null };
  if (b.streetId !== undefined) {
    const s = (await publicFigures.streetFigures(code, all(), now)).streets.find((x) => x.id === b.streetId);
    if (!s) throw new BadInputError(`streetId: no street ${b.streetId} on the public map of ${code}`);
    return { ...none, targetKind: 'street', streetId: s.id, targetLabel: `${s.name}, ${s.place}` };
  }
  if (b.areaKey !== undefined) {
    const a = (await publicFigures.areaFigures(code, all(), now)).areas.find((x) => x.key === b.areaKey);
    if (!a) throw new BadInputError(`areaKey: no area '${b.areaKey}' on the public map of ${code}`);
    return { ...none, targetKind: 'area', areaKey: a.key, targetLabel: a.name };
  }
  const c = b.circle!;
  // The centre is rounded to about 100 m: the resident's own house is not stored.
  const lon = Math.round(c.lon * 1000) / 1000;
  const lat = Math.round(c.lat * 1000) / 1000;
  const streets = await repo.streetsInCircle(municipalityId, lon, lat, c.radiusM);
  if (streets.length === 0)
    throw new BadInputError(`circle: no street of ${code} lies within ${c.radiusM} m of that point`);
  return {
    ...none,
    targetKind: 'circle',
    centerLon: lon,
    centerLat: lat,
    radiusM: c.radiusM,
    targetLabel: `${c.radiusM} m ${lat.toFixed(3)}, ${lon.toFixed(3)}`,
  };
}

/** What the confirmation page shows before the resident presses the button. */
export async function confirmation(t: string, now = new Date()) {
  return repo.pendingByConfirmToken(t, now);
}

/** Confirms (double opt-in). Only months published after this one are mailed about. */
export async function confirm(t: string, now = new Date()): Promise<boolean> {
  return repo.confirm(t, now, publicFigures.latestPublicMonth(now));
}

export async function unsubscribeInfo(t: string) {
  return repo.byUnsubscribeToken(t);
}

/** Unsubscribes: the subscription and its mails are deleted at once. */
export async function unsubscribe(t: string): Promise<boolean> {
  return repo.deleteByUnsubscribeToken(t);
}

/** One line of a mail: a street (or its area when merged), or an area, with its published figure. */
export interface MailLine extends PublicCount {
  name: string;
  /** For a street counted in its area: the area's name (the figure is the area's). */
  area?: string;
}

export interface AlertContent {
  municipality: string;
  month: string;
  lines: MailLine[];
  /** For a weekly digest: the same place over the last 3 months. */
  quarter?: MailLine[];
  methods: string[];
  baseUrl: string;
  website: string;
  phone: string;
}

function hasNews(lines: MailLine[]): boolean {
  return lines.some((l) => l.few || (l.count ?? 0) > 0);
}

/** A place residents follow: a street, an area of the public map, or a circle. */
export type Place = Pick<
  repo.DueSubscription,
  'targetKind' | 'streetId' | 'areaKey' | 'centerLon' | 'centerLat' | 'radiusM'
>;

/**
 * The published figures of a place for the last `period` complete months at `now`: one line per
 * street (a merged street shows its area's figure) or for the area; and the methods shown.
 */
export async function placeFigures(
  code: string,
  municipalityId: number,
  place: Place,
  period: 1 | 3 | 12,
  now: Date,
): Promise<{ lines: MailLine[]; methods: string[]; month: string; months: [string, string] }> {
  const f: PublicFilter = { period, methods: [], attempt: 'all' };
  const [streets, areas] = await Promise.all([
    publicFigures.streetFigures(code, f, now),
    publicFigures.areaFigures(code, f, now),
  ]);
  const areaByKey = new Map(areas.areas.map((a) => [a.key, a]));
  const methods = new Set<string>();
  const lines: MailLine[] = [];
  if (place.targetKind === 'area') {
    const a = areaByKey.get(place.areaKey!);
    if (a && !a.hidden) {
      lines.push({ name: a.name, count: a.count, few: a.few });
      a.methods.forEach((x) => methods.add(x));
    }
  } else {
    const ids =
      place.targetKind === 'street'
        ? [place.streetId!]
        : (
            await repo.streetsInCircle(municipalityId, place.centerLon!, place.centerLat!, place.radiusM!)
          ).slice(0, CIRCLE_MAX_STREETS);
    const byId = new Map(streets.streets.map((s) => [s.id, s]));
    for (const id of ids) {
      const s = byId.get(id);
      if (!s) continue;
      if (s.merged) {
        const a = areaByKey.get(s.areaKey);
        if (!a || a.hidden) continue;
        lines.push({ name: s.name, area: a.name, count: a.count, few: a.few });
        a.methods.forEach((x) => methods.add(x));
      } else {
        lines.push({ name: s.name, count: s.count, few: s.few });
        s.methods.forEach((x) => methods.add(x));
      }
    }
  }
  return { lines, methods: [...methods], month: streets.months[1], months: streets.months };
}

/**
 * Looks at the latest published month of every municipality with subscribers (publishing it
 * if this is the first request after the cut-off) and makes one mail per subscription that has
 * not had that month yet: for "published" subscriptions when their place had burglaries, for
 * weekly ones (`weekly: true`, the weekly run) a digest of the month and the last 3 months.
 * Also deletes subscriptions left unconfirmed. Returns the ids of the mails made (queued).
 */
export async function scan(
  opts: { now?: Date; weekly?: boolean; baseUrl?: string } = {},
): Promise<{ mails: number[]; deletedUnconfirmed: number }> {
  const now = opts.now ?? new Date();
  const baseUrl = opts.baseUrl ?? baseUrlFor();
  const deletedUnconfirmed = await repo.deleteUnconfirmed(
    new Date(now.getTime() - config().ALERT_CONFIRM_HOURS * 3600_000),
  );
  const made: number[] = [];
  const infos = await publicFigures.listMunicipalities();
  for (const m of await repo.municipalitiesWithSubscriptions()) {
    const info = infos.find((x) => x.code === m.code);
    if (!info) continue;
    const month = publicFigures.latestPublicMonth(now);
    const frequencies: repo.Frequency[] = opts.weekly ? ['published', 'weekly'] : ['published'];
    for (const frequency of frequencies) {
      for (const sub of await repo.dueSubscriptions(m.id, frequency, month)) {
        const one = await placeFigures(m.code, m.id, sub, 1, now);
        const content: AlertContent = {
          municipality: info.name,
          month: one.month,
          lines: one.lines,
          methods: one.methods,
          baseUrl,
          website: info.website,
          phone: info.phone,
        };
        if (frequency === 'weekly') content.quarter = (await placeFigures(m.code, m.id, sub, 3, now)).lines;
        const send =
          frequency === 'weekly' ? hasNews([...one.lines, ...(content.quarter ?? [])]) : hasNews(one.lines);
        const id = await withTransaction(async (q) => {
          const mailId = send
            ? await repo.insertMail(
                sub.id,
                frequency === 'weekly' ? 'digest' : 'alert',
                one.month,
                content,
                q,
              )
            : null;
          await repo.setLastMonth(sub.id, one.month, q);
          return mailId;
        });
        if (id !== null) made.push(id);
      }
    }
  }
  await enqueueMails(made);
  return { mails: made, deletedUnconfirmed };
}

/** Queues every mail Postgres says is still pending (after Redis lost its jobs). */
export async function requeuePending(): Promise<number> {
  const ids = await repo.pendingMails();
  await enqueueMails(ids);
  return ids.length;
}
