/**
 * The council factsheet's content (Dutch): the figures of `GET /api/effect` with their counts,
 * intervals and a plain sentence about what they can and cannot show, never a verdict ("it
 * works"). Pure: formatting and wording are unit-tested (tests/unit/effect-factsheet.test.ts).
 */
import type { FollowOnFigures, MunicipalityEffect } from './effect.service';
import type { LettersSent, MonthCount } from './effect.repo';

const nl = (x: number, digits = 2) =>
  x.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 0 });
const day = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));

/** A 95 % interval in words: "95%-interval 0,41 tot 1,12", or that the data cannot bound it. */
export function intervalNl(i: [number, number] | null): string {
  return i ? `95%-interval ${nl(i[0])} tot ${nl(i[1])}` : 'geen interval te geven met deze aantallen';
}

/** What an interval can tell about a ratio (around 1) or a difference (around 0), in plain words. */
export function readingNl(i: [number, number] | null, none: 0 | 1): string {
  if (!i) return 'De aantallen zijn te klein om de onzekerheid te begrenzen.';
  const what = none === 1 ? '1' : '0';
  if (i[0] <= none && i[1] >= none)
    return `Het interval bevat ${what}: met deze aantallen is een verschil niet te onderscheiden van toeval.`;
  return `Het interval bevat ${what} niet: zo'n verschil is bij deze aantallen onwaarschijnlijk als toeval. De brieven zijn niet willekeurig verstuurd, dus het verschil kan ook komen door waar en wanneer ze verstuurd zijn.`;
}

export interface FactsheetView {
  municipality: string;
  period: string;
  months: { month: string; burglaries: number; yearBefore: number }[];
  totals: { burglaries: number; yearBefore: number };
  letters: { kind: string; campaigns: number; letters: number }[];
  lettersTotal: number;
  followOn: { lines: string[] };
  beforeAfter: { lines: string[] };
  uptake: { lines: string[] };
  inspections: { lines: string[] };
  evenings: string;
  caveats: string[];
  made: string;
}

const KIND_NL: Record<string, string> = {
  cocoon: 'Brieven aan buren na een inbraak',
  evening: 'Uitnodigingen voor een preventieavond',
  victim: 'Adviesbrieven aan slachtoffers',
};

function followOnLines(f: FollowOnFigures): string[] {
  const c = f.current;
  const s = f.settings;
  const group = (g: typeof c.letters) =>
    `${int(g.indexBurglaries)} inbraken, ${int(g.followOns)} vervolginbraken${
      g.rate === null ? '' : ` (${nl(g.rate)} per inbraak)`
    }`;
  const lines = [
    `Vervolginbraken: inbraken binnen ${int(s.distanceM)} m en ${int(s.days)} dagen na een inbraak.`,
    `Buren kregen binnen ${int(s.letterHours)} uur een brief: ${group(c.letters)}.`,
    `Buren kregen geen brief: ${group(c.none)}.`,
  ];
  if (c.status === 'too-few')
    lines.push(
      `Te weinig om iets over te zeggen: minimaal ${int(c.minIndex)} inbraken per groep nodig. Er wordt daarom geen verhouding gegeven.`,
    );
  else if (c.ratio === null)
    lines.push('Zonder brief waren er geen vervolginbraken: een verhouding is niet te geven.');
  else
    lines.push(
      `Verhouding met/zonder brief: ${nl(c.ratio)} (${intervalNl(c.interval)}). ${readingNl(c.interval, 1)}`,
    );
  const b = f.beforeFirstCampaign;
  if (b)
    lines.push(
      `Vóór de eerste campagne (${day(b.from)} tot ${day(b.to)}): ${int(b.figure.indexBurglaries)} inbraken, ${int(
        b.figure.followOns,
      )} vervolginbraken${b.figure.rate === null ? '' : ` (${nl(b.figure.rate)} per inbraak, ${intervalNl(b.figure.interval)})`}.`,
    );
  return lines;
}

