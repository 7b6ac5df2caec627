/**
 * The factsheet's words in Dutch and English: numbers formatted for the language, intervals and
 * what they can and cannot show, never a verdict. Both languages have the same keys (the
 * compiler checks); server/effect/factsheet-view.ts puts them together.
 */
export type FactsheetLang = 'nl' | 'en';
type Interval = [number, number] | null;

const num =
  (locale: string) =>
  (x: number, digits = 2) =>
    x.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (locale: string) => (x: number) => x.toLocaleString(locale, { maximumFractionDigits: 0 });
const dayOf = (locale: string) => (iso: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));

function words(locale: string) {
  return { dec: num(locale), int: int(locale), day: dayOf(locale) };
}

const NL = words('nl-NL');
const EN = words('en-GB');

/** Every phrase of the factsheet, per language. */
export const FACTSHEET_TEXTS = {
  nl: {
    ...NL,
    interval: (i: Interval) =>
      i ? `95%-interval ${NL.dec(i[0])} tot ${NL.dec(i[1])}` : 'geen interval te geven met deze aantallen',
    reading: (i: Interval, none: 0 | 1) => {
      if (!i) return 'De aantallen zijn te klein om de onzekerheid te begrenzen.';
      if (i[0] <= none && i[1] >= none)
        return `Het interval bevat ${none}: met deze aantallen is een verschil niet te onderscheiden van toeval.`;
      return `Het interval bevat ${none} niet: zo'n verschil is bij deze aantallen onwaarschijnlijk als toeval. De brieven zijn niet willekeurig verstuurd, dus het verschil kan ook komen door waar en wanneer ze verstuurd zijn.`;
    },
    group: (n: number, f: number, rate: string) =>
      `${NL.int(n)} inbraken, ${NL.int(f)} vervolginbraken${rate}`,
    perBurglary: (r: number) => ` (${NL.dec(r)} per inbraak)`,
    followOnWhat: (m: number, d: number) =>
      `Vervolginbraken: inbraken binnen ${NL.int(m)} m en ${NL.int(d)} dagen na een inbraak.`,
    withLetter: (h: number, g: string) => `Buren kregen binnen ${NL.int(h)} uur een brief: ${g}.`,
    withoutLetter: (g: string) => `Buren kregen geen brief: ${g}.`,
    tooFewIndex: (n: number) =>
      `Te weinig om iets over te zeggen: minimaal ${NL.int(n)} inbraken per groep nodig. Er wordt daarom geen verhouding gegeven.`,
    noneZero: 'Zonder brief waren er geen vervolginbraken: een verhouding is niet te geven.',
    ratio: (r: number, i: string, reading: string) =>
      `Verhouding met/zonder brief: ${NL.dec(r)} (${i}). ${reading}`,
    beforeFirst: (from: string, to: string, n: number, f: number, rest: string) =>
      `Vóór de eerste campagne (${from} tot ${to}): ${NL.int(n)} inbraken, ${NL.int(f)} vervolginbraken${rest}.`,
    beforeFirstRate: (r: number, i: string) => ` (${NL.dec(r)} per inbraak, ${i})`,
    treated: (s: number, c: number, b: number, w: number, a: number) =>
      `Straten met brieven (${NL.int(s)} straten, ${NL.int(c)} campagnes): ${NL.int(b)} inbraken in de ${NL.int(w)} weken ervoor, ${NL.int(a)} erna.`,
    comparison: (s: number, b: number, a: number) =>
      `Vergelijkbare straten zonder brief (${NL.int(s)} straten, gekozen op inbraken vooraf en aantal woningen): ${NL.dec(b, 1)} ervoor, ${NL.dec(a, 1)} erna.`,
    tooFewStreets: (n: number) =>
      `Te weinig om iets over te zeggen: minimaal ${NL.int(n)} straten met brieven nodig.`,
    did: (d: number, i: string, reading: string) =>
      `Verschil in verschillen: ${NL.dec(d)} inbraken per straat (${i}). ${reading}`,
    uptake: (d: number, la: number, lr: string, lb: string, na: number, nr: string, nb: string) =>
      `Subsidieaanvragen in de ${NL.int(d)} dagen na een brief: ${NL.int(la)} in straten met brieven (${lr} per 1.000 woningen; ervoor ${lb}), ${NL.int(na)} in straten zonder (${nr} per 1.000 woningen; ervoor ${nb}).`,
    tooFewUptake: 'Te weinig om een verhouding te geven.',
    uptakeRatio: (r: number, i: string, reading: string) => `Verhouding: ${NL.dec(r)} (${i}). ${reading}`,
    inspections: (n: number, done: number, cancelled: number, streets: number) =>
      `${NL.int(n)} schouwen gepland (${NL.int(done)} gelopen, ${NL.int(cancelled)} geannuleerd), ${NL.int(streets)} straten.`,
    findings: (n: number, fixed: number, maint: number, open: number) =>
      `${NL.int(n)} bevindingen: ${NL.int(fixed)} opgelost, ${NL.int(maint)} bij onderhoud gemeld, ${NL.int(open)} open.`,
    evenings: (
      n: number,
      held: number,
      invited: number,
      households: number,
      people: number,
      attended: number,
    ) =>
      `${NL.int(n)} preventieavonden gepland (${NL.int(held)} gehouden), ${NL.int(invited)} uitnodigingen, ${NL.int(households)} huishoudens aangemeld (${NL.int(people)} personen), ${NL.int(attended)} aanwezig.`,
    kinds: {
      cocoon: 'Brieven aan buren na een inbraak',
      evening: 'Uitnodigingen voor een preventieavond',
      victim: 'Adviesbrieven aan slachtoffers',
    } as Record<string, string>,
    caveats: [
      'De brieven zijn niet willekeurig toegewezen: alle vergelijkingen zijn waarnemingen, geen experiment.',
      'Inbraken dicht bij elkaar delen vervolginbraken; de intervallen houden daar niet volledig rekening mee en kunnen te smal zijn.',
      'Een interval dat 1 (verhouding) of 0 (verschil) bevat, betekent: met deze aantallen niet te zeggen, niet: geen effect.',
    ],
    period: (from: string, to: string) => `${from} tot ${to}`,
    mapAlt: (n: number) =>
      `Kaart van de gemeente met de ${NL.int(n)} inbraken van de periode, per vierkant van 100 bij 100 meter: hoe donkerder, hoe meer inbraken.`,
  },
  en: {
    ...EN,
    interval: (i: Interval) =>
      i ? `95% interval ${EN.dec(i[0])} to ${EN.dec(i[1])}` : 'no interval can be given with these numbers',
    reading: (i: Interval, none: 0 | 1) => {
      if (!i) return 'The numbers are too small to bound the uncertainty.';
      if (i[0] <= none && i[1] >= none)
        return `The interval includes ${none}: with these numbers a difference cannot be told from chance.`;
      return `The interval does not include ${none}: such a difference is unlikely to be chance with these numbers. The letters were not sent at random, so the difference can also come from where and when they were sent.`;
    },
    group: (n: number, f: number, rate: string) =>
      `${EN.int(n)} burglaries, ${EN.int(f)} follow-on burglaries${rate}`,
    perBurglary: (r: number) => ` (${EN.dec(r)} per burglary)`,
    followOnWhat: (m: number, d: number) =>
      `Follow-on burglaries: burglaries within ${EN.int(m)} m and ${EN.int(d)} days after a burglary.`,
    withLetter: (h: number, g: string) => `Neighbours got a letter within ${EN.int(h)} hours: ${g}.`,
    withoutLetter: (g: string) => `Neighbours got no letter: ${g}.`,
    tooFewIndex: (n: number) =>
      `Too few to tell: at least ${EN.int(n)} burglaries per group are needed. No ratio is given for that reason.`,
    noneZero: 'Without a letter there were no follow-on burglaries: no ratio can be given.',
    ratio: (r: number, i: string, reading: string) =>
      `Ratio with/without letter: ${EN.dec(r)} (${i}). ${reading}`,
    beforeFirst: (from: string, to: string, n: number, f: number, rest: string) =>
      `Before the first campaign (${from} to ${to}): ${EN.int(n)} burglaries, ${EN.int(f)} follow-on burglaries${rest}.`,
    beforeFirstRate: (r: number, i: string) => ` (${EN.dec(r)} per burglary, ${i})`,
    treated: (s: number, c: number, b: number, w: number, a: number) =>
      `Streets with letters (${EN.int(s)} streets, ${EN.int(c)} campaigns): ${EN.int(b)} burglaries in the ${EN.int(w)} weeks before, ${EN.int(a)} after.`,
    comparison: (s: number, b: number, a: number) =>
      `Comparable streets without a letter (${EN.int(s)} streets, matched on burglaries before and number of homes): ${EN.dec(b, 1)} before, ${EN.dec(a, 1)} after.`,
    tooFewStreets: (n: number) => `Too few to tell: at least ${EN.int(n)} streets with letters are needed.`,
    did: (d: number, i: string, reading: string) =>
      `Difference in differences: ${EN.dec(d)} burglaries per street (${i}). ${reading}`,
    uptake: (d: number, la: number, lr: string, lb: string, na: number, nr: string, nb: string) =>
      `Subsidy applications in the ${EN.int(d)} days after a letter: ${EN.int(la)} in streets with letters (${lr} per 1,000 homes; before ${lb}), ${EN.int(na)} in streets without (${nr} per 1,000 homes; before ${nb}).`,
    tooFewUptake: 'Too few to give a ratio.',
    uptakeRatio: (r: number, i: string, reading: string) => `Ratio: ${EN.dec(r)} (${i}). ${reading}`,
    inspections: (n: number, done: number, cancelled: number, streets: number) =>
      `${EN.int(n)} street inspections planned (${EN.int(done)} walked, ${EN.int(cancelled)} cancelled), ${EN.int(streets)} streets.`,
    findings: (n: number, fixed: number, maint: number, open: number) =>
      `${EN.int(n)} findings: ${EN.int(fixed)} fixed, ${EN.int(maint)} reported to maintenance, ${EN.int(open)} open.`,
    evenings: (
      n: number,
      held: number,
      invited: number,
      households: number,
      people: number,
      attended: number,
    ) =>
      `${EN.int(n)} prevention evenings planned (${EN.int(held)} held), ${EN.int(invited)} invitations, ${EN.int(households)} households signed up (${EN.int(people)} people), ${EN.int(attended)} attended.`,
    kinds: {
      cocoon: 'Letters to neighbours after a burglary',
      evening: 'Invitations to a prevention evening',
      victim: 'Advice letters to victims',
    } as Record<string, string>,
    caveats: [
      'The letters were not assigned at random: every comparison is observational, not an experiment.',
      'Burglaries close together share follow-on burglaries; the intervals do not fully account for that and may be too narrow.',
      'An interval that includes 1 (ratio) or 0 (difference) means: these numbers cannot tell, not: no effect.',
    ],
    period: (from: string, to: string) => `${from} to ${to}`,
    mapAlt: (n: number) =>
      `Map of the municipality with the period's ${EN.int(n)} burglaries, per square of 100 by 100 metres: the darker, the more burglaries.`,
  },
} satisfies Record<FactsheetLang, unknown>;
