/**
 * What the end-to-end tests read of the page: `window.preventiekaartIntern` (the map, whether
 * it shows the latest data, the picks) and `body[data-map-ready]`.
 */
import type { Polygon } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { CampaignPreview } from './api';
import type { CampaignProgress } from './campaign-progress';
import type { LetterPreview } from './letter-preview';
import type { OfficerStore } from './officer-store';

declare global {
  interface Window {
    preventiekaartIntern?: {
      map: MlMap;
      ready: boolean;
      municipality: string;
      selectedStreets: () => number[];
      campaign: () => CampaignProgress['campaign'];
      preview: () => CampaignPreview | null;
      drawnArea: () => Polygon | null;
      letterAge: () => Array<[number, number]>;
    };
  }
}

/**
 * Puts the hook on `window` for a new map.
 *
 * @param municipality - the code of the municipality the map was created for
 * @returns a function that says whether the map shows the latest data (ready for people too:
 *   the letter form's incident list is complete then)
 */
export function installTestHook(
  map: MlMap,
  municipality: string,
  store: OfficerStore,
  progress: CampaignProgress,
  preview: LetterPreview,
): (ready: boolean) => void {
  const hook = {
    map,
    ready: false,
    // The municipality on screen: the one the map was made for, then the one chosen.
    get municipality() {
      return store.get().municipality?.code ?? municipality;
    },
    selectedStreets: () => [...store.get().selectedStreets.keys()],
    campaign: () => progress.campaign,
    preview: () => preview.last,
    drawnArea: () => store.get().drawnArea,
    letterAge: () => [...store.get().letterAge],
  };
  window.preventiekaartIntern = hook;
  return (ready) => {
    hook.ready = ready;
    if (ready) document.body.dataset.mapReady = 'true';
    else delete document.body.dataset.mapReady;
  };
}
