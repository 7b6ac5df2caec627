/** Prevention advice per method of entry (modus_operandi code), Dutch and English. */
import type { Lang } from './i18n';

export { methodLabel } from '../shared/method-label';

export const METHOD_CODES = [
  'cylinder_snapping',
  'latch_slipping',
  'open_window_door',
  'door_forced',
  'window_forced',
  'climbing',
  'unknown',
] as const;

const ADVICE: Record<Lang, Record<string, string>> = {
  nl: {
    cylinder_snapping:
      'Cilindertrekken: laat een cilinder met kerntrekbeveiliging (SKG***) plaatsen, of veiligheidsbeslag dat de cilinder afschermt.',
    latch_slipping:
      'Flipperen: draai de deur altijd op slot, ook als u even weg bent. Een anti-inbraakstrip of dievenklauw maakt opschuiven van de schoot onmogelijk.',
    open_window_door:
      'Open raam of deur: sluit ramen en deuren als u weggaat of achter in de tuin bent. Laat geen sleutel aan de binnenkant in het slot zitten.',
    door_forced:
      'Deur geforceerd: inbraakwerend hang- en sluitwerk met twee sterren (SKG**) en een extra slot aan de scharnierzijde houden de deur dicht.',
    window_forced:
      'Raam geforceerd: raamsluitingen met slot (SKG**) op de begane grond; overweeg gelaagd glas bij ramen naast de deur.',
    climbing:
      'Inklimmen: sluit ook ramen en balkondeuren op de verdieping en haal klimhulpen (containers, ladders, tuinmeubels) weg.',
    unknown:
      'Algemeen: het 3L-principe – Licht (verlichting met timer), Lawaai (alarm), Lang werk (goed hang- en sluitwerk).',
  },
  en: {
    cylinder_snapping:
      'Cylinder snapping: fit an anti-snap lock cylinder (SKG***) or security fittings that shield the cylinder.',
    latch_slipping:
      'Latch slipping: always lock the door, even when you are out briefly. An anti-burglary strip stops the latch being pushed back.',
    open_window_door:
      'Open window or door: close windows and doors when you go out or are at the back of the garden. Never leave a key inside the lock.',
    door_forced:
      'Forced door: two-star (SKG**) burglar-resistant locks and hinges, with an extra lock on the hinge side, keep the door shut.',
    window_forced:
      'Forced window: lockable window fasteners (SKG**) on the ground floor; consider laminated glass next to the door.',
    climbing:
      'Climbing in: also lock upstairs windows and balcony doors and remove climbing aids (bins, ladders, garden furniture).',
    unknown:
      'General: the 3L principle – Light (lights on a timer), Loud (alarm), Long work (good locks and hinges).',
  },
};

const GENERAL: Record<Lang, string[]> = {
  nl: [
    'Doe deuren en ramen op slot, ook als u maar even weg bent.',
    'Laat het lijken alsof er iemand thuis is: licht op een tijdschakelaar.',
    'Kijk voor goed hang- en sluitwerk naar het Politiekeurmerk Veilig Wonen (PKVW).',
  ],
  en: [
    'Lock doors and windows, even when you are out only briefly.',
    'Make it look as if someone is home: lights on a timer.',
    'For good locks and hinges, look for the Police Secure Housing label (Politiekeurmerk Veilig Wonen).',
  ],
};

/** Advice for the methods seen (most frequent first), then general advice. */
export function adviceFor(methods: string[], lang: Lang): string[] {
  const specific = methods
    .filter((m) => m !== 'unknown')
    .slice(0, 3)
    .map((m) => ADVICE[lang][m]!)
    .filter(Boolean);
  return [...specific, ADVICE[lang].unknown!, ...GENERAL[lang]];
}
