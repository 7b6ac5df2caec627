/**
 * The officers' MapLibre map: the officers' style on the municipality, zoom buttons and a
 * scale, a pointer over everything that answers a click, map errors in the console.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type Map as MlMap,
} from 'maplibre-gl';
// maplibre-gl 6 is ESM with a separate worker file; Vite emits it as a same-origin asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MunicipalityInfo } from './api';
import { CLICK_LAYERS, buildOfficerStyle } from './officer-style';
import { messages } from './i18n';

const t = messages({
  nl: { canvas: 'Kaart van {name} met inbraken, clusters en risicozones' },
  en: { canvas: 'Map of {name} with burglaries, clusters and risk zones' },
});

/** A map and the moment it can take data. */
export interface OfficerMap {
  map: MlMap;
  /**
   * Resolves at the map's 'load' event: style and first tiles are there, sources can take data.
   * (Neither `isStyleLoaded()` nor `loaded()` says that: both are false again while tiles load.)
   */
  loaded: Promise<void>;
}

/**
 * Creates the map in `container`, showing the municipality.
 *
 * @param tileQuery - the period of the first incident and street tiles (see `tileQuery`)
 */
export function createMap(container: HTMLElement, m: MunicipalityInfo, tileQuery: string): OfficerMap {
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const map = new MapLibreMap({
    container,
    style: buildOfficerStyle(location.origin, tileQuery),
    bounds: m.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: false },
    maxZoom: 18,
    minZoom: 10,
  });
  // Before anything can make the map load: the promise sees 'load' whenever it comes.
  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.getCanvas().setAttribute('aria-label', t('canvas', { name: m.name }));
  for (const l of CLICK_LAYERS) {
    map.on('mouseenter', l, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', l, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('error', (e) => console.error(`map: ${(e.error as Error | undefined)?.message ?? 'error'}`));
  return { map, loaded };
}
