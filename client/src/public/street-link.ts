/**
 * What a link to the public map asks to open. Letters print `?street=<id>` (and their QR code
 * holds the same link: server/letters/letter-format.ts); links shared from the page name the
 * street or the postcode as typed.
 */
export type StreetLink = { kind: 'id'; id: number } | { kind: 'search'; text: string };

/** Reads `?postcode=` (first) or `?street=`; null when the URL asks for neither. */
export function readStreetLink(params: URLSearchParams): StreetLink | null {
  const postcode = params.get('postcode')?.trim();
  if (postcode) return { kind: 'search', text: postcode };
  const street = params.get('street')?.trim();
  if (!street) return null;
  // Street ids are positive integers; no Dutch street name is digits only.
  return /^[1-9]\d{0,15}$/.test(street)
    ? { kind: 'id', id: Number(street) }
    : { kind: 'search', text: street };
}
