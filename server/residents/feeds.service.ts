/**
 * Atom feeds (RFC 4287) per street and per area of the public map: one entry per published month
 * with the same published figures as the map and the alert mails (last month and the last 3
 * months). No personal data at all: street or area names, months, figures, advice.
 */
import { streetMapUrl } from '../letters/letter-format';
import { z } from 'zod';
import { db } from '../core/db';
import { NotFoundError } from '../core/errors';
import { text } from '../core/input';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import { publicCutoff } from '../public/public-figures';
import * as publicFigures from '../public/public.service';
import { esc, lineText, monthName } from './alert-mail';
import { placeFigures, type Place } from './alerts.service';

export const FeedQuery = z.object({ lang: z.enum(['nl', 'en']).default('nl') });
export const StreetId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53);
export const AreaKey = text().min(1).max(100);

export async function streetFeed(
  code: string,
  streetId: number,
  lang: 'nl' | 'en',
  baseUrl: string,
  now = new Date(),
) {
  const s = (
    await publicFigures.streetFigures(code, { period: 1, methods: [], attempt: 'all' }, now)
  ).streets.find((x) => x.id === streetId);
  if (!s) throw new NotFoundError(`no street ${streetId} on the public map of ${code}`);
  const place: Place = {
    targetKind: 'street',
    streetId,
    areaKey: null,
    centerLon: null,
    centerLat: null,
    radiusM: null,
  };
  // The entries link to the street on the public map, as a letter does (its area when merged).
  const mapUrl = streetMapUrl(`${baseUrl}/`, {
    municipalityCode: code,
    street: { id: streetId, name: s.name },
    language: lang,
  });
  return feed(code, place, `${s.name}, ${s.place}`, `street/${streetId}`, lang, baseUrl, now, mapUrl);
}

export async function areaFeed(
  code: string,
  areaKey: string,
  lang: 'nl' | 'en',
  baseUrl: string,
  now = new Date(),
) {
  const a = (
    await publicFigures.areaFigures(code, { period: 1, methods: [], attempt: 'all' }, now)
  ).areas.find((x) => x.key === areaKey);
  if (!a) throw new NotFoundError(`no area '${areaKey}' on the public map of ${code}`);
  const place: Place = {
    targetKind: 'area',
    streetId: null,
    areaKey,
    centerLon: null,
    centerLat: null,
    radiusM: null,
  };
  const mapUrl = `${baseUrl}/?${new URLSearchParams({ gemeente: code, lang })}`;
  return feed(code, place, a.name, `area/${encodeURIComponent(areaKey)}`, lang, baseUrl, now, mapUrl);
}

async function feed(
  code: string,
  place: Place,
  label: string,
  path: string,
  lang: 'nl' | 'en',
  baseUrl: string,
  now: Date,
  mapUrl: string,
): Promise<string> {
  const m = await municipalityByCode(db(), code);
  if (!m) throw new NotFoundError(`no public map for municipality '${code}'`);
  const one = await placeFigures(code, m.id, place, 1, now);
  const three = await placeFigures(code, m.id, place, 3, now);
  const updated = publicCutoff(now).toISOString();
  const nl = lang === 'nl';
  const month = monthName(one.month, lang);
  const self = `${baseUrl}/api/public/${code}/${path}/feed.atom${nl ? '' : '?lang=en'}`;
  const idBase = `${baseUrl}/api/public/${code}/${path}`;
  const title = nl ? `Inbraken in ${label}` : `Burglaries in ${label}`;
  const body = [
    `<p>${esc(nl ? `In ${month}:` : `In ${month}:`)}</p>`,
    `<ul>${one.lines.map((l) => `<li>${esc(lineText(l, lang))}</li>`).join('')}</ul>`,
    `<p>${esc(nl ? 'De laatste 3 maanden:' : 'The last 3 months:')}</p>`,
    `<ul>${three.lines.map((l) => `<li>${esc(lineText(l, lang))}</li>`).join('')}</ul>`,
    `<p>${esc(nl ? 'Cijfers per kalendermaand, per straat en nooit per huis.' : 'Figures per calendar month, per street and never per house.')}</p>`,
  ].join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${esc(idBase)}</id>
  <title>${esc(title)}</title>
  <subtitle>${esc(nl ? `Gepubliceerde inbraakcijfers van de gemeente ${m.name}` : `Published burglary figures of the municipality of ${m.name}`)}</subtitle>
  <updated>${updated}</updated>
  <author><name>${esc(`${nl ? 'Gemeente' : 'Municipality of'} ${m.name}`)}</name></author>
  <link rel="self" type="application/atom+xml" href="${esc(self)}"/>
  <link rel="alternate" type="text/html" href="${esc(mapUrl)}"/>
  <entry>
    <id>${esc(`${idBase}/${one.month}`)}</id>
    <title>${esc(`${title}: ${month}`)}</title>
    <updated>${updated}</updated>
    <link rel="alternate" type="text/html" href="${esc(mapUrl)}"/>
    <content type="html">${esc(body)}</content>
  </entry>
</feed>
`;
}
