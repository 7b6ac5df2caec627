/**
 * The accessible alternative to the map: every street figure in a sortable table. Column
 * headings are buttons and carry aria-sort; each row has a button that shows the street on the map.
 */
import type { StreetFigure } from './api';
import { methodLabel } from './advice';
import { lang, t } from './i18n';

type Col = 'name' | 'count';

export class StreetTable {
  private sort: { col: Col; dir: 'ascending' | 'descending' } = { col: 'count', dir: 'descending' };
  private streets: StreetFigure[] = [];
  private caption = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly onShow: (s: StreetFigure) => void,
  ) {}

  update(streets: StreetFigure[], caption: string): void {
    this.streets = streets;
    this.caption = caption;
    this.render();
  }

  /** Sort key of a count: "a few or withheld" between 0 and the smallest shown number; merged last. */
  private static rank(s: StreetFigure): number {
    if (s.merged) return -1;
    if (s.few) return 0.5;
    return s.count ?? 0;
  }

  private sorted(): StreetFigure[] {
    const dir = this.sort.dir === 'ascending' ? 1 : -1;
    const byName = (a: StreetFigure, b: StreetFigure) => a.name.localeCompare(b.name, 'nl');
    return [...this.streets].sort((a, b) => {
      if (this.sort.col === 'name') return dir * byName(a, b);
      return dir * (StreetTable.rank(a) - StreetTable.rank(b)) || byName(a, b);
    });
  }

  render(): void {
    const table = document.createElement('table');
    table.className = 'pk-table';
    table.id = 'pk-table';
    const cap = document.createElement('caption');
    cap.textContent = this.caption;
    table.appendChild(cap);
    const head = table.createTHead().insertRow();
    const cols: Array<[Col | null, string]> = [
      ['name', t('colStreet')],
      ['count', t('colCount')],
      [null, t('colMethods')],
      [null, t('colMap')],
    ];
    for (const [col, label] of cols) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (col) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.dataset.sort = col;
        if (this.sort.col === col) th.setAttribute('aria-sort', this.sort.dir);
        b.addEventListener('click', () => {
          this.sort = {
            col,
            dir:
              this.sort.col === col && this.sort.dir === 'descending'
                ? 'ascending'
                : col === 'name' && this.sort.col !== col
                  ? 'ascending'
                  : 'descending',
          };
          this.render();
          (this.host.querySelector(`button[data-sort="${col}"]`) as HTMLButtonElement | null)?.focus();
        });
        th.appendChild(b);
      } else {
        th.textContent = label;
      }
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const s of this.sorted()) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = s.name;
      tr.appendChild(th);
      tr.insertCell().textContent = s.merged ? t('merged') : s.few ? t('fewShort') : String(s.count ?? 0);
      tr.insertCell().textContent = s.methods.map((m) => methodLabel(m, lang())).join(', ') || '–';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'pk-link-button';
      b.textContent = '⌖';
      b.setAttribute('aria-label', t('showOnMap', { street: s.name }));
      b.addEventListener('click', () => this.onShow(s));
      tr.insertCell().appendChild(b);
    }
    this.host.replaceChildren(table);
  }
}

/** The button that shows and hides the table alternative of the map. */
export function wireTableToggle(button: HTMLElement, wrap: HTMLElement): void {
  button.addEventListener('click', () => {
    wrap.hidden = !wrap.hidden;
    button.setAttribute('aria-expanded', String(!wrap.hidden));
    button.textContent = wrap.hidden ? t('tableShow') : t('tableHide');
  });
}
