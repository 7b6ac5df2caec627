/**
 * "Straten met inbraken": the streets of the period as a sortable table, with a check box per
 * street to pick it for letters and "Toon" to zoom to it.
 */
import type { StreetActivityProps } from './api';
import { bboxOf, type BBox } from './bbox';
import { dateText, methodsText, numberText } from './format';
import type { OfficerStore } from './officer-store';
import { SortableTable } from './sortable-table';
import { zoomButton } from './zoom-button';

type ActivityRow = StreetActivityProps & { bbox: BBox | null };

/**
 * Draws the street table into `host` whenever the figures or the picked streets change.
 *
 * @param fitTo - shows a box on the map
 */
export function mountActivityTable(
  host: HTMLElement,
  store: OfficerStore,
  fitTo: (bbox: BBox | null) => void,
): void {
  const checkbox = (id: number, name: string): HTMLElement => {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = store.get().selectedStreets.has(id);
    input.dataset.focusKey = `street:${id}`;
    input.setAttribute('aria-label', `${name} selecteren voor brieven`);
    input.addEventListener('change', () => store.toggleStreet(id, name, input.checked));
    return input;
  };
  const table = new SortableTable<ActivityRow>(
    host,
    [
      { key: 'select', label: 'Kies', cell: (r) => checkbox(r.streetId, r.name) },
      { key: 'name', label: 'Straat', value: (r) => r.name, cell: (r) => r.name },
      {
        key: 'incidents',
        label: 'Inbraken',
        numeric: true,
        value: (r) => r.incidents,
        cell: (r) => String(r.incidents),
      },
      {
        key: 'attempts',
        label: 'Pogingen',
        numeric: true,
        value: (r) => r.attempts,
        cell: (r) => String(r.attempts),
      },
      {
        key: 'per1000',
        label: 'Per 1.000',
        numeric: true,
        value: (r) => r.per1000Addresses ?? -1,
        cell: (r) => (r.per1000Addresses === null ? '–' : numberText(r.per1000Addresses, 1)),
      },
      { key: 'last', label: 'Laatste', value: (r) => r.lastAt, cell: (r) => dateText(r.lastAt) },
      { key: 'mo', label: 'Werkwijze', cell: (r) => methodsText(r.modusOperandi) },
      {
        key: 'show',
        label: '',
        cell: (r) => zoomButton(`Toon ${r.name} op de kaart`, () => fitTo(r.bbox), `show:${r.streetId}`),
      },
    ],
    {
      id: 'pk-activity',
      initialSort: 'incidents',
      rowKey: (r) => String(r.streetId),
      rowClass: (r) => (store.get().selectedStreets.has(r.streetId) ? 'pk-selected' : ''),
      caption: () => {
        const s = store.get();
        return `${s.activity?.features.length ?? 0} straten met inbraken, laatste ${s.days} dagen; ${s.activity?.totals.unlocated ?? 0} inbraken zonder straat.`;
      },
    },
  );
  store.subscribe(['activity', 'selectedStreets'], (s, changed) => {
    if (!s.activity) return; // nothing drawn before the first figures
    if (!changed.has('activity')) return table.render();
    table.update(
      s.activity.features.map((f) => ({
        ...f.properties,
        bbox: f.geometry ? bboxOf((f.geometry as { coordinates: unknown }).coordinates) : null,
      })),
    );
  });
}
