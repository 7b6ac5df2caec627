/**
 * The factsheet's map: where the period's burglaries were, as counts per 100 m square (never an
 * exact place), drawn on the project's own base map (server/basemap/map-png.ts, the renderer of
 * the inspection sheet's route map).
 */
import type { BrowserSource, MapOverlay } from '../basemap/map-png';
import { mapPng, pngDataUrl } from '../basemap/map-png';
import type { BurglaryCell } from './effect.repo';

/** The overlay: one dot per square, darker and larger the more burglaries it had. */
export function burglaryOverlay(cells: readonly BurglaryCell[]): MapOverlay | undefined {
  if (!cells.length) return undefined;
  const lons = cells.map((c) => c.lon);
  const lats = cells.map((c) => c.lat);
  return {
    sources: {
      cells: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: cells.map((c) => ({
            type: 'Feature',
            properties: { n: c.n },
            geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          })),
        },
      },
    },
    layers: [
      {
        id: 'cells',
        type: 'circle',
        source: 'cells',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['get', 'n'], 1, 7, 5, 12, 15, 18],
          'circle-color': ['step', ['get', 'n'], '#f4a582', 2, '#d6604d', 4, '#b2182b', 8, '#67001f'],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
    bounds: [
      [Math.min(...lons), Math.min(...lats)],
      [Math.max(...lons), Math.max(...lats)],
    ],
    padding: 30,
  };
}

/** The map as a PNG data URL; '' when there is nothing to draw. */
export async function factsheetMap(host: BrowserSource, cells: readonly BurglaryCell[]): Promise<string> {
  const overlay = burglaryOverlay(cells);
  if (!overlay) return '';
  // About 85 mm of paper across: 900 px is ~270 dpi, sharp in print.
  return pngDataUrl(await mapPng(host, overlay, { width: 900, height: 600 }));
}
