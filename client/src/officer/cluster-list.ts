/**
 * The near-repeat clusters as a list, newest first: size, span, streets; "Toon" zooms to the
 * cluster, "Straten kiezen" picks its streets and newest burglary for letters.
 */
import type { BBox } from './bbox';
import { bboxOf } from './bbox';
import { dateText, numberText } from './format';
import type { OfficerStore } from './officer-store';
import { zoomButton } from './zoom-button';
import { messages } from './i18n';

const t = messages({
  nl: {
    intro:
      '{n} clusters: inbraken binnen {m} m en {d} dagen van elkaar, laatste {days} dagen. Nieuwste eerst.',
    cluster: '{n} inbraken, {from} – {to} ({days} dagen)',
    attempts: ' · {n} pogingen',
    show: 'Toon cluster van {n} inbraken op de kaart',
    pick: 'Straten kiezen',
    pickLabel: 'Straten kiezen van dit cluster voor brieven: {streets}',
  },
  en: {
    intro:
      '{n} clusters: burglaries within {m} m and {d} days of each other, last {days} days. Newest first.',
    cluster: '{n} burglaries, {from} – {to} ({days} days)',
    attempts: ' · {n} attempts',
    show: 'Show the cluster of {n} burglaries on the map',
    pick: 'Pick streets',
    pickLabel: 'Pick streets of this cluster for letters: {streets}',
  },
});

/**
 * Draws the cluster list into `host` whenever the store's clusters change.
 *
 * @param fitTo - shows a box on the map
 */
export function mountClusterList(
  host: HTMLElement,
  store: OfficerStore,
  fitTo: (bbox: BBox | null) => void,
): void {
  store.subscribe(['clusters'], (s) => {
    const features = s.clusters?.features ?? [];
    const p = s.clusters?.parameters;
    const intro = document.createElement('p');
    intro.className = 'pk-hint';
    intro.textContent = p ? t('intro', { n: features.length, m: p.distanceM, d: p.days, days: s.days }) : '';
    const ul = document.createElement('ul');
    ul.className = 'pk-clusters';
    ul.id = 'pk-clusters';
    for (const f of features) {
      const c = f.properties;
      const li = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = t('cluster', {
        n: c.size,
        from: dateText(c.firstAt),
        to: dateText(c.lastAt),
        days: numberText(c.spanDays, 1),
      });
      const streets = document.createElement('span');
      streets.textContent =
        c.streets.map((st) => `${st.name} (${st.n})`).join(', ') +
        (c.attempts ? t('attempts', { n: c.attempts }) : '');
      const show = zoomButton(
        t('show', { n: c.size }),
        () => fitTo(bboxOf((f.geometry as { coordinates: unknown }).coordinates)),
        `cluster:${c.id}`,
      );
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'pk-button-small';
      pick.textContent = t('pick');
      pick.setAttribute('aria-label', t('pickLabel', { streets: c.streets.map((st) => st.name).join(', ') }));
      pick.addEventListener('click', () => store.selectCluster(c.id));
      li.append(strong, streets, document.createTextNode(' '), show, document.createTextNode(' '), pick);
      ul.appendChild(li);
    }
    host.replaceChildren(intro, ul);
  });
}
