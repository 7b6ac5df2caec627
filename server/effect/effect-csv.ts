/**
 * The effect figures as CSV (the officers' page "Effect" section offers it beside its charts and
 * table): one line per number, in the long form a spreadsheet pivots easily, with the 95 %
 * interval beside the figure it belongs to and the status ("too-few") of its measure. The same
 * numbers as `GET /api/effect` (or one campaign's), nothing else: no address, no incident id.
 * Pure: tested in tests/unit/effect-csv.test.ts.
 */
import { csvCell } from '../core/csv';
import type {
  BeforeAfterFigures,
  FollowOnFigures,
  MunicipalityEffect,
  UptakeFigures,
} from './effect.service';
import type { MonthCount } from './effect.repo';

type Interval = [number, number] | null;

/** One line: measure, group, quantity, value, interval low, interval high, status. */
export type EffectCsvRow = [string, string, string, number | null, number | null, number | null, string];

export const EFFECT_CSV_HEAD = ['measure', 'group', 'quantity', 'value', 'ci95_low', 'ci95_high', 'status'];

const row = (
  measure: string,
  group: string,
  quantity: string,
  value: number | null,
  interval: Interval = null,
  status = '',
): EffectCsvRow => [measure, group, quantity, value, interval?.[0] ?? null, interval?.[1] ?? null, status];

/** Measure 1 (follow-on rate), and the stretch before the first campaign when there is one. */
export function followOnRows(f: FollowOnFigures): EffectCsvRow[] {
  const c = f.current;
  const m = 'follow-on';
  const rows: EffectCsvRow[] = [];
  for (const [name, g] of [
    ['letters', c.letters],
    ['none', c.none],
  ] as const)
    rows.push(
      row(m, name, 'index_burglaries', g.indexBurglaries, null, c.status),
      row(m, name, 'follow_ons', g.followOns, null, c.status),
      row(m, name, 'follow_ons_per_index', g.rate, g.interval, c.status),
    );
  rows.push(row(m, 'letters/none', 'ratio', c.ratio, c.interval, c.status));
  const tr = f.trial;
  if (tr) {
    const t = 'trial';
    for (const arm of ['letter', 'late', 'none'] as const)
      rows.push(
        row(t, arm, 'assigned', tr.assigned[arm]),
        row(t, arm, 'got_cocoon_letter', tr.lettered[arm]),
      );
    const c2 = tr.followOn;
    for (const [name, g] of [
      ['letter', c2.letters],
      ['held-back', c2.none],
    ] as const)
      rows.push(
        row(t, name, 'index_burglaries', g.indexBurglaries, null, c2.status),
        row(t, name, 'follow_ons', g.followOns, null, c2.status),
        row(t, name, 'follow_ons_per_index', g.rate, g.interval, c2.status),
      );
    rows.push(row(t, 'letter/held-back', 'ratio', c2.ratio, c2.interval, c2.status));
  }
  const b = f.beforeFirstCampaign;
  if (b)
    rows.push(
      row(m, 'before-first-campaign', 'index_burglaries', b.figure.indexBurglaries),
      row(m, 'before-first-campaign', 'follow_ons', b.figure.followOns),
      row(m, 'before-first-campaign', 'follow_ons_per_index', b.figure.rate, b.figure.interval),
    );
  return rows;
}

/** Measure 2 (before and after, matched comparison streets). */
export function beforeAfterRows(b: BeforeAfterFigures): EffectCsvRow[] {
  const f = b.figure;
  const m = 'before-after';
  return [
    row(m, 'all', 'campaigns', b.campaigns, null, f.status),
    row(m, 'letters', 'streets', f.treated.streets, null, f.status),
    row(m, 'letters', 'burglaries_before', f.treated.before, null, f.status),
    row(m, 'letters', 'burglaries_after', f.treated.after, null, f.status),
    row(m, 'comparison', 'streets', f.comparison.streets, null, f.status),
    row(m, 'comparison', 'burglaries_before', f.comparison.before, null, f.status),
    row(m, 'comparison', 'burglaries_after', f.comparison.after, null, f.status),
    row(m, 'letters-comparison', 'difference_in_differences', f.difference, f.interval, f.status),
  ];
}

/** Measure 3 (subsidy uptake). */
export function uptakeRows(u: UptakeFigures): EffectCsvRow[] {
  const f = u.figure;
  const m = 'subsidy-uptake';
  const rows: EffectCsvRow[] = [row(m, 'all', 'campaigns', u.campaigns, null, f.status)];
  for (const [name, g] of [
    ['letters', f.letters],
    ['none', f.none],
  ] as const)
    rows.push(
      row(m, name, 'streets', g.streets, null, f.status),
      row(m, name, 'addresses', g.addresses, null, f.status),
      row(m, name, 'applications_before', g.applicationsBefore, null, f.status),
      row(m, name, 'applications_after', g.applicationsAfter, null, f.status),
      row(m, name, 'per_1000_addresses_after', g.ratePer1000After, null, f.status),
    );
  rows.push(row(m, 'letters/none', 'ratio', f.ratio, f.interval, f.status));
  return rows;
}

/** Measure 4: street inspections and prevention evenings, plain counts. */
export function activityRows(e: Pick<MunicipalityEffect, 'inspections' | 'evenings'>): EffectCsvRow[] {
  return [
    ...Object.entries(e.inspections).map(([k, v]) => row('inspections', 'all', k, v)),
    ...Object.entries(e.evenings).map(([k, v]) => row('evenings', 'all', k, v)),
  ];
}

/** Burglaries per month beside the same month a year before. */
export function monthRows(months: readonly MonthCount[]): EffectCsvRow[] {
  return months.flatMap((mo) => [
    row('burglaries-per-month', mo.month, 'burglaries', mo.burglaries),
    row('burglaries-per-month', mo.month, 'year_before', mo.yearBefore),
  ]);
}

/** A number as a spreadsheet reads it (a number cannot be a formula: no guard needed). */
function cell(v: string | number | null): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
  return csvCell(v);
}

/** The CSV document (UTF-8 with BOM for spreadsheets, CRLF lines). */
export function effectCsv(rows: readonly EffectCsvRow[]): string {
  const lines = [EFFECT_CSV_HEAD, ...rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
