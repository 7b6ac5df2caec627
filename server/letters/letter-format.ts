/** Formatting helpers for letters: dates and times in the letter's language, Dutch time zone. */
import type { Language } from './advice';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const TZ = 'Europe/Amsterdam';

/** "14 maart 2025" / "14 March 2025" for a YYYY-MM-DD date. */
export function formatDate(language: Language, isoDate: string): string {
  // Noon UTC keeps the calendar day in any European time zone.
  const d = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: '${isoDate}'`);
  return new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(d);
}

/** "woensdag 2 april 2025" and "19:30" for a date-time with offset. */
export function formatDateTime(language: Language, iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date-time: '${iso}'`);
  const date = new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(d);
  const time = new Intl.DateTimeFormat('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TZ,
  }).format(d);
  return { date, time };
}

/**
 * The public map page of the recipient's street, as the page reads it (client/src/public/main.ts):
 * `<base>?gemeente=GM0503&street=<id>&lang=nl`. The id opens that street (a street with too few
 * homes: its area); a street without an id is searched by name. The language is always given, so
 * the page opens in the letter's language whatever the browser's. A municipal page that embeds
 * the map must pass these parameters on to it.
 */
export function streetMapUrl(
  base: string,
  link: { municipalityCode: string; street: { id: number | null; name: string }; language: Language },
): string {
  const u = new URL(base);
  u.searchParams.set('gemeente', link.municipalityCode);
  u.searchParams.set('street', link.street.id !== null ? String(link.street.id) : link.street.name);
  u.searchParams.set('lang', link.language);
  return u.toString();
}

/**
 * Logo markup comes from municipality settings (set by an admin); still, it is placed in a
 * letter as raw SVG, so scripts, event handlers and external references are removed.
 */
export function safeSvg(svg: string): string {
  if (!svg.trim()) return '';
  if (!/^\s*<svg[\s>]/i.test(svg)) throw new Error('logoSvg must be SVG markup starting with <svg');
  return svg
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/(href\s*=\s*)("(?!#|data:)[^"]*"|'(?!#|data:)[^']*')/gi, '$1"#"');
}
