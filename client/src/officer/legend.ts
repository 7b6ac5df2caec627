/** The map's legend, in the colours of the officers' style. */
import { messages } from './i18n';
import { COLOURS } from './officer-style';

const t = messages({
  nl: {
    street: 'Straat: {label}',
    one: '1 inbraak',
    two: '2 inbraken',
    threeFour: '3–4 inbraken',
    fivePlus: '5 of meer',
    burglary: 'Inbraak',
    attempt: 'Poging',
    cluster: 'Near-repeat cluster',
    cocoon: 'Risicozone cocon',
    watch: 'Risicozone waakzone',
    picked: 'Gekozen voor brieven',
    letters: 'Laatste brief: {label}',
    letters7: 'tot 7 dagen geleden',
    letters30: '8–30 dagen',
    letters90: '31–90 dagen',
    lettersOlder: 'langer geleden',
  },
  en: {
    street: 'Street: {label}',
    one: '1 burglary',
    two: '2 burglaries',
    threeFour: '3–4 burglaries',
    fivePlus: '5 or more',
    burglary: 'Burglary',
    attempt: 'Attempt',
    cluster: 'Near-repeat cluster',
    cocoon: 'Risk zone cocoon',
    watch: 'Risk zone watch zone',
    picked: 'Picked for letters',
    letters: 'Latest letter: {label}',
    letters7: 'up to 7 days ago',
    letters30: '8–30 days',
    letters90: '31–90 days',
    lettersOlder: 'longer ago',
  },
});

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
    ...COLOURS.activity.map(([, colour, label]) =>
      item({ background: colour }, '', t('street', { label: t(label) })),
    ),
    item({ background: COLOURS.completed }, 'pk-swatch-dot', t('burglary')),
    item(
      { background: COLOURS.attempt, borderColor: COLOURS.completed, borderWidth: '2px' },
      'pk-swatch-dot',
      t('attempt'),
    ),
    item(
      { background: 'rgba(106,61,154,0.3)', borderColor: COLOURS.cluster, borderWidth: '2px' },
      'pk-swatch-area',
      t('cluster'),
    ),
    item({ background: 'rgba(230,85,13,0.3)', borderStyle: 'dashed' }, 'pk-swatch-area', t('cocoon')),
    item({ background: 'rgba(253,216,53,0.2)', borderStyle: 'dashed' }, 'pk-swatch-area', t('watch')),
    item({ background: COLOURS.selected, opacity: '0.6' }, '', t('picked')),
    ...COLOURS.letters.map(([, colour, label]) =>
      item({ background: colour }, 'pk-swatch-line', t('letters', { label: t(label) })),
    ),
  );
}
