/** Small DOM helpers for the inspection section: an element with properties and children, a labelled field. */
import { amsterdamToIso } from './amsterdam-time';

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

/** A datetime-local value, an Amsterdam wall-clock time whatever the browser's zone, as ISO 8601 for the API. */
export function localToIso(value: string): string {
  const iso = amsterdamToIso(value);
  if (!iso) throw new Error(`not a date and time: '${value}'`);
  return iso;
}