/** The factsheet's content from the effect figures and the period's counts. */
export function factsheetView(
  e: MunicipalityEffect,
  months: readonly MonthCount[],
  letters: readonly LettersSent[],
  made: Date,
): FactsheetView {
  const ba = e.beforeAfter.figure;
  const baLines = [
    `Straten met brieven (${int(ba.treated.streets)} straten, ${int(e.beforeAfter.campaigns)} campagnes): ${int(
      ba.treated.before,
    )} inbraken in de ${int(e.beforeAfter.settings.weeks)} weken ervoor, ${int(ba.treated.after)} erna.`,
    `Vergelijkbare straten zonder brief (${int(ba.comparison.streets)} straten, gekozen op inbraken vooraf en aantal woningen): ${nl(
      ba.comparison.before,
      1,
    )} ervoor, ${nl(ba.comparison.after, 1)} erna.`,
  ];
  baLines.push(
    ba.status === 'too-few' || ba.difference === null
      ? `Te weinig om iets over te zeggen: minimaal ${int(ba.minStreets)} straten met brieven nodig.`
      : `Verschil in verschillen: ${nl(ba.difference)} inbraken per straat (${intervalNl(ba.interval)}). ${readingNl(ba.interval, 0)}`,
  );
  const up = e.subsidyUptake.figure;
  const rate = (x: number | null) => (x === null ? '–' : nl(x, 1));
  const upLines = [
    `Subsidieaanvragen in de ${int(e.subsidyUptake.settings.days)} dagen na een brief: ${int(
      up.letters.applicationsAfter,
    )} in straten met brieven (${rate(up.letters.ratePer1000After)} per 1.000 woningen; ervoor ${rate(
      up.letters.ratePer1000Before,
    )}), ${int(up.none.applicationsAfter)} in straten zonder (${rate(up.none.ratePer1000After)} per 1.000 woningen; ervoor ${rate(
      up.none.ratePer1000Before,
    )}).`,
    up.status === 'too-few' || up.ratio === null
      ? 'Te weinig om een verhouding te geven.'
      : `Verhouding: ${nl(up.ratio)} (${intervalNl(up.interval)}). ${readingNl(up.interval, 1)}`,
  ];
  const ins = e.inspections;
  const insLines = [
    `${int(ins.inspections)} schouwen gepland (${int(ins.done)} gelopen, ${int(ins.cancelled)} geannuleerd), ${int(
      ins.streets,
    )} straten.`,
    `${int(ins.findings)} bevindingen: ${int(ins.fixed)} opgelost, ${int(ins.maintenance)} bij onderhoud gemeld, ${int(ins.open)} open.`,
  ];
  return {
    municipality: e.municipality.name,
    period: `${day(e.period.from)} tot ${day(e.period.to)}`,
    months: months.map((m) => ({ ...m })),
    totals: {
      burglaries: months.reduce((s, m) => s + m.burglaries, 0),
      yearBefore: months.reduce((s, m) => s + m.yearBefore, 0),
    },
    letters: letters.map((l) => ({ ...l, kind: KIND_NL[l.kind] ?? l.kind })),
    lettersTotal: letters.reduce((s, l) => s + l.letters, 0),
    followOn: { lines: followOnLines(e.followOn) },
    beforeAfter: { lines: baLines },
    uptake: { lines: upLines },
    inspections: { lines: insLines },
    evenings: 'Preventieavonden en aanmeldingen worden in deze versie nog niet bijgehouden.',
    caveats: [
      'De brieven zijn niet willekeurig toegewezen: alle vergelijkingen zijn waarnemingen, geen experiment.',
      'Inbraken dicht bij elkaar delen vervolginbraken; de intervallen houden daar niet volledig rekening mee en kunnen te smal zijn.',
      'Een interval dat 1 (verhouding) of 0 (verschil) bevat, betekent: met deze aantallen niet te zeggen, niet: geen effect.',
    ],
    made: day(made.toISOString()),
  };
}
