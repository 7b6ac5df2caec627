/**
 * The Knox test as a table: per distance band (rows) and time band (columns) the ratio of
 * observed to expected pairs, the observed count and p; significant raised cells in bold.
 */
import type { Knox } from './api';
import { dateText, numberText, pText } from './format';
import type { OfficerStore } from './officer-store';
import { messages } from './i18n';

const t = messages({
  nl: {
    computing: 'Knox-toets wordt berekend…',
    failed: 'Knox-toets niet beschikbaar: {message}',
    caption:
      '{n} inbraken, {pairs} paren, {permutations} permutaties; {from} – {to}. Per cel: verhouding waargenomen/verwacht (waargenomen, p).',
    corner: 'Afstand \\ tijd',
    cell: 'waargenomen {observed}, verwacht {expected}',
  },
  en: {
    computing: 'Computing the Knox test…',
    failed: 'Knox test not available: {message}',
    caption:
      '{n} burglaries, {pairs} pairs, {permutations} permutations; {from} – {to}. Per cell: ratio observed/expected (observed, p).',
    corner: 'Distance \\ time',
    cell: 'observed {observed}, expected {expected}',
  },
});

/**
 * Draws the Knox test into `host` now and whenever the store's `knox` changes.
 *
 * @param host - the element the table replaces the content of
 */
export function mountKnoxTable(host: HTMLElement, store: OfficerStore): void {
  const render = () => {
    const k = store.get().knox;
    if (k.status === 'computing') host.textContent = t('computing');
    else if (k.status === 'failed') host.textContent = t('failed', { message: k.message });
    else host.replaceChildren(knoxTable(k.result));
  };
  render();
  store.subscribe(['knox'], render);
}

function knoxTable(k: Knox): HTMLTableElement {
  const ds = k.parameters.distanceBands;
  const ts = k.parameters.timeBands;
  const table = document.createElement('table');
  table.className = 'pk-table pk-knox';
  table.id = 'pk-knox-table';
  const cap = document.createElement('caption');
  cap.textContent = t('caption', {
    n: k.incidents,
    pairs: k.pairs,
    permutations: k.parameters.permutations,
    from: dateText(k.parameters.from),
    to: dateText(k.parameters.to),
  });
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = t('corner');
  head.appendChild(corner);
  for (let j = 0; j < ts.length - 1; j++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = 'pk-num';
    th.textContent = `${ts[j]}–${ts[j + 1]} d`;
    head.appendChild(th);
  }
  const thead = document.createElement('thead');
  thead.appendChild(head);
  const tbody = document.createElement('tbody');
  for (let i = 0; i < ds.length - 1; i++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `${ds[i]}–${ds[i + 1]} m`;
    tr.appendChild(th);
    for (let j = 0; j < ts.length - 1; j++) {
      const cell = k.cells.find((c) => c.distance[0] === ds[i] && c.days[0] === ts[j]);
      const td = document.createElement('td');
      td.className = 'pk-num';
      if (cell) {
        td.textContent = `${cell.ratio === null ? '–' : numberText(cell.ratio, 2)} (${cell.observed}, p ${pText(cell.p)})`;
        if (cell.ratio !== null && cell.ratio > 1 && cell.p < 0.05) td.classList.add('pk-strong');
        td.title = t('cell', { observed: cell.observed, expected: numberText(cell.expected, 1) });
      }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.append(cap, thead, tbody);
  return table;
}
