/** Small DOM builders for the evenings panel: labelled fields, buttons, tables. */

/** An element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<'className' | 'id' | 'textContent', string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** A label above its control (the label's `for` is the control's id). */
export function field(label: string, control: HTMLElement): HTMLElement[] {
  const l = el('label', { textContent: label });
  l.htmlFor = control.id;
  return [l, control];
}

/** An input with an id. */
export function input(id: string, type: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const i = el('input', { id });
  i.type = type;
  for (const [k, v] of Object.entries(attrs)) i.setAttribute(k, v);
  return i;
}

/** A button; `secondary` for the quieter style. */
export function button(text: string, onClick: () => void, secondary = true, id?: string): HTMLButtonElement {
  const b = el('button', {
    textContent: text,
    className: secondary ? 'pk-button pk-button-secondary' : 'pk-button',
  });
  if (id) b.id = id;
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A table with a caption, column headings and rows (the first cell of a row is its heading). */
export function table(
  caption: string,
  heads: string[],
  rows: (string | Node)[][],
  id?: string,
): HTMLTableElement {
  const t = el('table', { className: 'pk-table' });
  if (id) t.id = id;
  t.createCaption().textContent = caption;
  const hr = t.createTHead().insertRow();
  for (const h of heads) {
    const th = el('th', { textContent: h });
    th.scope = 'col';
    hr.appendChild(th);
  }
  const body = t.createTBody();
  for (const cells of rows) {
    const tr = body.insertRow();
    cells.forEach((c, i) => {
      const cell = i === 0 ? el('th') : el('td');
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      cell.append(c);
      tr.appendChild(cell);
    });
  }
  return t;
}
