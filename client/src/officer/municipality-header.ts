/** The municipality on screen, in the page heading and the window title. */
import { byId } from './by-id';
import type { OfficerStore } from './officer-store';
import { messages } from './i18n';

const t = messages({
  nl: { demo: ' (demogegevens)', title: 'Preventiekaart – intern – {name}' },
  en: { demo: ' (demo data)', title: 'Preventiekaart – internal – {name}' },
});

/** Names the store's municipality in the heading and the title whenever it changes. */
export function mountMunicipalityHeader(store: OfficerStore): void {
  store.subscribe(['municipality'], ({ municipality: m }) => {
    if (!m) return;
    byId('pk-municipality').textContent = `– ${m.name}${m.demo ? t('demo') : ''}`;
    document.title = t('title', { name: m.name });
  });
}
