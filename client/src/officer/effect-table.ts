/**
 * The effect figures as a table: the same numbers as the charts and the CSV, per measure a group
 * of rows (label, value, 95 % interval). Where a measure has too few cases its ratio or
 * difference says "too few to tell" with the minimum; the table never states a verdict.
 */
import type { BeforeAfterFigures, MunicipalityEffect, UptakeFigures } from './effect-api';
import { locale, messages } from './i18n';

const t = messages({
  nl: {
    caption: 'Effectcijfers: aantallen, verhoudingen en hun 95%-interval',
    figure: 'Cijfer',
    value: 'Waarde',
    interval: '95%-interval',
    followOn: 'Vervolginbraken (binnen {m} m en {d} dagen)',
    letters: 'Buren kregen een brief',
    none: 'Buren kregen geen brief',
    before: 'Vóór de eerste campagne',
    index: '{group}: inbraken',
    followOns: '{group}: vervolginbraken',
    rate: '{group}: vervolginbraken per inbraak',
    ratio: 'Verhouding met/zonder brief',
    tooFewIndex: 'Te weinig om iets over te zeggen (minimaal {n} inbraken per groep)',
    noneZero: 'Geen verhouding: zonder brief geen vervolginbraken',
    beforeAfter: 'Voor en na ({w} weken), met vergelijkbare straten',
    campaigns: 'Campagnes',
    treatedStreets: 'Straten met brieven',
    comparisonStreets: 'Vergelijkingsstraten',
    treatedBefore: 'Straten met brieven: inbraken ervoor',
    treatedAfter: 'Straten met brieven: inbraken erna',
    comparisonBefore: 'Vergelijkingsstraten: inbraken ervoor',
    comparisonAfter: 'Vergelijkingsstraten: inbraken erna',
    did: 'Verschil in verschillen (inbraken per straat)',
    tooFewStreets: 'Te weinig om iets over te zeggen (minimaal {n} straten met brieven)',
    uptake: 'Subsidieaanvragen ({d} dagen na een brief)',
    uptakeLetters: 'Straten met brieven: aanvragen per 1.000 woningen (ervoor {b})',
    uptakeNone: 'Straten zonder brief: aanvragen per 1.000 woningen (ervoor {b})',
    appsLetters: 'Straten met brieven: aanvragen',
    appsNone: 'Straten zonder brief: aanvragen',
    uptakeRatio: 'Verhouding met/zonder brief',
    tooFewUptake: 'Te weinig om een verhouding te geven (minimaal {n} straten)',
    noInterval: 'niet te begrenzen',
    activities: 'Schouwen en preventieavonden (aantallen)',
    inspections: 'Schouwen gepland / gelopen / geannuleerd',
    findings: 'Bevindingen / opgelost / bij onderhoud / open',
    evenings: 'Preventieavonden gepland / gehouden',
    signups: 'Uitnodigingen / huishoudens aangemeld / personen / aanwezig',
    trial: 'Proef: willekeurig toegewezen buurten',
    assigned: 'Toegewezen: brief / later / geen',
    lettered: 'Daarvan met buurtbrief: brief / later / geen',
    trialLetter: 'Groep brief',
    trialHeld: 'Groep later of geen brief',
  },
  en: {
    caption: 'Effect figures: counts, ratios and their 95% interval',
    figure: 'Figure',
    value: 'Value',
    interval: '95% interval',
    followOn: 'Follow-on burglaries (within {m} m and {d} days)',
    letters: 'Neighbours got a letter',
    none: 'Neighbours got no letter',
    before: 'Before the first campaign',
    index: '{group}: burglaries',
    followOns: '{group}: follow-on burglaries',
    rate: '{group}: follow-ons per burglary',
    ratio: 'Ratio with/without letter',
    tooFewIndex: 'Too few to tell (at least {n} burglaries per group needed)',
    noneZero: 'No ratio: no follow-ons without a letter',
    beforeAfter: 'Before and after ({w} weeks), with comparison streets',
    campaigns: 'Campaigns',
    treatedStreets: 'Streets with letters',
    comparisonStreets: 'Comparison streets',
    treatedBefore: 'Streets with letters: burglaries before',
    treatedAfter: 'Streets with letters: burglaries after',
    comparisonBefore: 'Comparison streets: burglaries before',
    comparisonAfter: 'Comparison streets: burglaries after',
    did: 'Difference in differences (burglaries per street)',
    tooFewStreets: 'Too few to tell (at least {n} streets with letters needed)',
    uptake: 'Subsidy applications ({d} days after a letter)',
    uptakeLetters: 'Streets with letters: applications per 1,000 homes (before {b})',
    uptakeNone: 'Streets without letters: applications per 1,000 homes (before {b})',
    appsLetters: 'Streets with letters: applications',
    appsNone: 'Streets without letters: applications',
    uptakeRatio: 'Ratio with/without letter',
    tooFewUptake: 'Too few to give a ratio (at least {n} streets needed)',
    noInterval: 'cannot be bounded',
    activities: 'Street inspections and prevention evenings (counts)',
    inspections: 'Inspections planned / walked / cancelled',
    findings: 'Findings / fixed / reported to maintenance / open',
    evenings: 'Prevention evenings planned / held',
    signups: 'Invitations / households signed up / people / attended',
    trial: 'Trial: neighbourhoods assigned at random',
    assigned: 'Assigned: letter / late / none',
    lettered: 'Of these with a cocoon letter: letter / late / none',
    trialLetter: 'Letter group',
    trialHeld: 'Late or no letter group',
  },
});

