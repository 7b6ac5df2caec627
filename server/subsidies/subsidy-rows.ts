/**
 * Reading a subsidy applications CSV (issue 13): columns postcode, house number, date, scheme,
 * amount, in any order, named in a header line (Dutch or English names). Every row is checked;
 * every problem is reported with its line number, and a file with any problem stores nothing.
 */
import { parseDutchDate } from '../core/dates';
import { normalisePostcode, parseHouseNumber, type HouseNumber } from '../imports/address-parts';
import type { ImportError } from '../imports/import-summary';
import { decodeText, detectDelimiter, firstLine, parseCsv } from '../incidents/text-file';

export interface SubsidyRow extends HouseNumber {
  line: number;
  postcode: string;
  /** YYYY-MM-DD. */
  appliedOn: string;
  scheme: string;
  amountCents: number;
}

const COLUMNS = {
  postcode: ['postcode'],
  number: ['house number', 'house_number', 'huisnummer', 'number'],
  date: ['date', 'datum', 'aanvraagdatum', 'applied_on'],
  scheme: ['scheme', 'regeling', 'subsidieregeling'],
  amount: ['amount', 'bedrag'],
} as const;

/** Euro amounts as written in NL or EN: "70", "70,50", "1.234,56", "1234.56", "€ 70". */
export function parseAmountCents(raw: string): number | undefined {
  let s = raw.replace(/^\s*(€|EUR)\s*/i, '').trim();
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}

/** The rows of a file, or its problems by line (never both: a file with a problem stores nothing). */
export function readSubsidyCsv(
  buf: Buffer,
  fileName: string,
): { rows: SubsidyRow[]; errors: ImportError[]; read: number } {
  const { text } = decodeText(buf);
  const records = parseCsv(text, detectDelimiter(firstLine(text)), fileName);
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ line: 1, reason: 'the file is empty' }], read: 0 };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
  const errors: ImportError[] = [];
  for (const [key, aliases] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i < 0)
      errors.push({
        line: header.line,
        reason: `no column '${aliases[0]}' in the header (expected postcode, house number, date, scheme, amount)`,
      });
    else index[key] = i;
  }
  if (errors.length) return { rows: [], errors, read: data.length };
  const rows: SubsidyRow[] = [];
  for (const r of data) {
    const cell = (k: keyof typeof COLUMNS) => (r.fields[index[k]!] ?? '').trim();
    const problems: string[] = [];
    const postcode = normalisePostcode(cell('postcode'));
    if (!postcode)
      problems.push(`postcode '${cell('postcode').slice(0, 20)}' is not a Dutch postcode like 2611 AB`);
    const hn = parseHouseNumber(cell('number'));
    if (!hn)
      problems.push(`house number '${cell('number').slice(0, 20)}' is not one address like 12, 12A or 12-2`);
    const d = parseDutchDate(cell('date'));
    if (!d || cell('date').length > 10)
      problems.push(`date '${cell('date').slice(0, 20)}' is not a date like 2026-03-05 or 05-03-2026`);
    const scheme = cell('scheme');
    if (!scheme || scheme.length > 100 || scheme.includes('\u0000'))
      problems.push('scheme is empty or longer than 100 characters');
    const amountCents = parseAmountCents(cell('amount'));
    if (amountCents === undefined)
      problems.push(`amount '${cell('amount').slice(0, 20)}' is not an amount in euros like 70 or 70,50`);
    if (problems.length) {
      errors.push({ line: r.line, reason: problems.join('; ') });
      continue;
    }
    rows.push({
      line: r.line,
      postcode: postcode!,
      ...hn!,
      appliedOn: amsterdamDay(d!),
      scheme,
      amountCents: amountCents!,
    });
  }
  return { rows: errors.length ? [] : rows, errors, read: data.length };
}

/** The calendar day in Amsterdam of a moment (dates are read as Amsterdam midnight). */
function amsterdamDay(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(d);
}
