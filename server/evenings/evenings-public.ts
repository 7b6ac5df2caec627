/**
 * Evenings on the public side, in Dutch and English: the upcoming evenings of a municipality
 * (date, venue name and point, the streets invited; nothing personal: no venue address, no
 * organiser, nothing of an invitation or sign-up) and their iCalendar files.
 */
import { DateTime } from 'luxon';
import { db } from '../core/db';
import { NotFoundError } from '../core/errors';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import { eveningsCalendar, eveningUid, TZID } from './evening-calendar';
import * as repo from './evenings.repo';

const STATUS = {
  nl: { planned: 'gaat door', cancelled: 'gaat niet door', held: 'geweest' },
  en: { planned: 'going ahead', cancelled: 'cancelled', held: 'held' },
} as const;

/** How long a past evening stays in the calendar feed (so a subscriber's calendar keeps it). */
const FEED_PAST_DAYS = 90;

async function municipality(code: string): Promise<{ code: string; name: string }> {
  const m = await municipalityByCode(db(), code);
  if (!m) throw new NotFoundError(`no municipality '${code}'`);
  return { code: m.code, name: m.name };
}

export interface PublicEvening {
  id: number;
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** "dinsdag 12 maart 2030, 19:30–21:30" in the language asked for, Amsterdam time. */
  when: string;
  venue: { name: string; lon: number; lat: number };
  areaStreets: string[];
  status: repo.EveningStatus;
  statusLabel: string;
  ics: string;
}

/** GET /api/public/:code/evenings?lang=nl|en: evenings that have not ended yet. */
export async function upcomingEvenings(
  code: string,
  lang: 'nl' | 'en',
  base: string,
): Promise<{
  municipality: string;
  language: 'nl' | 'en';
  feed: { ics: string; webcal: string };
  evenings: PublicEvening[];
}> {
  const m = await municipality(code);
  const rows = await repo.publicEvenings(db(), m.code, new Date());
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const feed = new URL(`/api/public/${m.code}/evenings.ics`, base);
  return {
    municipality: m.code,
    language: lang,
    feed: { ics: feed.toString(), webcal: feed.toString().replace(/^https?:/, 'webcal:') },
    evenings: rows.map((e) => {
      const start = DateTime.fromJSDate(e.starts_at, { zone: TZID }).setLocale(locale);
      const end = DateTime.fromJSDate(e.ends_at, { zone: TZID });
      return {
        id: e.id,
        uid: eveningUid(m.code, e.id),
        title: e.title,
        startsAt: e.starts_at.toISOString(),
        endsAt: e.ends_at.toISOString(),
        when: `${start.toFormat('cccc d LLLL yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`,
        venue: { name: e.venue_name, lon: e.lon, lat: e.lat },
        areaStreets: e.area_streets,
        status: e.status,
        statusLabel: STATUS[lang][e.status],
        ics: new URL(`/api/public/${m.code}/evenings/${e.id}.ics`, base).toString(),
      };
    }),
  };
}

/** GET /api/public/:code/evenings.ics: the municipality's feed (also past evenings of the last 90 days). */
export async function eveningsFeed(code: string): Promise<string> {
  const m = await municipality(code);
  const since = new Date(Date.now() - FEED_PAST_DAYS * 86_400_000);
  return eveningsCalendar(m, await repo.publicEvenings(db(), m.code, since));
}

/** GET /api/public/:code/evenings/:id.ics */
export async function eveningIcs(code: string, id: number): Promise<string> {
  const m = await municipality(code);
  const e = await repo.publicEvening(db(), m.code, id);
  if (!e) throw new NotFoundError(`no evening ${id} in ${m.code}`);
  return eveningsCalendar(m, [e]);
}
