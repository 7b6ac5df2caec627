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
  period1: 'Afgelopen maand',
  period3: 'Afgelopen 3 maanden',
  period12: 'Afgelopen 12 maanden',
  method: 'Werkwijze',
  allMethods: 'Alle werkwijzen',
  attempt: 'Inbraak of poging',
  attemptAll: 'Inbraken en pogingen',
  attemptOnly: 'Alleen pogingen',
  completedOnly: 'Alleen geslaagde inbraken',
  mapLabel: 'Kaart van {name} met straten gekleurd naar het aantal inbraken. Dezelfde cijfers staan in de tabel onder de kaart.',
  legend: 'Inbraken per straat',
  bandNone: 'geen',
  bandFew: 'enkele (minder dan {min})',
  bandLow: '{min} tot 5',
  bandMid: '6 tot 10',
  bandHigh: 'meer dan 10',
  bandMerged: 'te weinig woningen: telt mee in de buurt',
  loading: 'Kaart laden…',
  noHits: 'Geen straat gevonden voor "{q}" in {name}. Probeer een postcode (1234 AB) of een straatnaam.',
  inStreet: 'In de {street}: {count} in de {period}{last}.',
  mergedStreet: 'De {street} heeft te weinig woningen om apart te tonen. In de buurt ({area}): {count} in de {period}{last}.',
  hiddenArea: 'De {street} ligt in een gebied met te weinig woningen om cijfers te tonen.',
  lastWeek: ', het laatst in week {week}',
  burglaries: '{n} inbraken',
  burglary1: '1 inbraak',
  few: 'enkele inbraken (minder dan {min})',
  none: 'geen inbraken gemeld',
  periodText1: 'afgelopen maand',
  periodText3: 'afgelopen 3 maanden',
  periodText12: 'afgelopen 12 maanden',
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
  areaTitle: 'Per buurt',
  areaSelect: 'Kies een buurt',
  areaSummary: '{area}: {count} in de {period}.',
  trendTitle: 'Inbraken per maand, afgelopen 12 maanden',
  trendLabel: 'Staafdiagram van inbraken per maand in {area}: {values}.',
  fewShort: 'enkele',
  tableTitle: 'Tabel: inbraken per straat',
  tableShow: 'Toon de cijfers als tabel',
  tableHide: 'Verberg de tabel',
  tableCaption: 'Inbraken per straat, {period}. Klik op een kolomkop om te sorteren.',
  colStreet: 'Straat',
  colCount: 'Inbraken',
  colLast: 'Laatst (week)',
  colMethods: 'Werkwijzen',
  colMap: 'Kaart',
  showOnMap: 'Toon {street} op de kaart',
  merged: 'telt mee in de buurt',
  privacy:
    'Privacy: cijfers per straat, nooit per huis. Straten met minder dan {minAddr} woningen tellen mee in hun buurt; kleine aantallen (minder dan {min}) tonen we als "enkele". Tijd alleen per week of maand.',
  attribution: 'Kaart: © OpenStreetMap-bijdragers',
  selectedStreet: 'Geselecteerde straat',
  aroundStreet: 'omgeving {street}',
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
  mapLabel: 'Map of {name} with streets coloured by the number of burglaries. The same figures are in the table below the map.',
  legend: 'Burglaries per street',
  bandNone: 'none',
  bandFew: 'a few (fewer than {min})',
  bandLow: '{min} to 5',
  bandMid: '6 to 10',
  bandHigh: 'more than 10',
  bandMerged: 'too few homes: counted in the neighbourhood',
  loading: 'Loading map…',
  noHits: 'No street found for "{q}" in {name}. Try a postcode (1234 AB) or a street name.',
  inStreet: 'In {street}: {count} in the {period}{last}.',
  mergedStreet: '{street} has too few homes to be shown on its own. In its neighbourhood ({area}): {count} in the {period}{last}.',
  hiddenArea: '{street} lies in an area with too few homes to show figures.',
  lastWeek: ', most recently in week {week}',
  burglaries: '{n} burglaries',
  burglary1: '1 burglary',
  few: 'a few burglaries (fewer than {min})',
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
  areaTitle: 'Per neighbourhood',
  areaSelect: 'Choose a neighbourhood',
  areaSummary: '{area}: {count} in the {period}.',
  trendTitle: 'Burglaries per month, last 12 months',
  trendLabel: 'Bar chart of burglaries per month in {area}: {values}.',
  fewShort: 'a few',
  tableTitle: 'Table: burglaries per street',
  tableShow: 'Show the figures as a table',
  tableHide: 'Hide the table',
  tableCaption: 'Burglaries per street, {period}. Click a column heading to sort.',
  colStreet: 'Street',
  colCount: 'Burglaries',
  colLast: 'Last (week)',
  colMethods: 'Methods',
  colMap: 'Map',
  showOnMap: 'Show {street} on the map',
  merged: 'counted in the neighbourhood',
  privacy:
    'Privacy: figures per street, never per house. Streets with fewer than {minAddr} homes count in their neighbourhood; small numbers (fewer than {min}) are shown as "a few". Time only by week or month.',
  attribution: 'Map: © OpenStreetMap contributors',
  selectedStreet: 'Selected street',
  aroundStreet: 'area around {street}',
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

/** '2025-W07' -> '7, 2025' style text for "week {week}". */
export function weekText(isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  return m ? `${Number(m[2])} (${m[1]})` : isoWeek;
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
