/** Dutch by default, English switchable. Strings only; formatting helpers beside them. */
export type Lang = 'nl' | 'en';

const nl = {
  title: 'Inbraken in uw buurt',
  subtitle: 'Waar is recent ingebroken, en wat kunt u doen?',
  skipToTable: 'Naar de tabel met straten',
  langSwitch: 'English',
  langSwitchLabel: 'Switch to English',
  demo: 'Let op: dit zijn verzonnen demogegevens (synthetisch), geen echte inbraken.',
  searchLabel: 'Postcode of straatnaam',
  searchPlaceholder: 'bijv. 2628 CD of Mekelweg',
  searchButton: 'Zoeken',
  period: 'Periode',
  period1: 'Vorige maand',
  period3: 'Laatste 3 maanden',
  period12: 'Laatste 12 maanden',
  method: 'Werkwijze',
  allMethods: 'Alle werkwijzen',
  attempt: 'Inbraak of poging',
  attemptAll: 'Inbraken en pogingen',
  attemptOnly: 'Alleen pogingen',
  completedOnly: 'Alleen geslaagde inbraken',
  mapLabel:
    'Kaart van {name} met straten gekleurd naar het aantal inbraken. Dezelfde cijfers staan in de tabel onder de kaart.',
  legend: 'Inbraken per straat',
  bandNone: 'geen',
  bandFew: 'enkele, of afgeschermd',
  bandLow: '{min} tot 5',
  bandMid: '6 tot 10',
  bandHigh: 'meer dan 10',
  bandMerged: 'te weinig woningen: telt mee in de buurt',
  loading: 'Kaart laden…',
  noHits: 'Geen straat gevonden voor "{q}" in {name}. Probeer een postcode (1234 AB) of een straatnaam.',
  inStreet: 'In de {street}: {count} in de {period}.',
  mergedStreet:
    'De {street} heeft te weinig woningen om apart te tonen. In de buurt ({area}): {count} in de {period}.',
  hiddenArea: 'De {street} ligt in een gebied met te weinig woningen om cijfers te tonen.',
  burglaries: '{n} inbraken',
  burglary1: '1 inbraak',
  few: 'enkele inbraken, of een afgeschermd aantal',
  none: 'geen inbraken gemeld',
  periodText1: 'vorige maand',
  periodText3: 'laatste 3 maanden',
  periodText12: 'laatste 12 maanden',
  howIn: 'Zo kwamen ze binnen: {methods}.',
  whatToDo: 'Wat kunt u doen?',
  adviceTitle: 'Tips tegen inbraak',
  adviceIntro: 'Tips die passen bij hoe er in de buurt is ingebroken:',
  subsidyTitle: 'Subsidie',
  whatsappTitle: 'WhatsApp-buurtpreventie',
  emergencyTitle: 'Wie belt u?',
  emergency112: '112 – als er nu iets gebeurt',
  emergencyPolice: '0900-8844 – politie, geen spoed',
  emergencyMMA: '0800-7000 – Meld Misdaad Anoniem',
  eveningsTitle: 'Voorlichtingsavonden',
  eveningsIntro:
    'Bewoners van de genoemde straten krijgen een uitnodiging met een persoonlijke code om zich aan te melden.',
  eveningsIcs: 'In mijn agenda',
  eveningsFeed: 'Alle avonden in mijn agenda (abonnement)',
  eveningsFor: 'voor',
  areaTitle: 'Per buurt',
  areaSelect: 'Kies een buurt',
  areaSummary: '{area}: {count} in de {period}.',
  trendTitle: 'Per periode',
  trendLabel: 'Inbraken in {area} per periode',
  fewShort: 'enkele of afgeschermd',
  tableTitle: 'Tabel: inbraken per straat',
  tableShow: 'Toon de cijfers als tabel',
  tableHide: 'Verberg de tabel',
  tableCaption: 'Inbraken per straat, {period}. Klik op een kolomkop om te sorteren.',
  colStreet: 'Straat',
  colCount: 'Inbraken',
  colMethods: 'Werkwijzen',
  colMap: 'Kaart',
  showOnMap: 'Toon {street} op de kaart',
  merged: 'telt mee in de buurt',
  privacy:
    'Privacy: cijfers per straat, nooit per huis. Straten met minder dan {minAddr} woningen tellen mee in hun buurt. Een aantal onder de {min}, en elk aantal waaruit zo\'n klein aantal terug te rekenen is, tonen we niet ("enkele of afgeschermd"). Tijd alleen per kalendermaand.',
  attribution: 'Kaart: © OpenStreetMap-bijdragers',
  selectedStreet: 'Geselecteerde straat',
  cutoff: 'Cijfers per kalendermaand, tot en met {day}. Bijgewerkt op de 1e van elke maand.',
  aroundStreet: 'omgeving {street}',
  alertTitle: 'Bericht bij nieuwe cijfers',
  alertIntro:
    'Krijg een e-mail als er nieuwe inbraakcijfers zijn voor de {street}: per straat, nooit per huis.',
  alertEmail: 'Uw e-mailadres',
  alertFrequency: 'Hoe vaak',
  alertPublished: 'Zodra er nieuwe cijfers zijn (maandelijks)',
  alertWeekly: 'Wekelijks overzicht',
  alertConsent: 'Ik wil deze e-mails ontvangen. Afmelden kan in elke mail met één klik.',
  alertSubmit: 'Aanmelden',
  alertSent:
    'Bijna klaar: bevestig uw aanmelding met de link in de e-mail die we sturen (binnen {hours} uur).',
  alertFailed: 'Aanmelden lukte niet: {message}',
  alertWhere: 'Waarover?',
  alertWhereStreet: 'Alleen de {street}',
  alertWhereArea: 'De hele buurt {area}',
  alertWhereCircle: 'Alle straten in een cirkel rond de {street}',
  alertRadius: 'Straal van de cirkel',
  alertRadiusOption: '{m} meter',
};

