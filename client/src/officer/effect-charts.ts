/**
 * The effect section's charts, drawn with uPlot (canvas): burglaries per month against the year
 * before, follow-ons per burglary by group with their 95 % intervals, and the before/after lines
 * of streets with letters and their comparison streets. Each chart is a figure whose caption and
 * text alternative say what it shows; the numbers themselves are in the table beside it.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { BeforeAfterFigures, MunicipalityEffect } from './effect-api';
import { n } from './effect-table';
import { locale, messages } from './i18n';

const t = messages({
  nl: {
    months: 'Inbraken per maand',
    monthsAlt:
      'Lijndiagram: inbraken per maand van de periode (doorgetrokken) en hetzelfde jaar ervoor (gestreept). De aantallen staan in de tabel.',
    period: 'Deze periode',
    yearBefore: 'Een jaar eerder',
    rates: 'Vervolginbraken per inbraak, met 95%-interval',
    ratesAlt:
      'Staafdiagram: vervolginbraken per inbraak per groep, met het 95%-interval als lijn. De aantallen staan in de tabel.',
    letters: 'Met brief',
    none: 'Zonder brief',
    before: 'Vóór 1e campagne',
    beforeAfter: 'Inbraken voor en na de brieven',
    beforeAfterAlt:
      'Lijndiagram: inbraken in de weken voor en na de brieven in straten met brieven (doorgetrokken) en vergelijkbare straten (gestreept). De aantallen staan in de tabel.',
    treated: 'Straten met brieven',
    comparison: 'Vergelijkingsstraten',
    beforeX: 'Ervoor',
    afterX: 'Erna',
  },
  en: {
    months: 'Burglaries per month',
    monthsAlt:
      'Line chart: burglaries per month of the period (solid) and the year before (dashed). The counts are in the table.',
    period: 'This period',
    yearBefore: 'A year earlier',
    rates: 'Follow-on burglaries per burglary, with 95% interval',
    ratesAlt:
      'Bar chart: follow-on burglaries per burglary by group, with the 95% interval as a line. The counts are in the table.',
    letters: 'With letter',
    none: 'Without letter',
    before: 'Before 1st campaign',
    beforeAfter: 'Burglaries before and after the letters',
    beforeAfterAlt:
      'Line chart: burglaries in the weeks before and after the letters in streets with letters (solid) and comparison streets (dashed). The counts are in the table.',
    treated: 'Streets with letters',
    comparison: 'Comparison streets',
    beforeX: 'Before',
    afterX: 'After',
  },
});

const BLUE = '#1d5fa0';
const ORANGE = '#a24b00';
const GREY = '#555555';
const HEIGHT = 180;

/** A figure with a caption, a legend in text and the chart's canvas as an image with a text alternative. */
function figure(id: string, caption: string, alt: string, legend: Array<[string, string, boolean]>) {
  const fig = document.createElement('figure');
  fig.className = 'pk-effect-chart';
  fig.id = id;
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  const plot = document.createElement('div');
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', alt);
  const keys = document.createElement('ul');
  keys.className = 'pk-effect-legend';
  for (const [label, color, dashed] of legend) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'pk-effect-swatch';
    swatch.style.borderTop = `3px ${dashed ? 'dashed' : 'solid'} ${color}`;
    swatch.setAttribute('aria-hidden', 'true');
    li.append(swatch, label);
    keys.appendChild(li);
  }
  fig.append(cap, plot, keys);
  return { fig, plot };
}

const baseOpts = (width: number): Pick<uPlot.Options, 'width' | 'height' | 'legend' | 'cursor'> => ({
  width,
  height: HEIGHT,
  legend: { show: false },
  cursor: { show: false },
});

