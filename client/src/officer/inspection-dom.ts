/** Small DOM helpers for the inspection section: an element with properties and children, a labelled field. */

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'dataset'>> & {
  dataset?: Record<string, string>;
};

/** `document.createElement` with properties (and data-*) set and children appended. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props<K> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
}

/** A label and its control, bound by the control's id. */
export function field(label: string, control: HTMLElement & { id: string }): [HTMLLabelElement, HTMLElement] {
  return [h('label', { htmlFor: control.id }, label), control];
}

/** A datetime-local value (the browser's local time) as ISO 8601 with offset, for the API. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An ISO time as a datetime-local value in the browser's local time. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