const en: typeof nl = {
  title: 'Burglaries in your neighbourhood',
  subtitle: 'Where were homes broken into recently, and what can you do?',
  skipToTable: 'Skip to the table of streets',
  langSwitch: 'Nederlands',
  langSwitchLabel: 'Schakel naar Nederlands',
  demo: 'Note: this is made-up demo data (synthetic), not real burglaries.',
  searchLabel: 'Postcode or street name',
  searchPlaceholder: 'e.g. 2628 CD or Mekelweg',
  searchButton: 'Search',
  period: 'Period',
  period1: 'Last month',
  period3: 'Last 3 months',
  period12: 'Last 12 months',
  method: 'Method',
  allMethods: 'All methods',
  attempt: 'Burglary or attempt',
  attemptAll: 'Burglaries and attempts',
  attemptOnly: 'Attempts only',
  completedOnly: 'Completed burglaries only',
  mapLabel:
    'Map of {name} with streets coloured by the number of burglaries. The same figures are in the table below the map.',
  legend: 'Burglaries per street',
  bandNone: 'none',
  bandFew: 'a few, or withheld',
  bandLow: '{min} to 5',
  bandMid: '6 to 10',
  bandHigh: 'more than 10',
  bandMerged: 'too few homes: counted in the neighbourhood',
  loading: 'Loading map…',
  noHits: 'No street found for "{q}" in {name}. Try a postcode (1234 AB) or a street name.',
  inStreet: 'In {street}: {count} in the {period}.',
  mergedStreet:
    '{street} has too few homes to be shown on its own. In its neighbourhood ({area}): {count} in the {period}.',
  hiddenArea: '{street} lies in an area with too few homes to show figures.',
  burglaries: '{n} burglaries',
  burglary1: '1 burglary',
  few: 'a few burglaries, or a withheld number',
  none: 'no burglaries reported',
  periodText1: 'last month',
  periodText3: 'last 3 months',
  periodText12: 'last 12 months',
  howIn: 'How they got in: {methods}.',
  whatToDo: 'What can you do?',
  adviceTitle: 'Tips against burglary',
  adviceIntro: 'Tips that fit how homes nearby were broken into:',
  subsidyTitle: 'Subsidy',
  whatsappTitle: 'WhatsApp neighbourhood watch',
  emergencyTitle: 'Whom to call',
  emergency112: '112 – if it is happening now',
  emergencyPolice: '0900-8844 – police, non-emergency',
  emergencyMMA: '0800-7000 – Report crime anonymously (Meld Misdaad Anoniem)',
  eveningsTitle: 'Prevention evenings',
  eveningsIntro: 'Residents of the streets named get an invitation with a personal code to sign up.',
  eveningsIcs: 'Add to my calendar',
  eveningsFeed: 'All evenings in my calendar (subscribe)',
  eveningsFor: 'for',
  areaTitle: 'Per neighbourhood',
  areaSelect: 'Choose a neighbourhood',
  areaSummary: '{area}: {count} in the {period}.',
  trendTitle: 'Per period',
  trendLabel: 'Burglaries in {area} per period',
  fewShort: 'a few or withheld',
  tableTitle: 'Table: burglaries per street',
  tableShow: 'Show the figures as a table',
  tableHide: 'Hide the table',
  tableCaption: 'Burglaries per street, {period}. Click a column heading to sort.',
  colStreet: 'Street',
  colCount: 'Burglaries',
  colMethods: 'Methods',
  colMap: 'Map',
  showOnMap: 'Show {street} on the map',
  merged: 'counted in the neighbourhood',
  privacy:
    'Privacy: figures per street, never per house. Streets with fewer than {minAddr} homes count in their neighbourhood. A number below {min}, and any number from which such a small number could be worked out, is not shown ("a few or withheld"). Time only by calendar month.',
  attribution: 'Map: © OpenStreetMap contributors',
  selectedStreet: 'Selected street',
  cutoff: 'Figures per calendar month, up to and including {day}. Updated on the 1st of each month.',
  aroundStreet: 'area around {street}',
  alertTitle: 'Alerts for new figures',
  alertIntro:
    'Get an e-mail when new burglary figures are published for {street}: per street, never per house.',
  alertEmail: 'Your e-mail address',
  alertFrequency: 'How often',
  alertPublished: 'When new figures are published (monthly)',
  alertWeekly: 'Weekly digest',
  alertConsent: 'I want to receive these e-mails. Every mail has a one-click unsubscribe link.',
  alertSubmit: 'Subscribe',
  alertSent: 'Almost done: confirm with the link in the e-mail we are sending (within {hours} hours).',
  alertFailed: 'Subscribing failed: {message}',
  alertWhere: 'About what?',
  alertWhereStreet: 'Only {street}',
  alertWhereArea: 'The whole neighbourhood {area}',
  alertWhereCircle: 'All streets within a circle around {street}',
  alertRadius: 'Radius of the circle',
  alertRadiusOption: '{m} metres',
};

export type MessageKey = keyof typeof nl;
const dict: Record<Lang, typeof nl> = { nl, en };

let current: Lang = 'nl';

export function setLang(l: Lang): void {
  current = l;
  document.documentElement.lang = l;
}

export function lang(): Lang {
  return current;
}

/** A message with {placeholders} filled in. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dict[current][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** The last day of a month: '2026-11' -> 'maandag 30 november 2026' / 'Monday 30 November 2026'. */
export function lastDayText(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0, 12)).toLocaleDateString(current === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** '2025-02' -> 'feb 2025' in the current language. */
export function monthText(month: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 15)).toLocaleDateString(current === 'nl' ? 'nl-NL' : 'en-GB', {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  });
}
