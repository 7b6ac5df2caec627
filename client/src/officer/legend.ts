/** The map's legend, in the colours of the officers' style. */
import { COLOURS } from './officer-style';

/**
 * Fills the legend list.
 *
 * @param host - the legend's `<ul>`
 */
export function renderLegend(host: HTMLElement): void {
  const item = (swatch: Partial<CSSStyleDeclaration>, cls: string, label: string) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `pk-swatch ${cls}`;
    Object.assign(sw.style, swatch);
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, document.createTextNode(label));
    return li;
  };
  host.replaceChildren(
    ...COLOURS.activity.map(([, colour, label]) => item({ background: colour }, '', `Straat: ${label}`)),
    item({ background: COLOURS.completed }, 'pk-swatch-dot', 'Inbraak'),
    item(
      { background: COLOURS.attempt, borderColor: COLOURS.completed, borderWidth: '2px' },
      'pk-swatch-dot',
      'Poging',
    ),
    item(
      { background: 'rgba(106,61,154,0.3)', borderColor: COLOURS.cluster, borderWidth: '2px' },
      'pk-swatch-area',
      'Near-repeat cluster',
    ),
    item({ background: 'rgba(230,85,13,0.3)', borderStyle: 'dashed' }, 'pk-swatch-area', 'Risicozone cocon'),
    item(
      { background: 'rgba(253,216,53,0.2)', borderStyle: 'dashed' },
      'pk-swatch-area',
      'Risicozone waakzone',
    ),
    item({ background: COLOURS.selected, opacity: '0.6' }, '', 'Gekozen voor brieven'),
  );
}
