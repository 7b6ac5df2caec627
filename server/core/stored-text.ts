/**
 * Texts from imported files that PostgreSQL must store, and index where they are ids or
 * names: shared by the incident, BAG and OSM importers.
 */

/**
 * Longest id and street name accepted. Both are indexed (a B-tree entry holds at most ~2,700
 * bytes, so a 10,000-character name failed the whole import with "index row requires 10032
 * bytes"), and no real one comes near: police.uk Crime IDs have 64 characters.
 */
export const MAX_ID_LENGTH = 200;
export const MAX_NAME_LENGTH = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes a text unstorable, or undefined: PostgreSQL text cannot hold NUL (U+0000) and
 * its JSON rejects lone UTF-16 surrogates (which JSON.parse lets through from "\ud800"); an
 * id or name longer than `max` does not fit an index.
 */
export function textProblem(what: string, value: string, max?: number): string | undefined {
  if (value.includes('\u0000'))
    return `${what} contains a NUL character (byte 0), which no text may hold; remove it`;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16);
    return `${what} contains a lone UTF-16 surrogate (\\u${code}), half of a character; remove it or give the whole character`;
  }
  if (max !== undefined && value.length > max)
    return `${what} is ${value.length.toLocaleString('en')} characters long; at most ${max}`;
  return undefined;
}
