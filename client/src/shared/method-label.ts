/** Names of the methods of entry (modus_operandi codes) in Dutch and English, for both maps. */

/** The languages of the pages (the public map's `Lang`; the officers' page is Dutch). */
type Lang = 'nl' | 'en';

const LABELS: Record<Lang, Record<string, string>> = {
  nl: {
    cylinder_snapping: 'cilindertrekken',
    latch_slipping: 'flipperen (slot opengeschoven)',
    open_window_door: 'via een open raam of deur',
    door_forced: 'deur geforceerd',
    window_forced: 'raam geforceerd of ingeslagen',
    climbing: 'inklimmen (balkon, dak)',
    unknown: 'onbekend',
  },
  en: {
    cylinder_snapping: 'lock cylinder snapped',
    latch_slipping: 'latch slipped',
    open_window_door: 'through an open window or door',
    door_forced: 'door forced',
    window_forced: 'window forced or broken',
    climbing: 'climbed in (balcony, roof)',
    unknown: 'unknown',
  },
};

/**
 * The name of a method of entry.
 *
 * @param code - a modus_operandi code such as `cylinder_snapping`
 * @param lang - `nl` or `en`
 * @returns the name, or the code itself when it has none
 */
export function methodLabel(code: string, lang: Lang): string {
  return LABELS[lang][code] ?? code;
}