type Interval = [number, number] | null;
/** One line of the table: label, value (a number, or words when there is none), interval. */
export interface EffectLine {
  key: string;
  label: string;
  value: number | string | null;
  digits?: number;
  interval?: Interval;
}
export interface EffectGroup {
  title: string;
  lines: EffectLine[];
}

/** A number in the page's language ("0,25" or "0.25"); '–' for none. */
export const n = (x: number | null, digits = 0): string =>
  x === null
    ? '–'
    : x.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Measure 1 as table lines. */
export function followOnGroup(e: MunicipalityEffect): EffectGroup {
  const f = e.followOn;
  const c = f.current;
  const lines: EffectLine[] = [];
  const add = (key: string, name: string, g: typeof c.letters) =>
    lines.push(
      { key: `${key}-index`, label: t('index', { group: name }), value: g.indexBurglaries },
      { key: `${key}-followons`, label: t('followOns', { group: name }), value: g.followOns },
      {
        key: `${key}-rate`,
        label: t('rate', { group: name }),
        value: g.rate,
        digits: 2,
        interval: g.interval,
      },
    );
  add('letters', t('letters'), c.letters);
  add('none', t('none'), c.none);
  lines.push({
    key: 'ratio',
    label: t('ratio'),
    value:
      c.status === 'too-few'
        ? t('tooFewIndex', { n: c.minIndex })
        : c.ratio === null
          ? t('noneZero')
          : c.ratio,
    digits: 2,
    interval: c.status === 'ok' ? c.interval : undefined,
  });
  if (f.beforeFirstCampaign) add('before', t('before'), f.beforeFirstCampaign.figure);
  return { title: t('followOn', { m: f.settings.distanceM, d: f.settings.days }), lines };
}

/** Measure 4 as table lines: plain counts, no interval. */
export function activitiesGroup(e: MunicipalityEffect): EffectGroup {
  const i = e.inspections;
  const v = e.evenings;
  const join = (...xs: number[]) => xs.map((x) => n(x)).join(' / ');
  return {
    title: t('activities'),
    lines: [
      { key: 'inspections', label: t('inspections'), value: join(i.inspections, i.done, i.cancelled) },
      { key: 'findings', label: t('findings'), value: join(i.findings, i.fixed, i.maintenance, i.open) },
      { key: 'evenings', label: t('evenings'), value: join(v.evenings, v.held) },
      { key: 'signups', label: t('signups'), value: join(v.invited, v.households, v.people, v.attended) },
    ],
  };
}

/** Trial mode's comparison of the randomised groups as table lines (none without a trial). */
export function trialGroup(e: MunicipalityEffect): EffectGroup | undefined {
  const tr = e.followOn.trial;
  if (!tr) return undefined;
  const c = tr.followOn;
  const lines: EffectLine[] = [
    {
      key: 'trial-assigned',
      label: t('assigned'),
      value: `${tr.assigned.letter} / ${tr.assigned.late} / ${tr.assigned.none}`,
    },
    {
      key: 'trial-lettered',
      label: t('lettered'),
      value: `${tr.lettered.letter} / ${tr.lettered.late} / ${tr.lettered.none}`,
    },
  ];
  for (const [key, name, g] of [
    ['trial-letter', t('trialLetter'), c.letters],
    ['trial-held', t('trialHeld'), c.none],
  ] as const)
    lines.push(
      { key: `${key}-index`, label: t('index', { group: name }), value: g.indexBurglaries },
      { key: `${key}-followons`, label: t('followOns', { group: name }), value: g.followOns },
      {
        key: `${key}-rate`,
        label: t('rate', { group: name }),
        value: g.rate,
        digits: 2,
        interval: g.interval,
      },
    );
  lines.push({
    key: 'trial-ratio',
    label: t('ratio'),
    value:
      c.status === 'too-few'
        ? t('tooFewIndex', { n: c.minIndex })
        : c.ratio === null
          ? t('noneZero')
          : c.ratio,
    digits: 2,
    interval: c.status === 'ok' ? c.interval : undefined,
  });
  return { title: t('trial'), lines };
}

