/**
 * Keeps the map in step with the store: figures into the GeoJSON sources, the period into the
 * tile URLs, the picks into the highlight filters, the toolbar's check boxes into layer
 * visibility; and back: the incidents in the loaded tiles into the store.
 *
 * Readiness comes from MapLibre's events: after new data the map is ready at the first 'idle'
 * (everything requested loaded and drawn) with all tiles loaded; a slow check every 500 ms is
 * the fallback for an 'idle' that came while a failed tile still counted as loading.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MlMap, VectorTileSource } from 'maplibre-gl';
import type { OfficerMap } from './create-map';
import { incidentInfo } from './incident-info';
import { LAYER_GROUPS, letterColour, officerTileUrl, tileQuery } from './officer-style';
import type { OfficerState, OfficerStore } from './officer-store';

function showData(map: MlMap, s: OfficerState): void {
  if (!s.activity || !s.clusters || !s.zones || !s.period) return;
  const withGeometry = { ...s.activity, features: s.activity.features.filter((f) => f.geometry) };
  (map.getSource('activity') as GeoJSONSource).setData(withGeometry as GeoJSON.FeatureCollection);
  (map.getSource('clusters') as GeoJSONSource).setData(s.clusters as unknown as GeoJSON.FeatureCollection);
  (map.getSource('zones') as GeoJSONSource).setData(s.zones as unknown as GeoJSON.FeatureCollection);
  const tq = tileQuery(s.period.from, s.period.to);
  (map.getSource('incidents') as VectorTileSource).setTiles([
    officerTileUrl(location.origin, 'incidents', tq),
  ]);
  (map.getSource('streets') as VectorTileSource).setTiles([officerTileUrl(location.origin, 'streets', tq)]);
}

function showPicks(map: MlMap, s: OfficerState): void {
  map.setFilter('streets-selected', ['in', ['get', 'id'], ['literal', [...s.selectedStreets.keys()]]]);
  map.setFilter('zone-selected', ['==', ['get', 'id'], s.selectedZone ?? '']);
  map.setFilter('incident-selected', ['==', ['get', 'id'], s.selectedIncident ?? -1]);
}

/** Streets that had letters: which, and their colour by the days since the last one. */
function showLetters(map: MlMap, s: OfficerState): void {
  const ids = [...s.letterAge.keys()];
  map.setFilter('letters', ['in', ['get', 'id'], ['literal', ids]]);
  if (!ids.length) return;
  const colours = [...s.letterAge].flatMap(([id, days]) => [id, letterColour(days)]);
  const match = ['match', ['get', 'id'], ...colours, letterColour(Infinity)];
  map.setPaintProperty('letters', 'line-color', match as ExpressionSpecification);
}

function showLayers(map: MlMap, s: OfficerState): void {
  for (const [group, ids] of Object.entries(LAYER_GROUPS)) {
    const on = s.layers[group] ?? true;
    for (const id of ids) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }
}

/**
 * Starts keeping `om.map` in step with `store`. Until the map has loaded nothing is sent to it;
 * at 'load' it gets the whole state at once.
 *
 * @param onReady - told false when new data goes to the map, true once it is drawn
 */
export function syncMap(om: OfficerMap, store: OfficerStore, onReady: (ready: boolean) => void): void {
  const { map } = om;
  let loaded = false;
  let drawing = false;

  const collectIncidents = () => {
    if (!map.getSource('incidents')) return;
    store.addIncidents(
      map
        .querySourceFeatures('incidents', { sourceLayer: 'incidents' })
        .map((f) => incidentInfo(f.properties)),
    );
  };
  const dataChanged = (s: OfficerState) => {
    if (!s.activity) return;
    showData(map, s);
    drawing = true;
    onReady(false);
    // A frame now, so an 'idle' follows even if nothing else asks the map to draw.
    map.triggerRepaint();
    setTimeout(fallback, 1000);
  };

  const finish = () => {
    if (!drawing || !map.loaded() || !map.areTilesLoaded()) return false;
    drawing = false;
    onReady(true);
    return true;
  };
  map.on('idle', () => {
    collectIncidents();
    finish();
  });
  // 'idle' can come while a tile that failed (a 401 before sign-in, a retry) still counts as not
  // loaded, and a map at rest sends no second 'idle': then a slow check finishes the job.
  const fallback = () => {
    if (!drawing) return;
    if (finish()) collectIncidents();
    else setTimeout(fallback, 500);
  };
  void om.loaded.then(() => {
    loaded = true;
    const s = store.get();
    showPicks(map, s);
    showLayers(map, s);
    showLetters(map, s);
    dataChanged(s);
  });

  store.subscribe(['activity', 'clusters', 'zones', 'period'], (s) => {
    if (loaded) dataChanged(s);
  });
  store.subscribe(['selectedStreets', 'selectedZone', 'selectedIncident'], (s) => {
    if (loaded) showPicks(map, s);
  });
  store.subscribe(['letterAge'], (s) => {
    if (loaded) showLetters(map, s);
  });
  store.subscribe(['layers'], (s) => {
    if (loaded) showLayers(map, s);
  });
}
