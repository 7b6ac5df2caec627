/** The effect CSV: one line per number with its interval and status; numbers never guarded, text always. */
import {
  activityRows,
  beforeAfterRows,
  effectCsv,
  followOnRows,
  monthRows,
  uptakeRows,
} from '../../server/effect/effect-csv';
import type { BeforeAfterFigures, FollowOnFigures, UptakeFigures } from '../../server/effect/effect.service';

const followOn: FollowOnFigures = {
  settings: { distanceM: 200, days: 14, letterHours: 48, minIndex: 20 },
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
  current: {
    letters: { indexBurglaries: 40, followOns: 12, rate: 0.3, interval: [0.15, 0.475] },
    none: { indexBurglaries: 120, followOns: 60, rate: 0.5, interval: [0.38, 0.63] },
    status: 'ok',
    minIndex: 20,
    ratio: 0.6,
    interval: [0.35, 1.0249999],
    seed: 1,
    replicates: 2000,
  },
  beforeFirstCampaign: {
    from: '2025-01-01T00:00:00.000Z',
    to: '2025-07-01T00:00:00.000Z',
    figure: { indexBurglaries: 90, followOns: 30, rate: 1 / 3, interval: [0.2, 0.5] },
  },
  trial: null,
};

const beforeAfter: BeforeAfterFigures = {
  settings: { weeks: 8, minStreets: 10, matches: 3 },
  campaigns: 3,
  figure: {
    status: 'ok',
    minStreets: 10,
    treated: { streets: 14, before: 9, after: 4 },
    comparison: { streets: 30, before: 9, after: 8.5 },
    difference: -0.25,
    interval: [-0.6, 0.1],
    seed: 1,
  },
};

const uptake: UptakeFigures = {
  settings: { days: 90, minStreets: 10 },
  campaigns: 3,
  figure: {
    status: 'too-few',
    minStreets: 10,
    letters: {
      streets: 4,
      addresses: 200,
      applicationsBefore: 1,
      applicationsAfter: 3,
      ratePer1000After: 15,
      ratePer1000Before: 5,
    },
    none: {
      streets: 90,
      addresses: 8000,
      applicationsBefore: 20,
      applicationsAfter: 24,
      ratePer1000After: 3,
      ratePer1000Before: 2.5,
    },
    ratio: null,
    interval: null,
    seed: 1,
  },
};

const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

test('every figure is a line with its interval and status', () => {
  const csv = effectCsv([
    ...followOnRows(followOn),
    ...beforeAfterRows(beforeAfter),
    ...uptakeRows(uptake),
    ...monthRows([{ month: '2026-01', burglaries: 12, yearBefore: 15 }]),
  ]);
  expect(csv.startsWith('\uFEFFmeasure,group,quantity,value,ci95_low,ci95_high,status\r\n')).toBe(true);
  const lines = parse(csv);
  const find = (m: string, g: string, q: string) => lines.find((l) => l[0] === m && l[1] === g && l[2] === q);
  expect(find('follow-on', 'letters', 'index_burglaries')).toEqual([
    'follow-on',
    'letters',
    'index_burglaries',
    '40',
    '',
    '',
    'ok',
  ]);
  expect(find('follow-on', 'letters/none', 'ratio')).toEqual([
    'follow-on',
    'letters/none',
    'ratio',
    '0.6',
    '0.35',
    '1.025',
    'ok',
  ]);
  expect(find('follow-on', 'before-first-campaign', 'follow_ons_per_index')?.[3]).toBe('0.333333');
  // A negative number stays a number (no apostrophe: it cannot be a formula).
  expect(find('before-after', 'letters-comparison', 'difference_in_differences')).toEqual([
    'before-after',
    'letters-comparison',
    'difference_in_differences',
    '-0.25',
    '-0.6',
    '0.1',
    'ok',
  ]);
  // Too few: the counts are there, the ratio is empty.
  expect(find('subsidy-uptake', 'letters/none', 'ratio')).toEqual([
    'subsidy-uptake',
    'letters/none',
    'ratio',
    '',
    '',
    '',
    'too-few',
  ]);
  expect(find('burglaries-per-month', '2026-01', 'year_before')?.[3]).toBe('15');
});

test('no line without a measure; nothing personal to leak (only counts)', () => {
  const lines = parse(effectCsv(followOnRows({ ...followOn, beforeFirstCampaign: null })));
  expect(lines).toHaveLength(1 + 7);
  for (const l of lines.slice(1)) expect(l).toHaveLength(7);
});

test('measure 4: inspections and evenings as plain counts', () => {
  const lines = parse(
    effectCsv(
      activityRows({
        inspections: {
          inspections: 2,
          done: 1,
          cancelled: 0,
          streets: 7,
          findings: 5,
          fixed: 2,
          maintenance: 1,
          open: 2,
        },
        evenings: {
          evenings: 3,
          held: 2,
          cancelled: 1,
          invited: 150,
          households: 20,
          people: 31,
          attended: 25,
        },
      }),
    ),
  );
  expect(lines).toContainEqual(['inspections', 'all', 'findings', '5', '', '', '']);
  expect(lines).toContainEqual(['evenings', 'all', 'households', '20', '', '', '']);
  expect(lines).toHaveLength(1 + 8 + 7);
});
