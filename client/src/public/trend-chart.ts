/**
 * A plain SVG bar chart of burglaries per month (12 bars). "A few" months get a hatched low
 * bar without a number, never a zero. The chart has a text alternative (role="img" + label)
 * and the numbers are also in a list beside it.
 */
import type { PublicCount } from './api';
import { monthText, t } from './i18n';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function valueText(c: PublicCount): string {
  return c.few ? t('fewShort') : String(c.count ?? 0);
}

export function trendChart(trend: Array<{ month: string } & PublicCount>, areaName: string, minCount: number): SVGSVGElement {
  const w = 320;
  const h = 140;
  const pad = { l: 24, r: 4, t: 14, b: 24 };
  const max = Math.max(minCount, ...trend.map((x) => x.count ?? 0));
  const bw = (w - pad.l - pad.r) / Math.max(1, trend.length);
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', role: 'img', class: 'pk-trend' });
  svg.setAttribute('aria-label', t('trendLabel', { area: areaName, values: trend.map((x) => `${monthText(x.month)} ${valueText(x)}`).join(', ') }));
  const defs = el('defs', {});
  const pattern = el('pattern', { id: 'pk-hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.appendChild(el('rect', { width: 2, height: 4, fill: '#c0562f' }));
  defs.appendChild(pattern);
  svg.appendChild(defs);
  svg.appendChild(el('line', { x1: pad.l, x2: w - pad.r, y1: y(0), y2: y(0), stroke: '#555', 'stroke-width': 1 }));
  const maxLabel = el('text', { x: pad.l - 4, y: y(max) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#333' });
  maxLabel.textContent = String(max);
  svg.appendChild(maxLabel);
  trend.forEach((m, i) => {
    const x = pad.l + i * bw + 2;
    const v = m.few ? Math.max(1, (minCount - 1) / 2) : (m.count ?? 0);
    if (v > 0) {
      svg.appendChild(el('rect', { x, y: y(v), width: bw - 4, height: y(0) - y(v), fill: m.few ? 'url(#pk-hatch)' : '#c0562f' }));
      const label = el('text', { x: x + (bw - 4) / 2, y: y(v) - 3, 'text-anchor': 'middle', 'font-size': 9, fill: '#222' });
      label.textContent = m.few ? '<' + minCount : String(m.count);
      svg.appendChild(label);
    }
    if (i % 2 === 0 || trend.length <= 6) {
      const ml = el('text', { x: x + (bw - 4) / 2, y: h - 8, 'text-anchor': 'middle', 'font-size': 9, fill: '#333' });
      ml.textContent = monthText(m.month).split(' ')[0]!.replace('.', '');
      svg.appendChild(ml);
    }
  });
  return svg;
}
