/**
 * The map style: the project's own base map (water, green, buildings, roads, labels) and the
 * public street figures on top. Every URL points at this server: no tile or font provider.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';

export const BAND_COLOURS: Record<string, string> = {
  none: '#6b8e9f',
  few: '#fee391',
  low: '#fe9929',
  mid: '#d7301f',
  high: '#7f0000',
  merged: '#9e9e9e',
};

const FONT = ['Liberation Sans Regular'];

export function publicTileUrl(origin: string, code: string, query: string): string {
  return `${origin}/tiles/public/${code}/{z}/{x}/{y}.mvt?${query}`;
}

export function buildStyle(origin: string, code: string, query: string): StyleSpecification {
  const bandColour: ExpressionSpecification = [
    'match', ['get', 'band'],
    'few', BAND_COLOURS.few!, 'low', BAND_COLOURS.low!, 'mid', BAND_COLOURS.mid!, 'high', BAND_COLOURS.high!,
    'merged', BAND_COLOURS.merged!, BAND_COLOURS.none!,
  ];
  const counted: ExpressionSpecification = ['in', ['get', 'band'], ['literal', ['few', 'low', 'mid', 'high']]];
  return {
    version: 8,
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    sources: {
      basemap: {
        type: 'vector',
        tiles: [`${origin}/tiles/basemap/{z}/{x}/{y}.mvt`],
        minzoom: 10,
        maxzoom: 16,
        attribution: '© OpenStreetMap contributors',
      },
      public: {
        type: 'vector',
        tiles: [publicTileUrl(origin, code, query)],
        minzoom: 10,
        maxzoom: 16,
        attribution: '© OpenStreetMap contributors',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f0ea' } },
      { id: 'landuse-green', type: 'fill', source: 'basemap', 'source-layer': 'landuse', filter: ['==', ['get', 'class'], 'green'], paint: { 'fill-color': '#d9e8cf' } },
      { id: 'landuse-pitch', type: 'fill', source: 'basemap', 'source-layer': 'landuse', filter: ['==', ['get', 'class'], 'pitch'], paint: { 'fill-color': '#cde3bd' } },
      { id: 'water', type: 'fill', source: 'basemap', 'source-layer': 'water', paint: { 'fill-color': '#a9cfe0' } },
      { id: 'waterway', type: 'line', source: 'basemap', 'source-layer': 'waterway', paint: { 'line-color': '#a9cfe0', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 4] } },
      { id: 'building', type: 'fill', source: 'basemap', 'source-layer': 'building', minzoom: 14, paint: { 'fill-color': '#dcd5cc', 'fill-outline-color': '#c9c0b5' } },
      { id: 'railway', type: 'line', source: 'basemap', 'source-layer': 'railway', paint: { 'line-color': '#8d8d8d', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
      { id: 'road-path', type: 'line', source: 'basemap', 'source-layer': 'road', filter: ['==', ['get', 'class'], 'path'], minzoom: 15, paint: { 'line-color': '#ffffff', 'line-width': 1, 'line-dasharray': [2, 1] } },
      { id: 'road-casing', type: 'line', source: 'basemap', 'source-layer': 'road', filter: ['in', ['get', 'class'], ['literal', ['street', 'major', 'service']]], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#cbc3b8', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 17, 12] } },
      { id: 'road', type: 'line', source: 'basemap', 'source-layer': 'road', filter: ['in', ['get', 'class'], ['literal', ['street', 'major', 'service']]], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['match', ['get', 'class'], 'major', '#fde3b5', '#ffffff'], 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.8, 17, 9] } },
      // Public figures: a dark casing gives every colour enough contrast against the base map (WCAG 1.4.11).
      { id: 'streets-merged', type: 'line', source: 'public', 'source-layer': 'streets', filter: ['==', ['get', 'band'], 'merged'], layout: { 'line-cap': 'round' }, paint: { 'line-color': BAND_COLOURS.merged!, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 3], 'line-dasharray': [2, 2] } },
      { id: 'streets-none', type: 'line', source: 'public', 'source-layer': 'streets', filter: ['==', ['get', 'band'], 'none'], layout: { 'line-cap': 'round' }, paint: { 'line-color': BAND_COLOURS.none!, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 3] } },
      { id: 'streets-casing', type: 'line', source: 'public', 'source-layer': 'streets', filter: counted, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#3b2a20', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 3.5, 17, 11] } },
      { id: 'streets-count', type: 'line', source: 'public', 'source-layer': 'streets', filter: counted, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': bandColour, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 8] } },
      { id: 'streets-selected', type: 'line', source: 'public', 'source-layer': 'streets', filter: ['==', ['get', 'id'], -1], layout: { 'line-cap': 'round' }, paint: { 'line-color': '#1f4fd1', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 17, 14], 'line-opacity': 0.55 } },
      { id: 'water-label', type: 'symbol', source: 'basemap', 'source-layer': 'waterway', minzoom: 15, layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11 }, paint: { 'text-color': '#3a6f8a', 'text-halo-color': '#ffffff', 'text-halo-width': 1 } },
      { id: 'street-label', type: 'symbol', source: 'public', 'source-layer': 'streets', minzoom: 14, layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10, 17, 13], 'text-max-angle': 30 }, paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } },
    ],
  };
}
