/**
 * The print shop's address list (manifest.csv) and the names of the zip's letter files: one row
 * per page of the print file, in print order.
 */
import { csvCell } from '../core/csv';
import { kixContent } from '../letters/kix';
import { houseNumberLabel, postalLines } from '../letters/postal-address';
import type { PrintRow } from './campaigns.repo';

/**
 * The zip entry of a letter: `<5-digit sequence>_<postcode>_<house number>.pdf`, e.g.
 * `00001_2628CD_12A-2.pdf`; anything but letters, digits and '-' becomes '_'.
 */
export function letterFileName(r: PrintRow, seq: number): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '_');
  return `${String(seq).padStart(5, '0')}_${r.postcode ?? 'geen-postcode'}_${safe(houseNumberLabel(r))}.pdf`;
}

export { csvCell };

/** The manifest of rendered letters in print order: a header and one line per letter. */
export function manifestCsv(rows: PrintRow[], language: 'nl' | 'en'): string {
  const header = [
    'page',
    'letter_id',
    'addressee',
    'address_line',
    'postcode_place_line',
    'postcode',
    'place',
    'kix',
    'file',
  ];
  const lines = [header.join(',')];
  rows.forEach((r, i) => {
    const [street, pcPlace] = r.postcode
      ? postalLines(r)
      : [`${r.street_name} ${houseNumberLabel(r)}`, r.place.toUpperCase()];
    const kix = r.postcode ? kixContent({ ...r, postcode: r.postcode }) : '';
    lines.push(
      [
        i + 1,
        r.letter_id,
        language === 'nl' ? 'Aan de bewoners van' : 'To the residents of',
        street!,
        pcPlace!,
        r.postcode,
        r.place,
        kix,
        letterFileName(r, i + 1),
      ]
        .map(csvCell)
        .join(','),
    );
  });
  return lines.join('\n') + '\n';
}
