/**
 * An inspection on the officers' map: its walking route as a line, its streets numbered in
 * walking order, the start, and the findings as points (a click tells street, checklist item,
 * note and follow-up). Sources and layers of their own ('pk-insp-*'), added when first needed,
 * so the officers' style and the planners' base map both take them.
 */
import { Popup, type GeoJSONSource, type Map as MlMap, type MapMouseEvent } from 'maplibre-gl';
import type { Finding, InspectionView } from './inspection-api';

const ROUTE = 'pk-insp-route';
const STREETS = 'pk-insp-streets';
const FINDINGS = 'pk-insp-findings';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const FONT = ['Liberation Sans Regular'];

function ensureLayers(map: MlMap, describe: (f: GeoJSON.GeoJsonProperties) => [string, string[]]): void {
  if (map.getSource(ROUTE)) return;
  for (const id of [ROUTE, STREETS, FINDINGS]) map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: `${ROUTE}-casing`,
    type: 'line',
    source: ROUTE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 8 },
  });
  map.addLayer({
    id: ROUTE,
    type: 'line',
    source: ROUTE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#c0142b', 'line-width': 4, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: STREETS,
    type: 'symbol',
    source: STREETS,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': FONT,
      'text-size': 13,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#ffffff', 'text-halo-color': '#1d2b4f', 'text-halo-width': 3 },
  });
  map.addLayer({
    id: FINDINGS,
    type: 'circle',
    source: FINDINGS,
    paint: {
      'circle-radius': 7,
      'circle-color': ['match', ['get', 'followUp'], 'fixed', '#1a9850', 'maintenance', '#fdae61', '#7b3294'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.on('click', FINDINGS, (e: MapMouseEvent & { features?: GeoJSON.Feature[] }) => {
    const f = e.features?.[0];
    if (!f || e.defaultPrevented) return;
    e.preventDefault();
    const [title, lines] = describe(f.properties);
    const div = document.createElement('div');
    div.className = 'pk-popup';
    const h = document.createElement('h3');
    h.textContent = title;
    div.append(h, ...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })));
    new Popup({ maxWidth: '18rem', focusAfterOpen: true }).setLngLat(e.lngLat).setDOMContent(div).addTo(map);
  });
  map.on('mouseenter', FINDINGS, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', FINDINGS, () => (map.getCanvas().style.cursor = ''));
}

/** Draws the inspection's route, its numbered streets and its findings; null clears them. */
export function showInspection(
  map: MlMap,
  insp: InspectionView | null,
  findings: Finding[],
  describe: (f: GeoJSON.GeoJsonProperties) => [string, string[]],
): void {
  const draw = () => {
    ensureLayers(map, describe);
    const route = insp?.route?.geometry as GeoJSON.LineString | null | undefined;
    (map.getSource(ROUTE) as GeoJSONSource).setData(
      route ? { type: 'Feature', geometry: route, properties: {} } : EMPTY,
    );
    (map.getSource(STREETS) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: (insp?.streets ?? []).map((s, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { label: String(s.position ?? i + 1), name: s.name },
      })),
    });
    (map.getSource(FINDINGS) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: findings.map((f) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: { ...f },
      })),
    });
  };
  // 'idle' always comes, also when 'load' is long past and a tile is still loading.
  if (map.isStyleLoaded()) draw();
  else map.once('idle', draw);
}

/** The next click on the map, as a start point (the returned function cancels the wait). */
export function pickPoint(map: MlMap, done: (p: { lon: number; lat: number }) => void): () => void {
  const canvas = map.getCanvas();
  const before = canvas.style.cursor;
  canvas.style.cursor = 'crosshair';
  const handler = (e: MapMouseEvent) => {
    e.preventDefault();
    canvas.style.cursor = before;
    done({ lon: Number(e.lngLat.lng.toFixed(6)), lat: Number(e.lngLat.lat.toFixed(6)) });
  };
  map.once('click', handler);
  return () => {
    map.off('click', handler);
    canvas.style.cursor = before;
  };
}
