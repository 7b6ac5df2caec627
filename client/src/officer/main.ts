/**
 * Officers' map: sign in, see the municipality's burglaries with their exact places and dates,
 * near-repeat clusters, forward-looking risk zones and street activity; read the Knox test;
 * select streets or a risk zone and send prevention letters. Everything comes from this server
 * (figures, vector tiles, base map, glyphs): no third-party request.
 */
import { Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource, type Map as MlMap, type VectorTileSource } from 'maplibre-gl';
// maplibre-gl 6 is ESM with a separate worker file; Vite emits it as a same-origin asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './officer.css';
import { api, ApiError, type Clusters, type Knox, type MunicipalityInfo, type RiskZones, type SessionUser, type StreetActivity, type StreetActivityProps, setCsrfToken } from './api';
import { dateText, methodText, methodsText, numberText, pText } from './format';
import { bboxOf, type BBox } from './bbox';
import { incidentInfo, type IncidentInfo } from './incident-info';
import { LetterPanel } from './letters';
import { setupImportPanel } from './import-panel';
import { CLICK_LAYERS, COLOURS, LAYER_GROUPS, buildOfficerStyle, officerTileUrl, tileQuery } from './officer-style';
import { period } from './period';
import { SortableTable } from './sortable-table';

/** Test hook: the map and what it shows. */
declare global {
  interface Window {
    preventiekaartIntern?: {
      map: MlMap;
      ready: boolean;
      municipality: string;
      selectedStreets: () => number[];
      campaign: () => LetterPanel['campaign'];
    };
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const DAY_MS = 86_400_000;

const state: {
  user?: SessionUser;
  m?: MunicipalityInfo;
  choices: MunicipalityInfo[];
  days: number;
  activity?: StreetActivity;
  clusters?: Clusters;
  zones?: RiskZones;
  knox?: Knox;
  selectedStreets: Map<number, string>;
  selectedZone: string | null;
  selectedIncident: number | null;
  incidents: Map<number, IncidentInfo>;
  streetNames: Map<number, string>;
  loadSeq: number;
} = {
  choices: [],
  days: 90,
  selectedStreets: new Map(),
  selectedZone: null,
  selectedIncident: null,
  incidents: new Map(),
  streetNames: new Map(),
  loadSeq: 0,
};

let map: MlMap | undefined;
let popup: Popup | undefined;
/** Resolves at the map's 'load' event. (isStyleLoaded() is false while tiles load, after 'load' fired.) */
let mapLoaded: Promise<void> = Promise.resolve();

function message(text: string): void {
  $('pk-message').textContent = text;
}

function streetName(id: number | null): string {
  if (id === null) return 'onbekende straat';
  return state.streetNames.get(id) ?? `straat ${id}`;
}

// ---------------------------------------------------------------- letters

const letters = new LetterPanel({
  municipality: () => state.m!.code,
  selectedStreets: () => state.selectedStreets,
  removeStreet: (id) => toggleStreet(id, streetName(id), false),
  zones: () => state.zones,
  selectedZone: () => state.selectedZone,
  selectZone: (id) => selectZone(id, false),
  incidents: () => [...state.incidents.values()],
  streetName,
  selectedIncident: () => state.selectedIncident,
  selectIncident: (id) => selectIncident(id),
});

function toggleStreet(id: number, name: string, on = !state.selectedStreets.has(id)): void {
  if (on) state.selectedStreets.set(id, name);
  else state.selectedStreets.delete(id);
  map?.setFilter('streets-selected', ['in', ['get', 'id'], ['literal', [...state.selectedStreets.keys()]]]);
  if (on && letters.target() !== 'streets') letters.setTarget('streets');
  letters.render();
  activityTable.render();
}

function selectZone(id: string | null, fromMap = true): void {
  state.selectedZone = id;
  map?.setFilter('zone-selected', ['==', ['get', 'id'], id ?? '']);
  if (fromMap && id) letters.setTarget('zone');
  else letters.render();
}

function selectIncident(id: number | null): void {
  state.selectedIncident = id;
  map?.setFilter('incident-selected', ['==', ['get', 'id'], id ?? -1]);
  letters.render();
}

// ---------------------------------------------------------------- tables

function checkbox(id: number, name: string): HTMLElement {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.checked = state.selectedStreets.has(id);
  input.dataset.focusKey = `street:${id}`;
  input.setAttribute('aria-label', `${name} selecteren voor brieven`);
  input.addEventListener('change', () => toggleStreet(id, name, input.checked));
  return input;
}

function zoomButton(label: string, onClick: () => void, focusKey: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pk-button-small';
  b.textContent = 'Toon';
  b.dataset.focusKey = focusKey;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

type ActivityRow = StreetActivityProps & { bbox: BBox | null };

const activityTable = new SortableTable<ActivityRow>(
  $('pk-activity-table'),
  [
    { key: 'select', label: 'Kies', cell: (r) => checkbox(r.streetId, r.name) },
    { key: 'name', label: 'Straat', value: (r) => r.name, cell: (r) => r.name },
    { key: 'incidents', label: 'Inbraken', numeric: true, value: (r) => r.incidents, cell: (r) => String(r.incidents) },
    { key: 'attempts', label: 'Pogingen', numeric: true, value: (r) => r.attempts, cell: (r) => String(r.attempts) },
    { key: 'per1000', label: 'Per 1.000', numeric: true, value: (r) => r.per1000Addresses ?? -1, cell: (r) => (r.per1000Addresses === null ? '–' : numberText(r.per1000Addresses, 1)) },
    { key: 'last', label: 'Laatste', value: (r) => r.lastAt, cell: (r) => dateText(r.lastAt) },
    { key: 'mo', label: 'Werkwijze', cell: (r) => methodsText(r.modusOperandi) },
    { key: 'show', label: '', cell: (r) => zoomButton(`Toon ${r.name} op de kaart`, () => fitTo(r.bbox), `show:${r.streetId}`) },
  ],
  {
    id: 'pk-activity',
    initialSort: 'incidents',
    rowKey: (r) => String(r.streetId),
    rowClass: (r) => (state.selectedStreets.has(r.streetId) ? 'pk-selected' : ''),
    caption: () => `${state.activity?.features.length ?? 0} straten met inbraken, laatste ${state.days} dagen; ${state.activity?.totals.unlocated ?? 0} inbraken zonder straat.`,
  },
);

function fitTo(bbox: BBox | null): void {
  if (bbox && map) map.fitBounds(bbox, { padding: 80, maxZoom: 17, duration: 500 });
}

function renderClusters(): void {
  const host = $('pk-cluster-list');
  const features = state.clusters?.features ?? [];
  const p = state.clusters?.parameters;
  const intro = document.createElement('p');
  intro.className = 'pk-hint';
  intro.textContent = p
    ? `${features.length} clusters: inbraken binnen ${p.distanceM} m en ${p.days} dagen van elkaar, laatste ${state.days} dagen. Nieuwste eerst.`
    : '';
  const ul = document.createElement('ul');
  ul.className = 'pk-clusters';
  ul.id = 'pk-clusters';
  for (const f of features) {
    const c = f.properties;
    const li = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = `${c.size} inbraken, ${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${numberText(c.spanDays, 1)} dagen)`;
    const streets = document.createElement('span');
    streets.textContent = c.streets.map((s) => `${s.name} (${s.n})`).join(', ') + (c.attempts ? ` · ${c.attempts} pogingen` : '');
    const show = zoomButton(`Toon cluster van ${c.size} inbraken op de kaart`, () => fitTo(bboxOf((f.geometry as { coordinates: unknown }).coordinates)), `cluster:${c.id}`);
    const pick = document.createElement('button');
    pick.type = 'button';
    pick.className = 'pk-button-small';
    pick.textContent = 'Straten kiezen';
    pick.setAttribute('aria-label', `Straten kiezen van dit cluster voor brieven: ${c.streets.map((s) => s.name).join(', ')}`);
    pick.addEventListener('click', () => selectCluster(c.id));
    li.append(strong, streets, document.createTextNode(' '), show, document.createTextNode(' '), pick);
    ul.appendChild(li);
  }
  host.replaceChildren(intro, ul);
}

function selectCluster(id: string): void {
  const c = state.clusters?.features.find((f) => f.properties.id === id)?.properties;
  if (!c) return;
  for (const s of c.streets) toggleStreet(s.id, s.name, true);
  // The newest member we know of is what the cocoon letter is about.
  const members = c.members.map((m) => state.incidents.get(m)).filter((i): i is IncidentInfo => !!i);
  const newest = members.sort((a, b) => b.date.localeCompare(a.date))[0];
  if (newest) selectIncident(newest.id);
}

function renderKnox(): void {
  const host = $('pk-knox');
  const k = state.knox;
  if (!k) {
    host.textContent = 'Knox-toets wordt berekend…';
    return;
  }
  const ds = k.parameters.distanceBands, ts = k.parameters.timeBands;
  const table = document.createElement('table');
  table.className = 'pk-table pk-knox';
  table.id = 'pk-knox-table';
  const cap = document.createElement('caption');
  cap.textContent = `${k.incidents} inbraken, ${k.pairs} paren, ${k.parameters.permutations} permutaties; ${dateText(k.parameters.from)} – ${dateText(k.parameters.to)}. Per cel: verhouding waargenomen/verwacht (waargenomen, p).`;
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = 'Afstand \\ tijd';
  head.appendChild(corner);
  for (let j = 0; j < ts.length - 1; j++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = 'pk-num';
    th.textContent = `${ts[j]}–${ts[j + 1]} d`;
    head.appendChild(th);
  }
  const thead = document.createElement('thead');
  thead.appendChild(head);
  const tbody = document.createElement('tbody');
  for (let i = 0; i < ds.length - 1; i++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `${ds[i]}–${ds[i + 1]} m`;
    tr.appendChild(th);
    for (let j = 0; j < ts.length - 1; j++) {
      const cell = k.cells.find((c) => c.distance[0] === ds[i] && c.days[0] === ts[j]);
      const td = document.createElement('td');
      td.className = 'pk-num';
      if (cell) {
        td.textContent = `${cell.ratio === null ? '–' : numberText(cell.ratio, 2)} (${cell.observed}, p ${pText(cell.p)})`;
        if (cell.ratio !== null && cell.ratio > 1 && cell.p < 0.05) td.classList.add('pk-strong');
        td.title = `waargenomen ${cell.observed}, verwacht ${numberText(cell.expected, 1)}`;
      }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.append(cap, thead, tbody);
  host.replaceChildren(table);
}

function renderLegend(): void {
  const item = (swatch: Partial<CSSStyleDeclaration>, cls: string, label: string) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `pk-swatch ${cls}`;
    Object.assign(sw.style, swatch);
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, document.createTextNode(label));
    return li;
  };
  $('pk-legend-items').replaceChildren(
    ...COLOURS.activity.map(([, colour, label]) => item({ background: colour }, '', `Straat: ${label}`)),
    item({ background: COLOURS.completed }, 'pk-swatch-dot', 'Inbraak'),
    item({ background: COLOURS.attempt, borderColor: COLOURS.completed, borderWidth: '2px' }, 'pk-swatch-dot', 'Poging'),
    item({ background: 'rgba(106,61,154,0.3)', borderColor: COLOURS.cluster, borderWidth: '2px' }, 'pk-swatch-area', 'Near-repeat cluster'),
    item({ background: 'rgba(230,85,13,0.3)', borderStyle: 'dashed' }, 'pk-swatch-area', 'Risicozone cocon'),
    item({ background: 'rgba(253,216,53,0.2)', borderStyle: 'dashed' }, 'pk-swatch-area', 'Risicozone waakzone'),
    item({ background: COLOURS.selected, opacity: '0.6' }, '', 'Gekozen voor brieven'),
  );
}

// ---------------------------------------------------------------- map

function popupAt(lngLat: { lng: number; lat: number }, content: HTMLElement): void {
  popup?.remove();
  popup = new Popup({ maxWidth: '18rem', focusAfterOpen: true }).setLngLat(lngLat).setDOMContent(content).addTo(map!);
}

function popupContent(title: string, lines: string[], actions: [string, () => void][]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'pk-popup';
  const h = document.createElement('h3');
  h.textContent = title;
  div.appendChild(h);
  for (const l of lines) {
    const p = document.createElement('p');
    p.textContent = l;
    div.appendChild(p);
  }
  for (const [label, fn] of actions) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'pk-button-small';
    b.textContent = label;
    b.addEventListener('click', () => {
      fn();
      popup?.remove();
    });
    div.append(b, document.createTextNode(' '));
  }
  return div;
}

function onMapClick(e: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }): void {
  const m = map!;
  const layers = CLICK_LAYERS.filter((l) => m.getLayer(l) && m.getLayoutProperty(l, 'visibility') !== 'none');
  const hits = m.queryRenderedFeatures([[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]], { layers });
  const first = (layer: string) => hits.find((h) => h.layer.id === layer);
  const incident = first('incidents');
  if (incident) {
    const i = incidentInfo(incident.properties);
    const title = `${i.attempt ? 'Poging tot inbraak' : 'Inbraak'} · ${dateText(i.date)}`;
    const letterAction: [string, () => void] = ['Brief over deze inbraak', () => {
      selectIncident(i.id);
      if (i.streetId !== null) toggleStreet(i.streetId, streetName(i.streetId), true);
    }];
    // The address is a victim's: fetched only when asked for, and the server logs every view.
    const detailAction: [string, () => void] = ['Adres en details (wordt gelogd)', () => {
      void api.incident(i.id).then(
        (d) => popupAt(e.lngLat, popupContent(title, [
          `Adres: ${d.address ?? d.locationLabel ?? 'onbekend'}`,
          `Tijdvak: ${dateText(d.occurredFrom)}${d.occurredTo.slice(0, 10) !== d.occurredFrom.slice(0, 10) ? ` – ${dateText(d.occurredTo)}` : ''}`,
          `Werkwijze: ${d.modusOperandiLabel}${d.moText ? ` (${d.moText})` : ''}`,
          `Registratienummer: ${d.registration} (${d.source})`,
        ], [letterAction])),
        showError,
      );
    }];
    popupAt(e.lngLat, popupContent(title, [
      `Straat: ${streetName(i.streetId)}`, `Werkwijze: ${methodText(i.modusOperandi)}`,
    ], [detailAction, letterAction]));
    return;
  }
  const cluster = first('cluster-fill') ?? first('cluster-point');
  if (cluster) {
    const c = state.clusters?.features.find((f) => f.properties.id === cluster.properties.id)?.properties;
    if (c) {
      popupAt(e.lngLat, popupContent(`Near-repeat cluster: ${c.size} inbraken`, [
        `${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${numberText(c.spanDays, 1)} dagen)`,
        `Straten: ${c.streets.map((s) => `${s.name} (${s.n})`).join(', ')}`,
      ], [['Straten kiezen voor brieven', () => selectCluster(c.id)]]));
      return;
    }
  }
  const street = first('activity') ?? first('streets-hit');
  if (street) {
    const id = Number(street.layer.id === 'activity' ? street.properties.streetId : street.properties.id);
    const a = state.activity?.features.find((f) => f.properties.streetId === id)?.properties;
    const name = a?.name ?? String(street.properties.name ?? streetName(id));
    state.streetNames.set(id, name);
    toggleStreet(id, name);
    const lines = a
      ? [`${a.incidents} inbraken (${a.attempts} pogingen), laatste ${dateText(a.lastAt)}`, `${a.addresses} woonadressen; ${a.per1000Addresses === null ? '–' : numberText(a.per1000Addresses, 1)} per 1.000`, `Werkwijze: ${methodsText(a.modusOperandi)}`]
      : [`Geen inbraken in de laatste ${state.days} dagen.`];
    lines.push(state.selectedStreets.has(id) ? 'Gekozen voor brieven.' : 'Niet meer gekozen voor brieven.');
    popupAt(e.lngLat, popupContent(name, lines, []));
    return;
  }
  const zone = first('zone-fill');
  if (zone) {
    const z = state.zones?.features.find((f) => f.properties.id === zone.properties.id)?.properties;
    if (z) {
      popupAt(e.lngLat, popupContent(`${z.kind === 'cocoon' ? 'Cocon' : 'Waakzone'}: ${z.streetName ?? 'zonder straat'}`, [
        `${z.incidents} inbraken, laatste ${dateText(z.lastIncidentAt)}`, `Loopt tot ${dateText(z.expiresAt)}`, `${z.addresses} woonadressen in de zone`,
      ], [['Deze zone kiezen voor brieven', () => selectZone(z.id)]]));
    }
  }
}

/** Incidents in the loaded tiles: the list the letter form offers (tiles carry id, date, method, street). */
function collectIncidents(): void {
  if (!map?.getSource('incidents')) return;
  const before = state.incidents.size;
  for (const f of map.querySourceFeatures('incidents', { sourceLayer: 'incidents' })) {
    const i = incidentInfo(f.properties);
    state.incidents.set(i.id, i);
  }
  if (state.incidents.size !== before) letters.render();
}

function initMap(m: MunicipalityInfo): MlMap {
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const { from, to } = period(state.days);
  const mlmap = new MapLibreMap({
    container: $('pk-map'),
    style: buildOfficerStyle(location.origin, tileQuery(from, to)),
    bounds: m.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: false },
    maxZoom: 18,
    minZoom: 10,
  });
  mlmap.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  mlmap.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  mlmap.getCanvas().setAttribute('aria-label', `Kaart van ${m.name} met inbraken, clusters en risicozones`);
  mapLoaded = new Promise<void>((resolve) => mlmap.once('load', () => resolve()));
  mlmap.on('click', onMapClick);
  for (const l of CLICK_LAYERS) {
    mlmap.on('mouseenter', l, () => (mlmap.getCanvas().style.cursor = 'pointer'));
    mlmap.on('mouseleave', l, () => (mlmap.getCanvas().style.cursor = ''));
  }
  mlmap.on('idle', collectIncidents);
  mlmap.on('error', (e) => console.error(`map: ${(e.error as Error | undefined)?.message ?? 'error'}`));
  window.preventiekaartIntern = {
    map: mlmap,
    ready: false,
    municipality: m.code,
    selectedStreets: () => [...state.selectedStreets.keys()],
    campaign: () => letters.campaign,
  };
  return mlmap;
}

