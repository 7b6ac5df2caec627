/** The factsheet's wording: intervals in plain Dutch, "too few" instead of a ratio, never a verdict. */
import fs from 'node:fs';
import path from 'node:path';
import { factsheetDocument } from '../../server/effect/factsheet-template';
import { factsheetView, intervalNl, readingNl, type FactsheetView } from '../../server/effect/factsheet-view';
import type { MunicipalityEffect } from '../../server/effect/effect.service';

test('intervals and what they can show', () => {
  expect(intervalNl([0.412, 1.125])).toBe('95%-interval 0,41 tot 1,13');
  expect(intervalNl(null)).toMatch(/geen interval/);
  expect(readingNl([0.4, 1.1], 1)).toMatch(/bevat 1: .*niet te onderscheiden van toeval/);
  expect(readingNl([0.3, 0.8], 1)).toMatch(/bevat 1 niet.*niet willekeurig verstuurd/);
  expect(readingNl([-0.5, -0.1], 0)).toMatch(/bevat 0 niet/);
});

const group = (n: number, f: number) => ({
  indexBurglaries: n,
  followOns: f,
  rate: n ? f / n : null,
  interval: null,
});

function effect(status: 'ok' | 'too-few'): MunicipalityEffect {
  return {
    municipality: { code: 'GM0503', name: 'Delft' },
    period: { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
    followOn: {
      settings: { distanceM: 200, days: 14, letterHours: 48, minIndex: 20 },
      period: { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
      current: {
        letters: group(status === 'ok' ? 40 : 8, 12),
        none: group(120, 60),
        status,
        minIndex: 20,
        ratio: status === 'ok' ? 0.6 : null,
        interval: status === 'ok' ? [0.35, 1.02] : null,
        seed: 1,
        replicates: 2000,
      },
      beforeFirstCampaign: null,
      trial: null,
    },
    beforeAfter: {
      settings: { weeks: 8, minStreets: 10, matches: 3 },
      campaigns: 3,
      figure: {
        status: 'too-few',
        minStreets: 10,
        treated: { streets: 4, before: 5, after: 2 },
        comparison: { streets: 9, before: 5, after: 4 },
        difference: null,
        interval: null,
        seed: 1,
      },
    },
    subsidyUptake: {
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
    },
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
    months: [],
    evenings: { evenings: 2, held: 1, cancelled: 0, invited: 120, households: 14, people: 23, attended: 19 },
    notes: [],
  };
}

test('too few: no ratio, the counts and the minimum instead', () => {
  const v = factsheetView(effect('too-few'), [], [], new Date('2026-07-02T10:00:00Z'));
  const text = v.followOn.lines.join(' ');
  expect(text).toContain(
    'Buren kregen binnen 48 uur een brief: 8 inbraken, 12 vervolginbraken (1,50 per inbraak)',
  );
  expect(text).toMatch(/Te weinig om iets over te zeggen: minimaal 20 inbraken per groep/);
  expect(text).not.toMatch(/Verhouding/);
  expect(v.beforeAfter.lines.join(' ')).toMatch(/Te weinig/);
});

test('a ratio with its interval and the plain reading; never a verdict', () => {
  const v = factsheetView(
    effect('ok'),
    [{ month: '2026-01', burglaries: 12, yearBefore: 15 }],
    [{ kind: 'cocoon', campaigns: 3, letters: 180 }],
    new Date('2026-07-02T10:00:00Z'),
  );
  expect(v.followOn.lines.join(' ')).toContain(
    'Verhouding met/zonder brief: 0,60 (95%-interval 0,35 tot 1,02). Het interval bevat 1',
  );
  expect(v.totals).toEqual({ burglaries: 12, yearBefore: 15 });
  expect(v.lettersTotal).toBe(180);
  const html = factsheetDocument(v);
  expect(html).toContain('Brieven aan buren na een inbraak: 3 campagnes, 180 brieven');
  expect(html).not.toMatch(/het werkt|werkt niet/i);
});

test('the example view (templates/effect/factsheet.nl.example.json) fills the template in strict mode', () => {
  const file = path.join(__dirname, '../../templates/effect/factsheet.nl.example.json');
  const view = JSON.parse(fs.readFileSync(file, 'utf8')) as FactsheetView;
  expect(factsheetDocument(view)).toContain(view.municipality);
});

test('in English: the same figures in English words, English number format, no Dutch left', () => {
  const v = factsheetView(
    effect('ok'),
    [{ month: '2026-01', burglaries: 12, yearBefore: 15 }],
    [{ kind: 'cocoon', campaigns: 3, letters: 1800 }],
    new Date('2026-07-02T10:00:00Z'),
    'en',
  );
  expect(v.followOn.lines.join(' ')).toContain(
    'Ratio with/without letter: 0.60 (95% interval 0.35 to 1.02). The interval includes 1',
  );
  expect(v.followOn.lines.join(' ')).toContain(
    'Neighbours got a letter within 48 hours: 40 burglaries, 12 follow-on burglaries (0.30 per burglary)',
  );
  expect(v.period).toBe('1 January 2026 to 1 July 2026');
  expect(v.evenings).toBe(
    '2 prevention evenings planned (1 held), 120 invitations, 14 households signed up (23 people), 19 attended.',
  );
  const html = factsheetDocument(v, 'en');
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('Letters to neighbours after a burglary: 3 campaigns, 1800 letters');
  expect(html).not.toMatch(/inbraken|brieven|Gemeente|it works/i);
  const tooFew = factsheetView(effect('too-few'), [], [], new Date('2026-07-02T10:00:00Z'), 'en');
  expect(tooFew.followOn.lines.join(' ')).toMatch(/Too few to tell: at least 20 burglaries per group/);
  // templates/effect/factsheet.en.example.json is this view (REGEN=1 rewrites it).
  const file = path.join(__dirname, '../../templates/effect/factsheet.en.example.json');
  if (process.env.REGEN) fs.writeFileSync(file, `${JSON.stringify(v, null, 2)}\n`);
  const example = JSON.parse(fs.readFileSync(file, 'utf8')) as FactsheetView;
  expect(factsheetDocument(example, 'en')).toContain(example.municipality);
});
