/**
 * The walking route on the phone: a small MapLibre map on the project's own base map (tiles and
 * glyphs from this server, like the officers' map), the route as a line, its start as a dot and
 * the streets' numbers in walking order at their first step. Without a connection the page works
 * on without it (the base map's tiles are not kept offline); the streets stay listed below.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseMap } from '../shared/base-map';

type Position = [number, number];
interface RouteLike {
  start: { lon: number; lat: number; label: string };
  geometry: unknown;
}

/** Every position of a (Multi)LineString or a FeatureCollection of them. */
function positions(g: unknown): Position[] {
  const o = g as {
    type?: string;
    coordinates?: unknown;
    features?: Array<{ geometry: unknown }>;
    geometry?: unknown;
  };
  if (o?.type === 'FeatureCollection') return (o.features ?? []).flatMap((f) => positions(f.geometry));
  if (o?.type === 'Feature') return positions(o.geometry);
  if (o?.type === 'LineString') return o.coordinates as Position[];
  if (o?.type === 'MultiLineString') return (o.coordinates as Position[][]).flat();
  return [];
}

/**
 * Draws the route into `container`; returns false (and draws nothing) when the route has no line.
 *
 * @param label - the map's accessible name (the streets are in the list beside it)
 */
export function showRouteMap(container: HTMLElement, route: RouteLike, label: string): boolean {
  const line = positions(route.geometry);
  if (line.length < 2 || !navigator.onLine) return false;
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const base = baseMap(location.origin);
  const lons = [...line.map((p) => p[0]), route.start.lon];
  const lats = [...line.map((p) => p[1]), route.start.lat];
  const style: StyleSpecification = {
    version: 8,
    glyphs: base.glyphs,
    sources: {
      basemap: base.source,
      route: { type: 'geojson', data: route.geometry as GeoJSON.GeoJSON },
      start: {
        type: 'geojson',
        data: { type: 'Point', coordinates: [route.start.lon, route.start.lat] },
      },
    },
    layers: [
      ...base.layers,
      {
        id: 'route-casing',
        type: 'line',
        source: 'route',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 7 },
      },
      {
        id: 'route',
        type: 'line',
        source: 'route',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#c0392b', 'line-width': 4 },
      },
      {
        id: 'start',
        type: 'circle',
        source: 'start',
        paint: {
          'circle-radius': 7,
          'circle-color': '#1d2b4f',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      ...base.labels,
    ],
  };
  container.hidden = false;
  container.setAttribute('aria-label', label);
  const map = new MapLibreMap({
    container,
    style,
    bounds: [
      [Math.min(...lons), Math.min(...lats)],
      [Math.max(...lons), Math.max(...lats)],
    ],
    fitBoundsOptions: { padding: 24 },
    attributionControl: { compact: true },
    maxZoom: 18,
    cooperativeGestures: true,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.on('error', (e) => console.error(`route map: ${(e.error as Error | undefined)?.message ?? 'error'}`));
  (window as unknown as { preventiekaartSchouw?: { map: MapLibreMap } }).preventiekaartSchouw = { map };
  return true;
}
