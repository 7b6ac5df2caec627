/**
 * The text of residents' mails, Dutch and English, plain text and HTML: the confirmation mail
 * and the alert / weekly digest. An alert names streets (or areas), a calendar month and a
 * published figure, plus the public map's advice texts: never a house number, an exact time or
 * an incident id (none of these is in its input). Every mail carries its unsubscribe link and
 * the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
 */
import { z } from 'zod';
import { adviceFor } from '../../client/src/public/advice';
import type { AlertContent, MailLine } from './alerts.service';
import type { ClaimedMail } from './alerts.repo';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

type Lang = 'nl' | 'en';

const ConfirmContent = z.object({
  municipality: z.string(),
  frequency: z.enum(['published', 'weekly']),
  hours: z.number(),
  baseUrl: z.string(),
});

const Line = z.object({
  name: z.string(),
  area: z.string().optional(),
  count: z.number().nullable(),
  few: z.boolean(),
});
const Alert = z.object({
  municipality: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  lines: z.array(Line),
  quarter: z.array(Line).optional(),
  methods: z.array(z.string()),
  baseUrl: z.string(),
  website: z.string(),
  phone: z.string(),
}) satisfies z.ZodType<AlertContent>;

export function monthName(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

export function figure(l: MailLine, lang: Lang): string {
  if (l.few || l.count === null)
    return lang === 'nl' ? 'een paar inbraken of niet getoond' : 'a few burglaries or withheld';
  if (l.count === 0) return lang === 'nl' ? 'geen inbraken' : 'no burglaries';
  if (lang === 'nl') return `${l.count} ${l.count === 1 ? 'inbraak' : 'inbraken'}`;
  return `${l.count} ${l.count === 1 ? 'burglary' : 'burglaries'}`;
}

export function lineText(l: MailLine, lang: Lang): string {
  if (l.area)
    return lang === 'nl'
      ? `${l.name} (te weinig woningen, geteld in ${l.area}): ${figure(l, lang)}`
      : `${l.name} (too few homes, counted in ${l.area}): ${figure(l, lang)}`;
  return `${l.name}: ${figure(l, lang)}`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The public map at the subscription's place: a street opens with its figures (`?street=<id>`,
 * as the letters link); an area or a circle opens the municipality's map. In the mail's language.
 */
export function mapLink(
  mail: Pick<ClaimedMail, 'municipalityCode' | 'targetKind' | 'streetId' | 'lang'>,
  baseUrl: string,
): string {
  const q = new URLSearchParams({ gemeente: mail.municipalityCode });
  if (mail.targetKind === 'street' && mail.streetId !== null) q.set('street', String(mail.streetId));
  if (mail.lang === 'en') q.set('lang', 'en');
  return `${baseUrl}/?${q}`;
}

function links(mail: ClaimedMail, baseUrl: string): { unsubscribe: string; map: string } {
  return {
    unsubscribe: `${baseUrl}/alerts/unsubscribe?token=${mail.unsubscribeToken}`,
    map: mapLink(mail, baseUrl),
  };
}

function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function html(title: string, paragraphs: string[], footer: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:sans-serif;max-width:40em">${paragraphs.join('\n')}<hr><p style="font-size:smaller">${footer}</p></body></html>`;
}

export function renderMail(mail: ClaimedMail): RenderedMail {
  return mail.kind === 'confirm' ? renderConfirm(mail) : renderAlert(mail);
}

function renderConfirm(mail: ClaimedMail): RenderedMail {
  const c = ConfirmContent.parse(mail.content);
  const nl = mail.lang === 'nl';
  const confirmUrl = `${c.baseUrl}/alerts/confirm?token=${mail.confirmToken ?? ''}`;
  const { unsubscribe } = links(mail, c.baseUrl);
  const how = nl
    ? c.frequency === 'weekly'
      ? 'een wekelijks overzicht'
      : 'een bericht zodra er nieuwe cijfers zijn'
    : c.frequency === 'weekly'
      ? 'a weekly digest'
      : 'a message whenever new figures are published';
  const subject = nl
    ? `Bevestig uw inbraakmeldingen voor ${mail.targetLabel}`
    : `Confirm your burglary alerts for ${mail.targetLabel}`;
  const intro = nl
    ? `U (of iemand anders) vroeg bij de gemeente ${c.municipality} om ${how} over inbraken in ${mail.targetLabel}.`
    : `You (or someone else) asked the municipality of ${c.municipality} for ${how} about burglaries in ${mail.targetLabel}.`;
  const act = nl
    ? `Bevestig dit binnen ${c.hours} uur via de link hieronder. Doet u niets, dan wissen we uw adres na ${c.hours} uur.`
    : `Confirm within ${c.hours} hours with the link below. If you do nothing, your address is deleted after ${c.hours} hours.`;
  const stop = nl ? 'Geen berichten meer' : 'Stop these mails';
  const button = nl ? 'Bevestigen' : 'Confirm';
  return {
    subject,
    text: `${intro}\n\n${act}\n\n${button}: ${confirmUrl}\n\n${stop}: ${unsubscribe}\n`,
    html: html(
      subject,
      [
        `<p>${esc(intro)}</p>`,
        `<p>${esc(act)}</p>`,
        `<p><a href="${esc(confirmUrl)}">${esc(button)}</a></p>`,
      ],
      `<a href="${esc(unsubscribe)}">${esc(stop)}</a>`,
    ),
    headers: unsubscribeHeaders(unsubscribe),
  };
}

function renderAlert(mail: ClaimedMail): RenderedMail {
  const c = Alert.parse(mail.content);
  const lang = mail.lang;
  const nl = lang === 'nl';
  const month = monthName(c.month, lang);
  const { unsubscribe, map } = links(mail, c.baseUrl);
  const subject = nl
    ? `Inbraken in ${mail.targetLabel}: ${month}`
    : `Burglaries in ${mail.targetLabel}: ${month}`;
  const head = nl ? `In ${month}:` : `In ${month}:`;
  const lines = c.lines.map((l) => lineText(l, lang));
  const quarterHead = nl ? 'De laatste 3 maanden:' : 'The last 3 months:';
  const quarter = c.quarter?.map((l) => lineText(l, lang));
  const note = nl
    ? 'Cijfers per kalendermaand, per straat en nooit per huis; "een paar of niet getoond" betekent 1 of 2, of een aantal dat we niet tonen zodat een klein aantal niet te herleiden is.'
    : 'Figures per calendar month, per street and never per house; "a few or withheld" means 1 or 2, or a number held back so that a small one cannot be worked out.';
  const adviceHead = nl ? 'Wat u kunt doen:' : 'What you can do:';
  const advice = adviceFor(c.methods, lang);
  const call = nl
    ? 'Ziet u een inbraak gebeuren? Bel 112. Anders: politie 0900-8844, anoniem Meld Misdaad Anoniem 0800-7000.'
    : 'See a burglary happening? Call 112. Otherwise: police 0900-8844, anonymously Meld Misdaad Anoniem 0800-7000.';
  const mapText = nl ? 'De kaart' : 'The map';
  const stop = nl ? 'Afmelden (één klik)' : 'Unsubscribe (one click)';
  const text = [
    head,
    ...lines.map((l) => `- ${l}`),
    ...(quarter ? ['', quarterHead, ...quarter.map((l) => `- ${l}`)] : []),
    '',
    note,
    '',
    adviceHead,
    ...advice.map((a) => `- ${a}`),
    '',
    call,
    '',
    `${mapText}: ${map}`,
    `${stop}: ${unsubscribe}`,
    '',
  ].join('\n');
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  return {
    subject,
    text,
    html: html(
      subject,
      [
        `<p>${esc(head)}</p>`,
        list(lines),
        ...(quarter ? [`<p>${esc(quarterHead)}</p>`, list(quarter)] : []),
        `<p style="font-size:smaller">${esc(note)}</p>`,
        `<p>${esc(adviceHead)}</p>`,
        list(advice),
        `<p>${esc(call)}</p>`,
        `<p><a href="${esc(map)}">${esc(mapText)}</a></p>`,
      ],
      `<a href="${esc(unsubscribe)}">${esc(stop)}</a>`,
    ),
    headers: unsubscribeHeaders(unsubscribe),
  };
}
