/** What a section of the officers' page (team-sections.ts) gets to work with. */
import type { Map as MlMap } from 'maplibre-gl';
import type { SessionUser } from './api';
import type { AreaDraw } from './area-draw';
import type { OfficerStore } from './officer-store';

/** What a section gets to work with. */
export interface SectionContext {
  store: OfficerStore;
  user: SessionUser;
  /** The officers' map once it exists. */
  map: () => MlMap | undefined;
  /** Shows an error in the page's message line (and signs out on 401). */
  showError: (err: unknown) => void;
  /** Drawing an area on the map (terra-draw), once there is a map: the drawn area goes to the store. */
  draw: () => AreaDraw | undefined;
}
