/**
 * The public map itself: MapLibre on the project's own base map and street tiles, with a click
 * on a street handed to the page (which answers it like a search for that street).
 */
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type Map as MlMap } from 'maplibre-gl';
// maplibre-gl 6 is ESM with a separate worker file; Vite emits it as a same-origin asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MunicipalityInfo } from './api';
import { t } from './i18n';
import { buildStyle } from './map-style';

const STREET_LAYERS = ['streets-count', 'streets-none', 'streets-merged'];

/**
 * Creates the map in #pk-map for a municipality.
 * @param query the figure filter as a tile query string
 * @param embed inside an iframe: cooperative gestures, so the host page still scrolls
 * @param onStreet told the id of a street clicked on the map
 */
export function createPublicMap(
  m: MunicipalityInfo,
  query: string,
  embed: boolean,
  onStreet: (id: number) => void,
): MlMap {
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const mlmap = new MapLibreMap({
    container: document.getElementById('pk-map')!,
    style: buildStyle(location.origin, m.code, query),
    bounds: m.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: false },
    maxZoom: 18,
    minZoom: 10,
    cooperativeGestures: embed,
  });
  mlmap.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  mlmap.getCanvas().setAttribute('aria-label', t('mapLabel', { name: m.name }));
  mlmap.on('click', (e) => {
    const f = mlmap.queryRenderedFeatures(e.point, { layers: STREET_LAYERS })[0];
    if (f) onStreet(Number(f.properties.id));
  });
  for (const l of STREET_LAYERS) {
    mlmap.on('mouseenter', l, () => (mlmap.getCanvas().style.cursor = 'pointer'));
    mlmap.on('mouseleave', l, () => (mlmap.getCanvas().style.cursor = ''));
  }
  return mlmap;
}
