/**
 * The address block in PostNL style: "Aan de bewoners van", street and number, then
 * postcode "1234 AB", two spaces, PLACE in capitals.
 */
import { formatPostcode } from '../imports/address-parts';

export interface PostalAddressParts {
  street_name: string;
  huisnummer: number;
  huisletter: string | null;
  toevoeging: string | null;
  postcode: string | null;
  place: string;
}

/** "12", "12A", "12A-2", "12-bis" (BAG writes a letter straight after the number, an addition after a dash). */
export function houseNumberLabel(
  a: Pick<PostalAddressParts, 'huisnummer' | 'huisletter' | 'toevoeging'>,
): string {
  return `${a.huisnummer}${a.huisletter ?? ''}${a.toevoeging ? `-${a.toevoeging}` : ''}`;
}

/** The lines of the address block (without the addressee line). Throws when there is no postcode. */
export function postalLines(a: PostalAddressParts): string[] {
  if (!a.postcode) throw new Error('the address has no postcode; PostNL cannot deliver it');
  return [
    `${a.street_name} ${houseNumberLabel(a)}`,
    `${formatPostcode(a.postcode)}  ${a.place.toLocaleUpperCase('nl-NL')}`,
  ];
}

export const ADDRESSEE: Record<'nl' | 'en', string> = {
  nl: 'Aan de bewoners van',
  // Only the addressee line is translated; street, postcode and PLACE stay as PostNL sorts them.
  en: 'To the residents of',
};