/** Burglaries per month against the same months a year before. */
export function monthsChart(e: MunicipalityEffect, width: number): HTMLElement {
  const { fig, plot } = figure('pk-effect-months', t('months'), t('monthsAlt'), [
    [t('period'), BLUE, false],
    [t('yearBefore'), GREY, true],
  ]);
  const xs = e.months.map((_, i) => i);
  const label = (i: number) => {
    const m = e.months[i]?.month;
    return m
      ? new Date(`${m}-15T12:00:00Z`).toLocaleDateString(locale(), { month: 'short', year: '2-digit' })
      : '';
  };
  new uPlot(
    {
      ...baseOpts(width),
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [{ values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? label(s) : '')) }, {}],
      series: [
        {},
        { label: t('period'), stroke: BLUE, width: 2 },
        { label: t('yearBefore'), stroke: GREY, width: 2, dash: [6, 4] },
      ],
    },
    [xs, e.months.map((m) => m.burglaries), e.months.map((m) => m.yearBefore)],
    plot,
  );
  return fig;
}

/** Follow-ons per burglary by group, the interval drawn as a whisker over each bar. */
export function ratesChart(e: MunicipalityEffect, width: number): HTMLElement {
  const c = e.followOn.current;
  const groups = [
    { label: t('letters'), g: c.letters },
    { label: t('none'), g: c.none },
    ...(e.followOn.beforeFirstCampaign
      ? [{ label: t('before'), g: e.followOn.beforeFirstCampaign.figure }]
      : []),
  ];
  const { fig, plot } = figure('pk-effect-rates', t('rates'), t('ratesAlt'), [[t('rates'), BLUE, false]]);
  const top = Math.max(0.1, ...groups.map(({ g }) => Math.max(g.rate ?? 0, g.interval?.[1] ?? 0)));
  const whiskers = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 2 * uPlot.pxRatio;
    groups.forEach(({ g }, i) => {
      if (!g.interval) return;
      const x = u.valToPos(i, 'x', true);
      const [y0, y1] = [u.valToPos(g.interval[0], 'y', true), u.valToPos(g.interval[1], 'y', true)];
      const w = 8 * uPlot.pxRatio;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
      ctx.moveTo(x - w, y0);
      ctx.lineTo(x + w, y0);
      ctx.moveTo(x - w, y1);
      ctx.lineTo(x + w, y1);
      ctx.stroke();
    });
    ctx.restore();
  };
  new uPlot(
    {
      ...baseOpts(width),
      scales: { x: { time: false, range: [-0.6, groups.length - 0.4] }, y: { range: [0, top * 1.15] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (groups[s]?.label ?? '') : '')) },
        { values: (_u, splits) => splits.map((s) => n(s, 2)) },
      ],
      series: [
        {},
        {
          label: t('rates'),
          stroke: BLUE,
          fill: `${BLUE}99`,
          paths: uPlot.paths.bars!({ size: [0.5, 80] }),
          points: { show: false },
        },
      ],
      hooks: { draw: [whiskers] },
    },
    [groups.map((_, i) => i), groups.map(({ g }) => g.rate)],
    plot,
  );
  return fig;
}

/** Burglaries before and after in streets with letters and in their comparison streets. */
export function beforeAfterChart(b: BeforeAfterFigures, width: number): HTMLElement {
  const f = b.figure;
  const { fig, plot } = figure('pk-effect-before-after', t('beforeAfter'), t('beforeAfterAlt'), [
    [t('treated'), BLUE, false],
    [t('comparison'), ORANGE, true],
  ]);
  const top = Math.max(1, f.treated.before, f.treated.after, f.comparison.before, f.comparison.after);
  new uPlot(
    {
      ...baseOpts(width),
      scales: { x: { time: false, range: [-0.2, 1.2] }, y: { range: [0, top * 1.15] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => (s === 0 ? t('beforeX') : s === 1 ? t('afterX') : '')) },
        {},
      ],
      series: [
        {},
        { label: t('treated'), stroke: BLUE, width: 2, points: { size: 8 } },
        { label: t('comparison'), stroke: ORANGE, width: 2, dash: [6, 4], points: { size: 8 } },
      ],
    },
    [
      [0, 1],
      [f.treated.before, f.treated.after],
      [f.comparison.before, f.comparison.after],
    ],
    plot,
  );
  return fig;
}
