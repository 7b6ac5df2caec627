/**
 * What a letter is made from: the address, the campaign's facts and the municipality's
 * settings. The worker builds this from the database; the `<name>.example.json` files beside the
 * templates hold one each (and double as test fixtures).
 */
import { z } from 'zod';
import { MunicipalitySettings } from '../municipalities/municipality-settings';

export const LETTER_TEMPLATES = ['cocoon-warning', 'prevention-evening', 'victim-advice'] as const;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number];
export const LANGUAGES = ['nl', 'en'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const LetterInput = z.object({
  template: z.enum(LETTER_TEMPLATES),
  language: z.enum(LANGUAGES),
  letterDate: isoDate,
  /** Printed as "Ons kenmerk": campaign and letter id, never anything personal. */
  reference: z.string().min(1),
  /** `code` (GM0503) picks the municipality on the public map the letter links to. */
  municipality: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    settings: MunicipalitySettings,
  }),
  address: z.object({
    street_name: z.string().min(1),
    huisnummer: z.number().int().positive(),
    huisletter: z.string().nullable(),
    toevoeging: z.string().nullable(),
    postcode: z
      .string()
      .regex(/^[1-9]\d{3}[A-Z]{2}$/, 'expected a postcode like 2628CD')
      .nullable(),
    place: z.string().min(1),
  }),
  /** The street of the recipient: its page on the public map is linked by QR code. */
  street: z.object({ id: z.number().int().positive().nullable(), name: z.string().min(1) }),
  /** The burglary a cocoon or victim letter is about. Never carries the victim's house number. */
  incident: z
    .object({
      streetName: z.string().nullable(),
      occurredOn: isoDate,
      attempt: z.boolean(),
      modusOperandi: z.string().min(1),
    })
    .nullable(),
  evening: z.object({ at: z.string().datetime({ offset: true }), location: z.string().min(1) }).nullable(),
  /**
   * An invitation's personal sign-up: the code (Crockford base32) and the sign-up page; the QR
   * code in the letter opens the page with the code in the URL fragment (not sent to a server log).
   */
  signup: z
    .object({ code: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/), pageUrl: z.string().url() })
    .nullable()
    .default(null),
  /** Base URL of the public map (municipality's publicMapUrl, else PUBLIC_URL). */
  publicMapBase: z.string().url(),
  kix: z.boolean(),
});
export type LetterInput = z.infer<typeof LetterInput>;
