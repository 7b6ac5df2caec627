/**
 * Turns a LetterInput into what a template prints. All wording that depends on data (dates,
 * address lines, advice, labels) is made here, in tested code; templates only place it.
 */
import QRCode from 'qrcode';
import { EMERGENCY, generalAdvice, methodAdvice, type Language } from './advice';
import { kixContent, kixSvg } from './kix';
import type { LetterInput } from './letter-input';
import { formatDate, formatDateTime, safeSvg, streetMapUrl } from './letter-format';
import { ADDRESSEE, postalLines } from './postal-address';
import { settingsIn } from '../municipalities/municipality-settings';

const LABELS: Record<Language, Record<string, string>> = {
  nl: {
    date: 'Datum',
    reference: 'Ons kenmerk',
    phone: 'Telefoon',
    email: 'E-mail',
    regards: 'Met vriendelijke groet,',
    mapIntro: 'Bekijk op de kaart wat er in uw straat gebeurt en wat u kunt doen:',
    callNow: 'Ziet u iets verdachts, of gebeurt het nu? Bel direct',
    callPolice: 'Heeft u informatie? Bel de politie op',
    callAnonymous: 'Liever anoniem: Meld Misdaad Anoniem,',
    moreInfo: 'Meer informatie:',
    whatsappTitle: 'WhatsApp-buurtpreventie',
    yourStreet: 'uw straat',
  },
  en: {
    date: 'Date',
    reference: 'Our reference',
    phone: 'Phone',
    email: 'Email',
    regards: 'Kind regards,',
    mapIntro: 'See on the map what is happening in your street and what you can do:',
    callNow: 'Do you see something suspicious, or is it happening now? Call',
    callPolice: 'Do you have information? Call the police on',
    callAnonymous: 'To stay anonymous: Meld Misdaad Anoniem (Crimestoppers),',
    moreInfo: 'More information:',
    whatsappTitle: 'WhatsApp neighbourhood watch',
    yourStreet: 'your street',
  },
};

export type LetterView = Awaited<ReturnType<typeof buildLetterView>>;

/** QR codes are the same for every letter in a street: keep the last few hundred. */
const qrCache = new Map<string, string>();

async function qrSvg(url: string): Promise<string> {
  let svg = qrCache.get(url);
  if (!svg) {
    svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
    if (qrCache.size > 500) qrCache.delete(qrCache.keys().next().value!);
    qrCache.set(url, svg);
  }
  return svg;
}

/** Builds the view; throws a plain Error naming the field when the data cannot make a letter. */
export async function buildLetterView(input: LetterInput) {
  const lang = input.language;
  const s = settingsIn(input.municipality.settings, input.language);
  const labels = LABELS[lang];
  const needsIncident = input.template === 'cocoon-warning' || input.template === 'victim-advice';
  if (needsIncident && !input.incident)
    throw new Error(`a ${input.template} letter needs the incident it is about`);
  if (input.template === 'prevention-evening' && !input.evening)
    throw new Error('a prevention-evening letter needs the evening (date, time, place)');
  const mapUrl = streetMapUrl(input.publicMapBase, {
    municipalityCode: input.municipality.code,
    street: input.street,
    language: lang,
  });
  const evening = input.evening
    ? { ...formatDateTime(lang, input.evening.at), location: input.evening.location }
    : null;
  const signup = input.signup
    ? {
        code: `${input.signup.code.slice(0, 4)}-${input.signup.code.slice(4)}`,
        pageUrl: input.signup.pageUrl,
        qrSvg: await qrSvg(`${input.signup.pageUrl}?lang=${lang}#code=${input.signup.code}`),
      }
    : null;
  const incident = input.incident
    ? {
        date: formatDate(lang, input.incident.occurredOn),
        attempt: input.incident.attempt,
        // The street, never the house (README.md, "Prevention letters"; docs/readme/letters.md).
        area: input.incident.streetName ?? labels.yourStreet!,
      }
    : null;
  return {
    language: lang,
    municipalityName: input.municipality.name,
    letterhead: s.letterhead,
    logoSvg: safeSvg(s.letterhead.logoSvg),
    signatory: s.signatory,
    subsidy: s.subsidy,
    whatsapp: s.whatsapp,
    labels,
    addressee: ADDRESSEE[lang],
    addressLines: postalLines(input.address),
    kixSvg:
      input.kix && input.address.postcode
        ? kixSvg(kixContent({ ...input.address, postcode: input.address.postcode }))
        : null,
    letterDate: formatDate(lang, input.letterDate),
    reference: input.reference,
    streetArea: input.street.name,
    incident,
    method: input.incident ? methodAdvice(lang, input.incident.modusOperandi) : null,
    general: generalAdvice(lang),
    emergency: EMERGENCY,
    evening,
    signup,
    mapUrl,
    qrSvg: await qrSvg(mapUrl),
  };
}
