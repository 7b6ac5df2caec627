/**
 * An area's figures per period (last month, last 3 and last 12 months) as a small table: the
 * public figures are whole calendar months, and a per-month chart of a small area would be
 * mostly "a few or withheld" (see docs/readme/public-map.md).
 */
import type { AreaFigure, PublicCount } from './api';
import { t, type MessageKey } from './i18n';

/** The text of a public count in a table cell: a number, or "a few or withheld". */
export function valueText(c: PublicCount): string {
  return c.few ? t('fewShort') : String(c.count ?? 0);
}

/** A two-column table: period, burglaries. */
export function periodTable(area: AreaFigure, areaName: string): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'pk-periods';
  const cap = document.createElement('caption');
  cap.textContent = t('trendLabel', { area: areaName });
  cap.className = 'pk-visually-hidden';
  table.appendChild(cap);
  const head = table.createTHead().insertRow();
  for (const label of [t('period'), t('colCount')]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const p of [1, 3, 12] as const) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(`period${p}` as MessageKey);
    tr.appendChild(th);
    tr.insertCell().textContent = valueText(area.periods[p]);
  }
  return table;
}