function setLayerVisibility(): void {
  if (!map) return;
  for (const [group, ids] of Object.entries(LAYER_GROUPS)) {
    const on = $<HTMLInputElement>(`pk-layer-${group}`).checked;
    for (const id of ids) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }
}


async function loadData(): Promise<void> {
  const seq = ++state.loadSeq;
  const m = state.m!;
  const { from, to } = period(state.days);
  const q = { municipality: m.code, from, to };
  message('Gegevens worden geladen…');
  const [activity, clusters, zones] = await Promise.all([api.activity(q), api.clusters(q), api.riskZones(m.code)]);
  if (seq !== state.loadSeq) return;
  state.activity = activity;
  state.clusters = clusters;
  state.zones = zones;
  for (const f of activity.features) state.streetNames.set(f.properties.streetId, f.properties.name);
  for (const c of clusters.features) for (const s of c.properties.streets) state.streetNames.set(s.id, s.name);
  if (state.selectedZone && !zones.features.some((z) => z.properties.id === state.selectedZone)) state.selectedZone = null;
  state.incidents.clear();

  const t = activity.totals;
  $('pk-totals').textContent = `${t.incidents} inbraken en pogingen in ${state.days} dagen · ${clusters.features.length} clusters · ${zones.features.filter((z) => z.properties.kind === 'cocoon').length} cocons actief`;
  activityTable.update(activity.features.map((f) => ({ ...f.properties, bbox: f.geometry ? bboxOf((f.geometry as { coordinates: unknown }).coordinates) : null })));
  renderClusters();
  letters.render();

  const mlmap = map!;
  await mapLoaded;
  const withGeometry = { ...activity, features: activity.features.filter((f) => f.geometry) };
  (mlmap.getSource('activity') as GeoJSONSource).setData(withGeometry as GeoJSON.FeatureCollection);
  (mlmap.getSource('clusters') as GeoJSONSource).setData(clusters as unknown as GeoJSON.FeatureCollection);
  (mlmap.getSource('zones') as GeoJSONSource).setData(zones as unknown as GeoJSON.FeatureCollection);
  const tq = tileQuery(from, to);
  (mlmap.getSource('incidents') as VectorTileSource).setTiles([officerTileUrl(location.origin, 'incidents', tq)]);
  (mlmap.getSource('streets') as VectorTileSource).setTiles([officerTileUrl(location.origin, 'streets', tq)]);
  message('');
  // Ready (for people: the incident list; for tests: the flag) once the new data is drawn.
  // Polled: an 'idle' listener added here did not always fire in headless Chromium.
  delete document.body.dataset.mapReady;
  window.preventiekaartIntern!.ready = false;
  const check = () => {
    if (seq !== state.loadSeq) return;
    if (!mlmap.loaded() || !mlmap.areTilesLoaded()) {
      setTimeout(check, 250);
      return;
    }
    collectIncidents();
    window.preventiekaartIntern!.ready = true;
    document.body.dataset.mapReady = 'true';
  };
  setTimeout(check, 250);
}

