/**
 * The officers' map style: the project's own base map (shared with the public map, so both
 * pages look alike and load the same tiles and glyphs from this server) with the officer
 * layers on top: risk zones, near-repeat clusters, streets coloured by activity, exact
 * incident points and a hit layer of all streets (to select any street for letters).
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { baseMap } from '../shared/base-map';

export const COLOURS = {
  activity: [
    // [from incidents, colour, legend text key (legend.ts)]
    [1, '#fdae61', 'one'],
    [2, '#f46d43', 'two'],
    [3, '#d73027', 'threeFour'],
    [5, '#7f0000', 'fivePlus'],
  ] as const,
  /** Days since a street's last letter: [up to days, colour, legend text key (legend.ts)]. */
  letters: [
    [7, '#00441b', 'letters7'],
    [30, '#238b45', 'letters30'],
    [90, '#74c476', 'letters90'],
    [Infinity, '#c7e9c0', 'lettersOlder'],
  ] as const,
  completed: '#b2182b',
  attempt: '#ffffff',
  cluster: '#6a3d9a',
  cocoon: '#e6550d',
  watch: '#fdd835',
  selected: '#1f4fd1',
};

const FONT = ['Liberation Sans Regular'];

/** Query string for the officer tiles of a period. */
export function tileQuery(from: Date, to: Date): string {
  return new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }).toString();
}

/** URL template of the officer tiles of a layer for a period (`tileQuery`). */
export function officerTileUrl(origin: string, layer: 'incidents' | 'streets', query: string): string {
  return `${origin}/tiles/${layer}/{z}/{x}/{y}.mvt?${query}`;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

const activityColour: ExpressionSpecification = [
  'step',
  ['get', 'incidents'],
  COLOURS.activity[0][1],
  2,
  COLOURS.activity[1][1],
  3,
  COLOURS.activity[2][1],
  5,
  COLOURS.activity[3][1],
];

/** The colour of a street whose last letter was `days` ago. */
export function letterColour(days: number): string {
  return COLOURS.letters.find(([upTo]) => days <= upTo)![1];
}

/** Layers that respond to clicks, in priority order. */
export const CLICK_LAYERS = [
  'incidents-hit',
  'cluster-fill',
  'cluster-point',
  'activity',
  'streets-hit',
  'zone-fill',
];

/**
 * The officers' map style for a page served from `origin`; the GeoJSON sources start empty.
 *
 * @param query - the period of the incident and street tiles (`tileQuery`)
 */
export function buildOfficerStyle(origin: string, query: string): StyleSpecification {
  const base = baseMap(origin);
  const width = (a: number, b: number): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['zoom'],
    12,
    a,
    17,
    b,
  ];
  const officer: LayerSpecification[] = [
    {
      id: 'zone-fill',
      type: 'fill',
      source: 'zones',
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'cocoon', COLOURS.cocoon, COLOURS.watch],
        'fill-opacity': ['match', ['get', 'kind'], 'cocoon', 0.16, 0.06],
      },
    },
    {
      id: 'zone-line',
      type: 'line',
      source: 'zones',
      paint: {
        'line-color': ['match', ['get', 'kind'], 'cocoon', '#a63603', '#9e7c00'],
        'line-width': 1,
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'zone-selected',
      type: 'line',
      source: 'zones',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': COLOURS.selected, 'line-width': 3 },
    },
    {
      id: 'cluster-fill',
      type: 'fill',
      source: 'clusters',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': COLOURS.cluster, 'fill-opacity': 0.22 },
    },
    {
      id: 'cluster-line',
      type: 'line',
      source: 'clusters',
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': COLOURS.cluster, 'line-width': 2.5 },
    },
    {
      id: 'cluster-point',
      type: 'circle',
      source: 'clusters',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 14,
        'circle-color': COLOURS.cluster,
        'circle-opacity': 0.22,
        'circle-stroke-color': COLOURS.cluster,
        'circle-stroke-width': 2.5,
      },
    },
    // Every street of the municipality, invisible but wide: a click selects it for letters. 8 px
    // wider than it used to be: a click 4 px beside a street (or a coloured street on it) still
    // finds it, as the click handler's old ±4 px query box did.
    {
      id: 'streets-hit',
      type: 'line',
      source: 'streets',
      'source-layer': 'streets',
      minzoom: 12,
      paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': width(14, 26) },
    },
    {
      id: 'activity-casing',
      type: 'line',
      source: 'activity',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#3b2a20', 'line-width': width(3.5, 11) },
    },
    {
      id: 'activity',
      type: 'line',
      source: 'activity',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': activityColour, 'line-width': width(2, 8) },
    },
    // Streets that had letters, as a line beside the street (offset), coloured by the days
    // since the last letter: it stays visible next to the street's burglary colour.
    {
      id: 'letters',
      type: 'line',
      source: 'streets',
      'source-layer': 'streets',
      minzoom: 12,
      filter: ['in', ['get', 'id'], ['literal', []]],
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.letters[3][1],
        'line-width': width(2, 5),
        'line-offset': width(3, 9),
      },
    },
    {
      id: 'streets-selected',
      type: 'line',
      source: 'streets',
      'source-layer': 'streets',
      minzoom: 12,
      filter: ['in', ['get', 'id'], ['literal', []]],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': COLOURS.selected, 'line-width': width(5, 16), 'line-opacity': 0.6 },
    },
    {
      id: 'incidents',
      type: 'circle',
      source: 'incidents',
      'source-layer': 'incidents',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 7],
        'circle-color': ['case', ['get', 'attempt'], COLOURS.attempt, COLOURS.completed],
        'circle-stroke-color': COLOURS.completed,
        'circle-stroke-width': ['case', ['get', 'attempt'], 2, 1],
      },
    },
    // The dots, invisible and 4 px wider: a click that just misses a small dot still finds it
    // (a layer's click handler gets only what is drawn under the pointer; the old dispatcher
    // queried a box of ±4 px).
    {
      id: 'incidents-hit',
      type: 'circle',
      source: 'incidents',
      'source-layer': 'incidents',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 7, 16, 11],
        'circle-opacity': 0,
        'circle-stroke-width': ['case', ['get', 'attempt'], 2, 1],
        'circle-stroke-opacity': 0,
      },
    },
    {
      id: 'incident-selected',
      type: 'circle',
      source: 'incidents',
      'source-layer': 'incidents',
      filter: ['==', ['get', 'id'], -1],
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLOURS.selected,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'street-label',
      type: 'symbol',
      source: 'streets',
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
  ];
  return {
    version: 8,
    glyphs: base.glyphs,
    sources: {
      basemap: base.source,
      streets: {
        type: 'vector',
        tiles: [officerTileUrl(origin, 'streets', query)],
        minzoom: 12,
        maxzoom: 16,
      },
      incidents: {
        type: 'vector',
        tiles: [officerTileUrl(origin, 'incidents', query)],
        minzoom: 10,
        maxzoom: 16,
      },
      activity: { type: 'geojson', data: EMPTY },
      clusters: { type: 'geojson', data: EMPTY },
      zones: { type: 'geojson', data: EMPTY },
    },
    layers: [...base.layers, ...officer, ...base.labels],
  };
}

/** Layer ids per toggle in the toolbar. */
export const LAYER_GROUPS: Record<string, string[]> = {
  activity: ['activity-casing', 'activity'],
  incidents: ['incidents', 'incidents-hit', 'incident-selected'],
  clusters: ['cluster-fill', 'cluster-line', 'cluster-point'],
  zones: ['zone-fill', 'zone-line', 'zone-selected'],
  letters: ['letters'],
};
