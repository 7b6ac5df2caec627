/**
 * The officers' page for a planner (a role that sees no burglary and no victim's address): the
 * base map and the sections a planner may use (team-sections.ts: the street inspections), and
 * their account. No officer figures are asked for: the map has no incident, street-activity,
 * cluster or risk-zone source (their endpoints would refuse a planner anyway), and the officers'
 * panels, toolbar and legend are hidden and never load (the view has a store of its own).
 */
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseMap } from '../shared/base-map';
import type { MunicipalityInfo, SessionUser } from './api';
import { AreaDraw } from './area-draw';
import { byId } from './by-id';
import { messages } from './i18n';
import { OfficerStore } from './officer-store';
import { mountTeamSections } from './team-sections';

const t = messages({
  nl: { map: 'Kaart van {name} met de looproute en bevindingen van de geopende schouw' },
  en: { map: 'Map of {name} with the walking route and findings of the open inspection' },
});

/** The panel sections a planner keeps; every other one is the officers'. */
const PLANNER_PANELS = new Set(['pk-inspections-section', 'pk-account']);

/** Shows the page as a planner's: base map and the planners' sections for municipality `m`. */
export function startPlannerView(opts: {
  user: SessionUser;
  municipality: MunicipalityInfo;
  showError: (err: unknown) => void;
}): void {
  const m = opts.municipality;
  document.body.dataset.role = 'planner';
  for (const e of document.querySelectorAll<HTMLElement>('.pk-toolbar, #pk-legend')) e.hidden = true;
  for (const d of document.querySelectorAll<HTMLDetailsElement>('#pk-panel > details'))
    if (!PLANNER_PANELS.has(d.id)) d.hidden = true;
  // A store of its own: the officers' panels, which follow the page's store, never load.
  const store = new OfficerStore();
  store.showMunicipality(m);
  byId('pk-app').hidden = false;
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const base = baseMap(location.origin);
  const map = new MapLibreMap({
    container: byId('pk-map'),
    style: {
      version: 8,
      glyphs: base.glyphs,
      sources: { basemap: base.source },
      layers: [...base.layers, ...base.labels],
    },
    bounds: m.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: false },
    maxZoom: 18,
    minZoom: 10,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  byId('pk-map').setAttribute('aria-label', t('map', { name: m.name }));
  map.getCanvas().setAttribute('aria-label', t('map', { name: m.name }));
  map.on('error', (e) => console.error(`map: ${(e.error as Error | undefined)?.message ?? 'error'}`));
  map.once('load', () => (document.body.dataset.mapReady = 'true'));
  // Planners draw an area for an inspection with the same tool as the officers' letters form.
  const draw = new AreaDraw(map, store);
  mountTeamSections({ store, user: opts.user, map: () => map, showError: opts.showError, draw: () => draw });
  byId<HTMLDetailsElement>('pk-inspections-section').open = true;
}