async function loadKnox(): Promise<void> {
  state.knox = undefined;
  renderKnox();
  try {
    // The Knox test needs many pairs to say anything: it always looks at the last 365 days.
    const to = new Date();
    state.knox = await api.knox({ municipality: state.m!.code, from: new Date(to.getTime() - 365 * DAY_MS), to });
    renderKnox();
  } catch (err) {
    $('pk-knox').textContent = `Knox-toets niet beschikbaar: ${(err as Error).message}`;
  }
}

// ---------------------------------------------------------------- session

/** The municipalities this user may see (GET /api/session names them by code). */
async function userMunicipalities(user: SessionUser): Promise<MunicipalityInfo[]> {
  const { municipalities } = await api.municipalities();
  const codes = user.municipalityCodes;
  return codes === 'all' ? municipalities : municipalities.filter((m) => codes.includes(m.code));
}

async function startApp(user: SessionUser): Promise<void> {
  state.user = user;
  $('pk-signin').hidden = true;
  $('pk-user').hidden = false;
  $('pk-user-email').textContent = user.name ?? user.email;
  if (user.role === 'planner') {
    message('Deze kaart is voor medewerkers met de rol officer; uw rol is planner.');
    return;
  }
  state.choices = await userMunicipalities(user);
  const m = state.choices[0];
  if (!m) {
    message('U heeft geen toegang tot een geladen gemeente.');
    return;
  }
  const select = $<HTMLSelectElement>('pk-municipality-select');
  select.replaceChildren(...state.choices.map((c) => new Option(c.name, c.code)));
  $('pk-municipality-choice').hidden = state.choices.length < 2;
  await showMunicipality(m);
}

