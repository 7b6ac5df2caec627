/** Builds a LetterInput from a database row (server/campaigns/campaigns.repo.ts RenderRow). */
import { config } from '../core/config';
import type { RenderRow } from '../campaigns/campaigns.repo';
import { MunicipalitySettings } from '../municipalities/municipality-settings';
import { LetterInput } from './letter-input';

/** "Gemeente Delft" for a municipality named "Delft". */
export function municipalityDisplayName(name: string): string {
  return /^gemeente\s/i.test(name) ? name : `Gemeente ${name}`;
}

export function publicMapBase(settings: MunicipalitySettings): string {
  const cfg = config();
  return settings.publicMapUrl || cfg.PUBLIC_URL || `http://${cfg.HOST}:${cfg.PORT}/`;
}

/** The public sign-up page for evenings (this server's own page, not an embedding municipal site). */
export function signupPageUrl(): string {
  const cfg = config();
  const base = cfg.PUBLIC_URL || `http://${cfg.HOST}:${cfg.PORT}/`;
  return new URL('aanmelden.html', base.endsWith('/') ? base : `${base}/`).toString();
}

/** Throws a ZodError (bad data: the letter fails with its reason) when the row cannot make a letter. */
export function letterInputFromRow(row: RenderRow): LetterInput {
  const settings = MunicipalitySettings.parse(row.settings ?? {});
  return LetterInput.parse({
    template: row.template,
    language: row.language,
    letterDate: row.letter_date,
    reference: `PK-${row.campaign_id}-${row.id}`,
    municipality: {
      code: row.municipality_code,
      name: municipalityDisplayName(row.municipality_name),
      settings,
    },
    address: {
      street_name: row.street_name,
      huisnummer: row.huisnummer,
      huisletter: row.huisletter,
      toevoeging: row.toevoeging,
      postcode: row.postcode,
      place: row.place,
    },
    street: { id: row.street_id === null ? null : Number(row.street_id), name: row.street_name },
    incident:
      row.incident_on === null
        ? null
        : {
            streetName: row.incident_street,
            occurredOn: row.incident_on,
            attempt: row.incident_attempt ?? false,
            modusOperandi: row.incident_mo ?? 'unknown',
          },
    evening: row.evening_at
      ? { at: row.evening_at.toISOString(), location: row.evening_location ?? '' }
      : null,
    signup: row.signup_code ? { code: row.signup_code, pageUrl: signupPageUrl() } : null,
    publicMapBase: publicMapBase(settings),
    kix: config().LETTER_KIX,
  });
}
