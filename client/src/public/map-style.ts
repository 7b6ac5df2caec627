/**
 * The map style: the project's own base map (water, green, buildings, roads, labels) and the
 * public street figures on top. Every URL points at this server: no tile or font provider.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import { baseMap } from '../shared/base-map';

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
    'match',
    ['get', 'band'],
    'few',
    BAND_COLOURS.few!,
    'low',
    BAND_COLOURS.low!,
    'mid',
    BAND_COLOURS.mid!,
    'high',
    BAND_COLOURS.high!,
    'merged',
    BAND_COLOURS.merged!,
    BAND_COLOURS.none!,
  ];
  const counted: ExpressionSpecification = [
    'in',
    ['get', 'band'],
    ['literal', ['few', 'low', 'mid', 'high']],
  ];
  const base = baseMap(origin);
  return {
    version: 8,
    glyphs: base.glyphs,
    sources: {
      basemap: base.source,
      public: {
        type: 'vector',
        tiles: [publicTileUrl(origin, code, query)],
        minzoom: 10,
        maxzoom: 16,
        attribution: '© OpenStreetMap contributors',
      },
    },
    layers: [
      ...base.layers,
      // Public figures: a dark casing gives every colour enough contrast against the base map (WCAG 1.4.11).
      {
        id: 'streets-merged',
        type: 'line',
        source: 'public',
        'source-layer': 'streets',
        filter: ['==', ['get', 'band'], 'merged'],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': BAND_COLOURS.merged!,
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 3],
          'line-dasharray': [2, 2],
        },
      },
      {
        id: 'streets-none',
        type: 'line',
        source: 'public',
        'source-layer': 'streets',
        filter: ['==', ['get', 'band'], 'none'],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': BAND_COLOURS.none!,
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 3],
        },
      },
      {
        id: 'streets-casing',
        type: 'line',
        source: 'public',
        'source-layer': 'streets',
        filter: counted,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#3b2a20',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 3.5, 17, 11],
        },
      },
      {
        id: 'streets-count',
        type: 'line',
        source: 'public',
        'source-layer': 'streets',
        filter: counted,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': bandColour,
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 8],
        },
      },
      {
        id: 'streets-selected',
        type: 'line',
        source: 'public',
        'source-layer': 'streets',
        filter: ['==', ['get', 'id'], -1],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': '#1f4fd1',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 17, 14],
          'line-opacity': 0.55,
        },
      },
      ...base.labels,
      {
        id: 'street-label',
        type: 'symbol',
        source: 'public',
        'source-layer': 'streets',
        minzoom: 14,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10, 17, 13],
          'text-max-angle': 30,
        },
        paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  };
}
