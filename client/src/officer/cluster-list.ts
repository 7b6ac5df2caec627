/**
 * The near-repeat clusters as a list, newest first: size, span, streets; "Toon" zooms to the
 * cluster, "Straten kiezen" picks its streets and newest burglary for letters.
 */
import type { BBox } from './bbox';
import { bboxOf } from './bbox';
import { dateText, numberText } from './format';
import type { OfficerStore } from './officer-store';
import { zoomButton } from './zoom-button';

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
    intro.textContent = p
      ? `${features.length} clusters: inbraken binnen ${p.distanceM} m en ${p.days} dagen van elkaar, laatste ${s.days} dagen. Nieuwste eerst.`
      : '';
    const ul = document.createElement('ul');
    ul.className = 'pk-clusters';
    ul.id = 'pk-clusters';
    for (const f of features) {
      const c = f.properties;
      const li = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = `${c.size} inbraken, ${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${numberText(c.spanDays, 1)} dagen)`;
      const streets = document.createElement('span');
      streets.textContent =
        c.streets.map((st) => `${st.name} (${st.n})`).join(', ') +
        (c.attempts ? ` · ${c.attempts} pogingen` : '');
      const show = zoomButton(
        `Toon cluster van ${c.size} inbraken op de kaart`,
        () => fitTo(bboxOf((f.geometry as { coordinates: unknown }).coordinates)),
        `cluster:${c.id}`,
      );
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'pk-button-small';
      pick.textContent = 'Straten kiezen';
      pick.setAttribute(
        'aria-label',
        `Straten kiezen van dit cluster voor brieven: ${c.streets.map((st) => st.name).join(', ')}`,
      );
      pick.addEventListener('click', () => store.selectCluster(c.id));
      li.append(strong, streets, document.createTextNode(' '), show, document.createTextNode(' '), pick);
      ul.appendChild(li);
    }
    host.replaceChildren(intro, ul);
  });
}