async function showMunicipality(m: MunicipalityInfo): Promise<void> {
  state.m = m;
  state.selectedStreets.clear();
  state.selectedZone = null;
  state.selectedIncident = null;
  state.streetNames.clear();
  $('pk-municipality').textContent = `– ${m.name}${m.demo ? ' (demogegevens)' : ''}`;
  document.title = `Preventiekaart – intern – ${m.name}`;
  $('pk-app').hidden = false;
  if (map) {
    map.fitBounds(m.bbox, { padding: 20, duration: 0 });
  } else {
    map = initMap(m);
  }
  renderLegend();
  letters.render();
  await loadData();
  setLayerVisibility();
  void loadKnox();
}

function showSignIn(): void {
  $('pk-app').hidden = true;
  $('pk-user').hidden = true;
  $('pk-signin').hidden = false;
  $('pk-email').focus();
}

async function main(): Promise<void> {
  $('pk-signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const email = $<HTMLInputElement>('pk-email').value.trim();
    const password = $<HTMLInputElement>('pk-password').value;
    const error = $('pk-signin-error');
    error.textContent = '';
    if (!email || !password) {
      error.textContent = 'Vul uw e-mailadres en wachtwoord in.';
      return;
    }
    void api.signIn(email, password).then(
      (s) => {
        setCsrfToken(s.csrfToken);
        $<HTMLInputElement>('pk-password').value = '';
        return startApp(s.user);
      },
      (err: unknown) => {
        error.textContent = err instanceof ApiError && err.status === 401
          ? 'E-mailadres of wachtwoord klopt niet.'
          : `Aanmelden lukt niet: ${(err as Error).message}`;
      },
    );
  });
  $('pk-signout').addEventListener('click', () => {
    letters.stop();
    void api.signOut().finally(() => location.reload());
  });
  $('pk-period').addEventListener('change', () => {
    state.days = Number($<HTMLSelectElement>('pk-period').value);
    void loadData().catch(showError);
  });
  $('pk-municipality-select').addEventListener('change', () => {
    const m = state.choices.find((c) => c.code === $<HTMLSelectElement>('pk-municipality-select').value);
    if (m) void showMunicipality(m).catch(showError);
  });
  for (const group of Object.keys(LAYER_GROUPS)) $(`pk-layer-${group}`).addEventListener('change', setLayerVisibility);
  setupImportPanel({ municipality: () => state.m!.code, onImported: () => loadData().catch(showError) });

  try {
    const s = await api.session();
    setCsrfToken(s.csrfToken);
    await startApp(s.user);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) showSignIn();
    else throw err;
  }
}

function showError(err: unknown): void {
  console.error(err);
  if (err instanceof ApiError && err.status === 401) {
    message('Uw sessie is verlopen: meld u opnieuw aan.');
    showSignIn();
    return;
  }
  message(`Fout: ${(err as Error).message}`);
}

main().catch(showError);
