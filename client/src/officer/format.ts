/** Formatting for the officers' page in its language (dates in Europe/Amsterdam; Dutch numbers with a decimal comma). */
import { methodLabel } from '../shared/method-label';
import { lang, locale } from './i18n';

const DATE = new Intl.DateTimeFormat(locale(), {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const DATETIME = new Intl.DateTimeFormat(locale(), {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** A date as "2 dec 2026" (Europe/Amsterdam). */
export function dateText(iso: string): string {
  return DATE.format(new Date(iso));
}

/** A date and time as "2 dec 2026, 14:05" (Europe/Amsterdam). */
export function dateTimeText(iso: string): string {
  return DATETIME.format(new Date(iso));
}

/** A number with a decimal comma and `digits` decimals. */
export function numberText(n: number, digits = 0): string {
  return n.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "cilindertrekken 3, deur geforceerd 1", most frequent first. */
export function methodsText(mo: Record<string, number>): string {
  return Object.entries(mo)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${methodLabel(code, lang())} ${n}`)
    .join(', ');
}

/** The name of a method of entry (modus_operandi code) in the page's language. */
export function methodText(code: string): string {
  return methodLabel(code, lang());
}

/** A p-value as officers read it: "< 0,001" rather than 0.001. */
export function pText(p: number): string {
  return p < 0.001 ? `< ${numberText(0.001, 3)}` : numberText(p, 3);
}
