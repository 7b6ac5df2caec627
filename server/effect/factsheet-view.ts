/**
 * The council factsheet's content in Dutch or English: the figures of `GET /api/effect` with
 * their counts, intervals and a plain sentence about what they can and cannot show, never a
 * verdict ("it works"). The words are in factsheet-texts.ts. Pure: formatting and wording are
 * unit-tested (tests/unit/effect-factsheet.test.ts).
 */
import type { FollowOnFigures, MunicipalityEffect } from './effect.service';
import type { LettersSent, MonthCount } from './effect.repo';
import { FACTSHEET_TEXTS, type FactsheetLang } from './factsheet-texts';

export type { FactsheetLang };

/** A 95 % interval in Dutch words: "95%-interval 0,41 tot 1,12", or that the data cannot bound it. */
export function intervalNl(i: [number, number] | null): string {
  return FACTSHEET_TEXTS.nl.interval(i);
}

/** What an interval can tell about a ratio (around 1) or a difference (around 0), in plain Dutch. */
export function readingNl(i: [number, number] | null, none: 0 | 1): string {
  return FACTSHEET_TEXTS.nl.reading(i, none);
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
  /** The map of where the burglaries were (a PNG data URL), or '' when it could not be drawn. */
  mapImage: string;
  /** The map's text alternative. */
  mapAlt: string;
}

type Texts = (typeof FACTSHEET_TEXTS)[FactsheetLang];

function followOnLines(f: FollowOnFigures, w: Texts): string[] {
  const c = f.current;
  const s = f.settings;
  const group = (g: typeof c.letters) =>
    w.group(g.indexBurglaries, g.followOns, g.rate === null ? '' : w.perBurglary(g.rate));
  const lines = [
    w.followOnWhat(s.distanceM, s.days),
    w.withLetter(s.letterHours, group(c.letters)),
    w.withoutLetter(group(c.none)),
  ];
  if (c.status === 'too-few') lines.push(w.tooFewIndex(c.minIndex));
  else if (c.ratio === null) lines.push(w.noneZero);
  else lines.push(w.ratio(c.ratio, w.interval(c.interval), w.reading(c.interval, 1)));
  const b = f.beforeFirstCampaign;
  if (b)
    lines.push(
      w.beforeFirst(
        w.day(b.from),
        w.day(b.to),
        b.figure.indexBurglaries,
        b.figure.followOns,
        b.figure.rate === null ? '' : w.beforeFirstRate(b.figure.rate, w.interval(b.figure.interval)),
      ),
    );
  return lines;
}

/** The factsheet's content from the effect figures and the period's counts. */
export function factsheetView(
  e: MunicipalityEffect,
  months: readonly MonthCount[],
  letters: readonly LettersSent[],
  made: Date,
  lang: FactsheetLang = 'nl',
  mapImage = '',
): FactsheetView {
  const w: Texts = FACTSHEET_TEXTS[lang];
  const ba = e.beforeAfter.figure;
  const baLines = [
    w.treated(
      ba.treated.streets,
      e.beforeAfter.campaigns,
      ba.treated.before,
      e.beforeAfter.settings.weeks,
      ba.treated.after,
    ),
    w.comparison(ba.comparison.streets, ba.comparison.before, ba.comparison.after),
    ba.status === 'too-few' || ba.difference === null
      ? w.tooFewStreets(ba.minStreets)
      : w.did(ba.difference, w.interval(ba.interval), w.reading(ba.interval, 0)),
  ];
  const up = e.subsidyUptake.figure;
  const rate = (x: number | null) => (x === null ? '–' : w.dec(x, 1));
  const upLines = [
    w.uptake(
      e.subsidyUptake.settings.days,
      up.letters.applicationsAfter,
      rate(up.letters.ratePer1000After),
      rate(up.letters.ratePer1000Before),
      up.none.applicationsAfter,
      rate(up.none.ratePer1000After),
      rate(up.none.ratePer1000Before),
    ),
    up.status === 'too-few' || up.ratio === null
      ? w.tooFewUptake
      : w.uptakeRatio(up.ratio, w.interval(up.interval), w.reading(up.interval, 1)),
  ];
  const ins = e.inspections;
  const burglaries = months.reduce((s, m) => s + m.burglaries, 0);
  return {
    municipality: e.municipality.name,
    period: w.period(w.day(e.period.from), w.day(e.period.to)),
    months: months.map((m) => ({ ...m })),
    totals: { burglaries, yearBefore: months.reduce((s, m) => s + m.yearBefore, 0) },
    letters: letters.map((l) => ({ ...l, kind: w.kinds[l.kind] ?? l.kind })),
    lettersTotal: letters.reduce((s, l) => s + l.letters, 0),
    followOn: { lines: followOnLines(e.followOn, w) },
    beforeAfter: { lines: baLines },
    uptake: { lines: upLines },
    inspections: {
      lines: [
        w.inspections(ins.inspections, ins.done, ins.cancelled, ins.streets),
        w.findings(ins.findings, ins.fixed, ins.maintenance, ins.open),
      ],
    },
    evenings: w.evenings(
      e.evenings.evenings,
      e.evenings.held,
      e.evenings.invited,
      e.evenings.households,
      e.evenings.people,
      e.evenings.attended,
    ),
    caveats: [...w.caveats],
    made: w.day(made.toISOString()),
    mapImage,
    mapAlt: w.mapAlt(burglaries),
  };
}
