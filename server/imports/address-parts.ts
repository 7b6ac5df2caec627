/**
 * Dutch address parts: house number, letter and addition (huisnummer, huisletter,
 * huisnummertoevoeging) and postcodes, as BAG defines them.
 */

export interface HouseNumber {
  huisnummer: number;
  huisletter: string | null;
  toevoeging: string | null;
}

/**
 * Parses an OSM-style house number: "12", "12a", "12 A", "12-1", "12A-bis", "12 2hg".
 * Returns undefined for ranges and anything else that is not one BAG address ("12-14" is
 * read as number 12, addition 14, as BAG imports in OSM write additions that way).
 */
export function parseHouseNumber(raw: string): HouseNumber | undefined {
  const m = /^\s*(\d{1,5})\s*([A-Za-z])?(?:\s*[-\s]\s*([A-Za-z0-9]{1,4}))?\s*$/.exec(raw);
  if (!m) return undefined;
  const huisnummer = Number(m[1]);
  if (huisnummer < 1 || huisnummer > 99999) return undefined;
  return {
    huisnummer,
    huisletter: m[2] ? m[2].toUpperCase() : null,
    toevoeging: m[3] ? m[3].toUpperCase() : null,
  };
}

/** Normalises a postcode to "1234AB"; undefined when it is not a Dutch postcode. */
export function normalisePostcode(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$/.exec(raw);
  if (!m) return undefined;
  const letters = m[2]!.toUpperCase();
  // SA, SD and SS are not issued (PostNL).
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return undefined;
  return m[1] + letters;
}

/** "1234AB" -> "1234 AB" (PostNL's style puts one space in the postcode). */
export function formatPostcode(pc: string): string {
  return `${pc.slice(0, 4)} ${pc.slice(4)}`;
}

/** A BAG nummeraanduiding id: 16 digits, object type code 20 at positions 5-6. */
export function isNummeraanduidingId(id: string | null | undefined): boolean {
  return !!id && /^\d{4}20\d{10}$/.test(id);
}
