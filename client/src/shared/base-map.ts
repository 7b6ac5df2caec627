/**
 * The project's own base map: water, green, buildings, railways, roads and water labels from
 * `/tiles/basemap`, with the glyphs from `/fonts`. The public map and the officers' map both draw
 * their figures on it, so the two pages look alike and load the same tiles and glyphs. Every URL
 * points at this server: no tile or font provider.
 */
import type { LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';

const FONT = ['Liberation Sans Regular'];

/** The base map's pieces, to be put together with a page's own sources and layers. */
export interface BaseMap {
  /** Glyph URL template for the style's `glyphs`. */
  glyphs: string;
  /** The `basemap` vector source. */
  source: VectorSourceSpecification;
  /** Layers below a page's figures (background first). */
  layers: LayerSpecification[];
  /** Label layers above a page's figures. */
  labels: LayerSpecification[];
}

/**
 * The base map for a page served from `origin`.
 *
 * @param origin - the page's origin, e.g. `location.origin`
 * @returns the source and layers; the caller names the source `basemap`
 */
export function baseMap(origin: string): BaseMap {
  return {
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    source: {
      type: 'vector',
      tiles: [`${origin}/tiles/basemap/{z}/{x}/{y}.mvt`],
      minzoom: 10,
      maxzoom: 16,
      attribution: '© OpenStreetMap contributors',
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f0ea' } },
      {
        id: 'landuse-green',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'landuse',
        filter: ['==', ['get', 'class'], 'green'],
        paint: { 'fill-color': '#d9e8cf' },
      },
      {
        id: 'landuse-pitch',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'landuse',
        filter: ['==', ['get', 'class'], 'pitch'],
        paint: { 'fill-color': '#cde3bd' },
      },
      {
        id: 'water',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'water',
        paint: { 'fill-color': '#a9cfe0' },
      },
      {
        id: 'waterway',
        type: 'line',
        source: 'basemap',
        'source-layer': 'waterway',
        paint: { 'line-color': '#a9cfe0', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 4] },
      },
      {
        id: 'building',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'building',
        minzoom: 14,
        paint: { 'fill-color': '#dcd5cc', 'fill-outline-color': '#c9c0b5' },
      },
      {
        id: 'railway',
        type: 'line',
        source: 'basemap',
        'source-layer': 'railway',
        paint: { 'line-color': '#8d8d8d', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: 'road-path',
        type: 'line',
        source: 'basemap',
        'source-layer': 'road',
        filter: ['==', ['get', 'class'], 'path'],
        minzoom: 15,
        paint: { 'line-color': '#ffffff', 'line-width': 1, 'line-dasharray': [2, 1] },
      },
      {
        id: 'road-casing',
        type: 'line',
        source: 'basemap',
        'source-layer': 'road',
        filter: ['in', ['get', 'class'], ['literal', ['street', 'major', 'service']]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#cbc3b8',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 17, 12],
        },
      },
      {
        id: 'road',
        type: 'line',
        source: 'basemap',
        'source-layer': 'road',
        filter: ['in', ['get', 'class'], ['literal', ['street', 'major', 'service']]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', ['get', 'class'], 'major', '#fde3b5', '#ffffff'],
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.8, 17, 9],
        },
      },
    ],
    labels: [
      {
        id: 'water-label',
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'waterway',
        minzoom: 15,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': FONT,
          'text-size': 11,
        },
        paint: { 'text-color': '#3a6f8a', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
      },
    ],
  };
}
