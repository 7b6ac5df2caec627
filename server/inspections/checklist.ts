/**
 * The checklist a team ticks per street. The default is drawn from the surroundings part of the
 * Politiekeurmerk Veilig Wonen (the municipality's share) and from crime prevention through
 * environmental design audits (docs/readme/inspections.md, issue 11); a municipality may set its own in
 * settings.inspectionChecklist.
 */
import type { MunicipalitySettings } from '../municipalities/municipality-settings';

export interface ChecklistItem {
  key: string;
  label: string;
  /** A subsidy that helps with this finding. */
  subsidy?: string;
}

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'lighting', label: 'Verlichting bij voor- en achterdeuren en in achterpaden ontbreekt of is kapot' },
  { key: 'sight_lines', label: 'Overhangende heggen of groen blokkeren het zicht' },
  {
    key: 'open_alley',
    label: 'Open achterpad of ontbrekend toegangshek',
    subsidy: 'Kleine Veiligheidsprojecten (max. EUR 1.000, bijv. een poort voor het achterpad)',
  },
  { key: 'climbing_aids', label: 'Klimhulpen onder ramen (containers, ladders)' },
  {
    key: 'weak_locks',
    label: 'Zichtbaar zwak hang- en sluitwerk of geen cilinderbescherming',
    subsidy: 'hang- en sluitwerk (gemeentelijke subsidie)',
  },
  { key: 'open_windows', label: 'Ramen of deuren staan open' },
  { key: 'house_numbers', label: 'Huisnummers niet zichtbaar vanaf de straat' },
  { key: 'looks_empty', label: 'Woningen zien er onbewoond uit' },
  { key: 'dark_spots', label: 'Donkere plekken' },
];

/** The checklist of a municipality: its own when set, else the default. */
export function checklistFor(settings: Pick<MunicipalitySettings, 'inspectionChecklist'>): ChecklistItem[] {
  return settings.inspectionChecklist.length > 0 ? settings.inspectionChecklist : [...DEFAULT_CHECKLIST];
}

/** The item key for a finding that fits no checklist item. */
export const OTHER_ITEM = 'other';
