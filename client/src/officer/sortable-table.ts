/**
 * A small sortable table: column headings are buttons with aria-sort, so sorting works with the
 * keyboard and screen readers announce the order. Rows are rebuilt on every change (tens to a
 * few hundred rows: no virtualisation needed).
 */
import { lang } from './i18n';
export interface Column<T> {
  key: string;
  label: string;
  /** Sort value; leave out for a column that does not sort. */
  value?: (row: T) => string | number;
  cell: (row: T) => string | Node;
  numeric?: boolean;
}

export class SortableTable<T> {
  private rows: T[] = [];
  private sort: { key: string; dir: 'ascending' | 'descending' };

  constructor(
    private readonly host: HTMLElement,
    private readonly columns: Column<T>[],
    private readonly opts: {
      id: string;
      caption: () => string;
      initialSort: string;
      rowClass?: (row: T) => string;
      rowKey: (row: T) => string;
    },
  ) {
    this.sort = { key: opts.initialSort, dir: 'descending' };
  }

  update(rows: T[]): void {
    this.rows = rows;
    this.render();
  }

  private sorted(): T[] {
    const col = this.columns.find((c) => c.key === this.sort.key);
    if (!col?.value) return this.rows;
    const dir = this.sort.dir === 'ascending' ? 1 : -1;
    const v = col.value;
    return [...this.rows].sort((a, b) => {
      const x = v(a),
        y = v(b);
      return (
        dir *
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang()))
      );
    });
  }

  render(): void {
    const focused =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
    const table = document.createElement('table');
    table.className = 'pk-table';
    table.id = this.opts.id;
    const cap = document.createElement('caption');
    cap.textContent = this.opts.caption();
    const thead = document.createElement('thead');
    const hr = document.createElement('tr');
    for (const c of this.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (c.numeric) th.className = 'pk-num';
      if (c.value) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = c.label;
        b.dataset.focusKey = `sort:${c.key}`;
        if (this.sort.key === c.key) th.setAttribute('aria-sort', this.sort.dir);
        b.addEventListener('click', () => {
          this.sort = {
            key: c.key,
            dir: this.sort.key === c.key && this.sort.dir === 'descending' ? 'ascending' : 'descending',
          };
          this.render();
        });
        th.appendChild(b);
      } else th.textContent = c.label;
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    const tbody = document.createElement('tbody');
    for (const row of this.sorted()) {
      const tr = document.createElement('tr');
      tr.dataset.key = this.opts.rowKey(row);
      const cls = this.opts.rowClass?.(row);
      if (cls) tr.className = cls;
      this.columns.forEach((c, i) => {
        const td = document.createElement(i === 1 ? 'th' : 'td');
        if (i === 1) (td as HTMLTableCellElement).scope = 'row';
        if (c.numeric) td.className = 'pk-num';
        const content = c.cell(row);
        if (typeof content === 'string') td.textContent = content;
        else td.appendChild(content);
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    }
    table.append(cap, thead, tbody);
    const scroll = document.createElement('div');
    scroll.className = 'pk-table-scroll';
    scroll.appendChild(table);
    this.host.replaceChildren(scroll);
    // Keep keyboard focus where it was after a re-render (sorting, selecting a row).
    if (focused) this.host.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }
}
