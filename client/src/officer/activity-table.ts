/**
 * "Straten met inbraken": the streets of the period as a sortable table, with a check box per
 * street to pick it for letters and "Toon" to zoom to it.
 */
import type { StreetActivityProps } from './api';
import { bboxOf, type BBox } from './bbox';
import { dateText, methodsText, numberText } from './format';
import { messages } from './i18n';
import type { OfficerStore } from './officer-store';
import { SortableTable } from './sortable-table';
import { zoomButton } from './zoom-button';

type ActivityRow = StreetActivityProps & { bbox: BBox | null };

const t = messages({
  nl: {
    select: '{name} selecteren voor brieven',
    pick: 'Kies',
    street: 'Straat',
    incidents: 'Inbraken',
    attempts: 'Pogingen',
    per1000: 'Per 1.000',
    last: 'Laatste',
    method: 'Werkwijze',
    show: 'Toon {name} op de kaart',
    showColumn: 'Kaart',
    caption: '{n} straten met inbraken, laatste {days} dagen; {unlocated} inbraken zonder straat.',
  },
  en: {
    select: 'Select {name} for letters',
    pick: 'Pick',
    street: 'Street',
    incidents: 'Burglaries',
    attempts: 'Attempts',
    per1000: 'Per 1,000',
    last: 'Latest',
    method: 'Method',
    show: 'Show {name} on the map',
    showColumn: 'Map',
    caption: '{n} streets with burglaries, last {days} days; {unlocated} burglaries without a street.',
  },
});

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
    input.setAttribute('aria-label', t('select', { name }));
    input.addEventListener('change', () => store.toggleStreet(id, name, input.checked));
    return input;
  };
  const table = new SortableTable<ActivityRow>(
    host,
    [
      { key: 'select', label: t('pick'), cell: (r) => checkbox(r.streetId, r.name) },
      { key: 'name', label: t('street'), value: (r) => r.name, cell: (r) => r.name },
      {
        key: 'incidents',
        label: t('incidents'),
        numeric: true,
        value: (r) => r.incidents,
        cell: (r) => String(r.incidents),
      },
      {
        key: 'attempts',
        label: t('attempts'),
        numeric: true,
        value: (r) => r.attempts,
        cell: (r) => String(r.attempts),
      },
      {
        key: 'per1000',
        label: t('per1000'),
        numeric: true,
        value: (r) => r.per1000Addresses ?? -1,
        cell: (r) => (r.per1000Addresses === null ? '–' : numberText(r.per1000Addresses, 1)),
      },
      { key: 'last', label: t('last'), value: (r) => r.lastAt, cell: (r) => dateText(r.lastAt) },
      { key: 'mo', label: t('method'), cell: (r) => methodsText(r.modusOperandi) },
      {
        key: 'show',
        label: t('showColumn'),
        cell: (r) => zoomButton(t('show', { name: r.name }), () => fitTo(r.bbox), `show:${r.streetId}`),
      },
    ],
    {
      id: 'pk-activity',
      initialSort: 'incidents',
      rowKey: (r) => String(r.streetId),
      rowClass: (r) => (store.get().selectedStreets.has(r.streetId) ? 'pk-selected' : ''),
      caption: () => {
        const s = store.get();
        return t('caption', {
          n: s.activity?.features.length ?? 0,
          days: s.days,
          unlocated: s.activity?.totals.unlocated ?? 0,
        });
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
