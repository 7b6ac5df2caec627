/**
 * The page's fixed texts in the current language, and the map legend: redrawn on a language
 * switch. Nothing here depends on the figures but the minimum count in the legend.
 */
import type { MunicipalityInfo } from './api';
import { METHOD_CODES, methodLabel } from './advice';
import { lang, t, type MessageKey } from './i18n';
import { BAND_COLOURS } from './map-style';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Fills every [data-i18n] element, the language button, the method list and the page title. */
export function translateStatic(m: MunicipalityInfo | undefined): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => {
    e.textContent = t(e.dataset.i18n as MessageKey);
  });
  const langButton = $('pk-lang');
  langButton.textContent = t('langSwitch');
  langButton.setAttribute('lang', lang() === 'nl' ? 'en' : 'nl');
  langButton.setAttribute('aria-label', t('langSwitchLabel'));
  $<HTMLInputElement>('pk-q').placeholder = t('searchPlaceholder');
  const method = $<HTMLSelectElement>('pk-method');
  const selected = method.value;
  method.replaceChildren(
    new Option(t('allMethods'), ''),
    ...METHOD_CODES.map((c) => new Option(methodLabel(c, lang()), c)),
  );
  method.value = selected;
  $('pk-table-toggle').textContent = $('pk-table-wrap').hidden ? t('tableShow') : t('tableHide');
  document.title = `${t('title')}${m ? ` – ${m.name}` : ''} – Preventiekaart`;
  if (m) {
    $('pk-map').setAttribute('aria-label', t('mapLabel', { name: m.name }));
  }
}

/** The legend of the street colours; `min` is the public minimum count. */
export function renderLegend(min: number): void {
  const items: Array<[string, string]> = [
    ['high', t('bandHigh')],
    ['mid', t('bandMid')],
    ['low', t('bandLow', { min })],
    ['few', t('bandFew')],
    ['none', t('bandNone')],
    ['merged', t('bandMerged')],
  ];
  $('pk-legend-items').replaceChildren(
    ...items.map(([band, label]) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = `pk-swatch pk-swatch-${band}`;
      sw.style.background = BAND_COLOURS[band]!;
      sw.setAttribute('aria-hidden', 'true');
      li.append(sw, document.createTextNode(label));
      return li;
    }),
  );
}
