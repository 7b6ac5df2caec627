/**
 * The reminder e-mail before a prevention evening, in the evening's language, plain text and
 * HTML: what, when (Amsterdam time), where, how many people the household signed up, how to
 * change or cancel (the sign-up page with the code from the letter: the mail holds no code), the
 * evening's calendar file, the organiser, and that the name and address are deleted after the
 * evening.
 */
import { DateTime } from 'luxon';
import { TZID } from './evening-calendar';
import type { ClaimedReminder } from './evening-reminders.repo';

export interface RenderedReminder {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "dinsdag 12 maart 2030, 19:30–21:30" in the evening's language. */
export function reminderWhen(r: Pick<ClaimedReminder, 'starts_at' | 'ends_at' | 'language'>): string {
  const start = DateTime.fromJSDate(r.starts_at, { zone: TZID }).setLocale(
    r.language === 'nl' ? 'nl-NL' : 'en-GB',
  );
  const end = DateTime.fromJSDate(r.ends_at, { zone: TZID });
  return `${start.toFormat('cccc d LLLL yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
}

export function renderReminder(r: ClaimedReminder, baseUrl: string): RenderedReminder {
  const nl = r.language === 'nl';
  const when = reminderWhen(r);
  const signup = `${baseUrl}/aanmelden.html?lang=${r.language}`;
  const ics = `${baseUrl}/api/public/${r.municipality_code}/evenings/${r.evening_id}.ics`;
  const contact = [r.organiser_name, r.organiser_email, r.organiser_phone].filter(Boolean).join(', ');
  const people = nl
    ? `${r.people} ${r.people === 1 ? 'persoon' : 'personen'}`
    : `${r.people} ${r.people === 1 ? 'person' : 'people'}`;
  const paragraphs = nl
    ? [
        r.name ? `Beste ${r.name},` : 'Beste bewoner,',
        `U bent aangemeld voor "${r.title}" met ${people}. Een herinnering:`,
        `Wanneer: ${when}`,
        `Waar: ${r.venue_name}, ${r.venue_address}`,
        `Komt u niet, of met meer of minder mensen? Wijzig of annuleer uw aanmelding op ${signup} met de code uit uw uitnodiging.`,
        `In uw agenda zetten: ${ics}`,
        `Vragen: ${contact}`,
        `Uw naam en e-mailadres worden na de avond verwijderd. Dit is de enige herinnering die u krijgt. Gemeente ${r.municipality_name}.`,
      ]
    : [
        r.name ? `Dear ${r.name},` : 'Dear resident,',
        `You signed up for "${r.title}" with ${people}. A reminder:`,
        `When: ${when}`,
        `Where: ${r.venue_name}, ${r.venue_address}`,
        `Not coming, or with more or fewer people? Change or cancel your sign-up at ${signup} with the code from your invitation.`,
        `Add it to your calendar: ${ics}`,
        `Questions: ${contact}`,
        `Your name and e-mail address are deleted after the evening. This is the only reminder you get. Municipality of ${r.municipality_name}.`,
      ];
  const html = (p: string) =>
    [signup, ics].reduce((h, url) => h.replace(esc(url), `<a href="${esc(url)}">${esc(url)}</a>`), esc(p));
  return {
    subject: nl ? `Herinnering: ${r.title}, ${when}` : `Reminder: ${r.title}, ${when}`,
    text: paragraphs.join('\n\n') + '\n',
    html: `<!doctype html><html lang="${r.language}"><body>${paragraphs
      .map((p) => `<p>${html(p)}</p>`)
      .join('')}</body></html>`,
  };
}

/**
 * The notice that an evening was cancelled, to a household that signed up (or was on the waiting
 * list) with an e-mail address: what and when it would have been, that nothing needs doing, whom
 * to ask; the name and address are deleted as after any evening.
 */
export function renderCancellation(r: ClaimedReminder, baseUrl: string): RenderedReminder {
  const nl = r.language === 'nl';
  const when = reminderWhen(r);
  const contact = [r.organiser_name, r.organiser_email, r.organiser_phone].filter(Boolean).join(', ');
  const evenings = `${baseUrl}/?gemeente=${r.municipality_code}&lang=${r.language}`;
  const paragraphs = nl
    ? [
        r.name ? `Beste ${r.name},` : 'Beste bewoner,',
        `"${r.title}" op ${when} in ${r.venue_name} gaat niet door. ${r.signup_status === 'waiting' ? 'U stond op de wachtlijst.' : 'U was aangemeld.'} U hoeft niets te doen.`,
        `Andere voorlichtingsavonden en tips staan op ${evenings}`,
        `Vragen: ${contact}`,
        `Uw naam en e-mailadres worden verwijderd. Gemeente ${r.municipality_name}.`,
      ]
    : [
        r.name ? `Dear ${r.name},` : 'Dear resident,',
        `"${r.title}" on ${when} at ${r.venue_name} is cancelled. ${r.signup_status === 'waiting' ? 'You were on the waiting list.' : 'You had signed up.'} You need not do anything.`,
        `Other prevention evenings and advice: ${evenings}`,
        `Questions: ${contact}`,
        `Your name and e-mail address will be deleted. Municipality of ${r.municipality_name}.`,
      ];
  const html = (p: string) =>
    esc(p).replace(esc(evenings), `<a href="${esc(evenings)}">${esc(evenings)}</a>`);
  return {
    subject: nl ? `Gaat niet door: ${r.title}, ${when}` : `Cancelled: ${r.title}, ${when}`,
    text: paragraphs.join('\n\n') + '\n',
    html: `<!doctype html><html lang="${r.language}"><body>${paragraphs
      .map((p) => `<p>${html(p)}</p>`)
      .join('')}</body></html>`,
  };
}
