/**
 * The route map of an inspection sheet: the walk, its start and the street numbers in walking
 * order, drawn on the project's own base map by server/basemap/map-png.ts in the worker's
 * Chromium. Returns a PNG of the map.
 */
import { mapPng, type BrowserSource, type MapOverlay } from '../../server/basemap/map-png';

export { pngDataUrl } from '../../server/basemap/map-png';

export interface RouteMapInput {
  /** The walk, EPSG:4326. */
  route: { type: 'LineString'; coordinates: number[][] };
  start: [number, number];
  /** Street numbers in walking order, placed on their street. */
  streets: { position: number; lon: number; lat: number }[];
}

function overlay(input: RouteMapInput): MapOverlay {
  const xs = input.route.coordinates.map((c) => c[0]!);
  const ys = input.route.coordinates.map((c) => c[1]!);
  return {
    sources: {
      route: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: input.route } },
      start: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: input.start } },
      },
      streets: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: input.streets.map((s) => ({
            type: 'Feature',
            properties: { n: String(s.position) },
            geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
          })),
        },
      },
    },
    layers: [
      {
        id: 'route-casing',
        type: 'line',
        source: 'route',
        paint: { 'line-color': '#ffffff', 'line-width': 13 },
        layout: { 'line-join': 'round', 'line-cap': 'round' },
      },
      {
        id: 'route',
        type: 'line',
        source: 'route',
        paint: { 'line-color': '#c8102e', 'line-width': 8 },
        layout: { 'line-join': 'round', 'line-cap': 'round' },
      },
      {
        id: 'start',
        type: 'circle',
        source: 'start',
        paint: {
          'circle-radius': 16,
          'circle-color': '#1d2b4f',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      },
      {
        id: 'street-dot',
        type: 'circle',
        source: 'streets',
        paint: {
          'circle-radius': 22,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#1d2b4f',
          'circle-stroke-width': 3,
        },
      },
      {
        id: 'street-number',
        type: 'symbol',
        source: 'streets',
        layout: {
          'text-field': ['get', 'n'],
          'text-font': ['Liberation Sans Regular'],
          'text-size': 26,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': '#1d2b4f' },
      },
    ],
    bounds: [
      [Math.min(...xs), Math.min(...ys)],
      [Math.max(...xs), Math.max(...ys)],
    ],
  };
}

/**
 * Draws the route on the base map; throws when the browser has no WebGL or the map does not
 * settle within `timeoutMs` (the caller prints the sheet without a map then).
 */
export function routeMapPng(
  host: BrowserSource,
  input: RouteMapInput,
  opts: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  // 1400 px across about 180 mm of paper (~200 dpi): lines and labels are drawn large.
  return mapPng(host, overlay(input), opts);
}
