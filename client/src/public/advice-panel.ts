/**
 * The advice panel: tips for the methods seen nearby, the municipality's subsidy for locks and
 * hinges and its WhatsApp buurtpreventie link, in the current language.
 */
import type { MunicipalityInfo } from './api';
import { adviceFor } from './advice';
import { lang, t } from './i18n';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Advice for `methods` (most frequent first), then the municipality's subsidy and WhatsApp blocks. */
export function renderAdvice(m: MunicipalityInfo | undefined, methods: string[]): void {
  $('pk-advice-list').replaceChildren(
    ...adviceFor(methods, lang()).map((a) => {
      const li = document.createElement('li');
      li.textContent = a;
      return li;
    }),
  );
  if (!m) return;
  const block = (host: HTMLElement, title: string, text: string, url: string) => {
    host.replaceChildren();
    if (!text && !url) return;
    const h = document.createElement('h3');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    host.append(h, p);
    if (url) {
      // Links go to the municipality's own pages; they open outside the (possibly embedded) map.
      const a = document.createElement('a');
      a.href = /^https?:\/\//.test(url) ? url : `https://${url}`;
      a.textContent = url;
      a.target = '_blank';
      a.rel = 'noopener';
      host.appendChild(a);
    }
  };
  const texts = lang() === 'en' ? m.en : m;
  block(
    $('pk-subsidy'),
    `${t('subsidyTitle')}: ${texts.subsidy.name}`,
    texts.subsidy.description,
    texts.subsidy.url,
  );
  block($('pk-whatsapp'), t('whatsappTitle'), texts.whatsapp.description, texts.whatsapp.url);
  // Prevention evenings: evenings-panel.ts (their own request, in the language shown).
}
