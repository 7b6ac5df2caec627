/** The small "Toon" button of the tables and lists: shows a street or a cluster on the map. */
import { messages } from './i18n';

const t = messages({ nl: { show: 'Toon' }, en: { show: 'Show' } });

/**
 * A "Toon" button.
 *
 * @param label - accessible name, e.g. "Toon Mekelweg op de kaart"
 * @param onClick - zooms the map
 * @param focusKey - keeps keyboard focus on the button when its table is drawn again
 */
export function zoomButton(label: string, onClick: () => void, focusKey: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pk-button-small';
  b.textContent = t('show');
  b.dataset.focusKey = focusKey;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}