/** Measure 2 as table lines. */
export function beforeAfterGroup(b: BeforeAfterFigures): EffectGroup {
  const f = b.figure;
  return {
    title: t('beforeAfter', { w: b.settings.weeks }),
    lines: [
      { key: 'campaigns', label: t('campaigns'), value: b.campaigns },
      { key: 'treated-streets', label: t('treatedStreets'), value: f.treated.streets },
      { key: 'treated-before', label: t('treatedBefore'), value: f.treated.before },
      { key: 'treated-after', label: t('treatedAfter'), value: f.treated.after },
      { key: 'comparison-streets', label: t('comparisonStreets'), value: f.comparison.streets },
      { key: 'comparison-before', label: t('comparisonBefore'), value: f.comparison.before, digits: 1 },
      { key: 'comparison-after', label: t('comparisonAfter'), value: f.comparison.after, digits: 1 },
      {
        key: 'did',
        label: t('did'),
        value:
          f.status === 'too-few' || f.difference === null
            ? t('tooFewStreets', { n: f.minStreets })
            : f.difference,
        digits: 2,
        interval: f.status === 'ok' && f.difference !== null ? f.interval : undefined,
      },
    ],
  };
}

/** Measure 3 as table lines. */
export function uptakeGroup(u: UptakeFigures): EffectGroup {
  const f = u.figure;
  return {
    title: t('uptake', { d: u.settings.days }),
    lines: [
      { key: 'uptake-campaigns', label: t('campaigns'), value: u.campaigns },
      { key: 'apps-letters', label: t('appsLetters'), value: f.letters.applicationsAfter },
      { key: 'apps-none', label: t('appsNone'), value: f.none.applicationsAfter },
      {
        key: 'rate-letters',
        label: t('uptakeLetters', { b: n(f.letters.ratePer1000Before, 1) }),
        value: f.letters.ratePer1000After,
        digits: 1,
      },
      {
        key: 'rate-none',
        label: t('uptakeNone', { b: n(f.none.ratePer1000Before, 1) }),
        value: f.none.ratePer1000After,
        digits: 1,
      },
      {
        key: 'uptake-ratio',
        label: t('uptakeRatio'),
        value: f.status === 'too-few' || f.ratio === null ? t('tooFewUptake', { n: f.minStreets }) : f.ratio,
        digits: 2,
        interval: f.status === 'ok' && f.ratio !== null ? f.interval : undefined,
      },
    ],
  };
}

/** The groups as one table (a tbody per measure, its title as a row heading over the rows). */
export function effectTable(groups: EffectGroup[]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'pk-table pk-effect-table';
  table.id = 'pk-effect-table';
  const cap = document.createElement('caption');
  cap.textContent = t('caption');
  const head = document.createElement('tr');
  for (const [text, num] of [
    [t('figure'), false],
    [t('value'), true],
    [t('interval'), true],
  ] as const) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (num) th.className = 'pk-num';
    th.textContent = text;
    head.appendChild(th);
  }
  const thead = document.createElement('thead');
  thead.appendChild(head);
  table.append(cap, thead);
  for (const g of groups) {
    const body = document.createElement('tbody');
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'colgroup';
    th.colSpan = 3;
    th.className = 'pk-effect-group';
    th.textContent = g.title;
    tr.appendChild(th);
    body.appendChild(tr);
    for (const l of g.lines) {
      const row = document.createElement('tr');
      row.dataset.key = l.key;
      const label = document.createElement('th');
      label.scope = 'row';
      label.textContent = l.label;
      const value = document.createElement('td');
      value.className = typeof l.value === 'string' ? '' : 'pk-num';
      value.textContent = typeof l.value === 'string' ? l.value : n(l.value, l.digits);
      if (typeof l.value === 'number') value.dataset.value = String(l.value);
      const interval = document.createElement('td');
      interval.className = 'pk-num';
      interval.textContent =
        l.interval === undefined
          ? ''
          : l.interval === null
            ? t('noInterval')
            : `${n(l.interval[0], l.digits)} – ${n(l.interval[1], l.digits)}`;
      row.append(label, value, interval);
      body.appendChild(row);
    }
    table.appendChild(body);
  }
  return table;
}
