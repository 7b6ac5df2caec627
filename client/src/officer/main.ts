/**
 * Officers' map: sign in, see the municipality's burglaries with their exact places and dates,
 * near-repeat clusters, forward-looking risk zones and street activity; read the Knox test;
 * select streets or a risk zone and send prevention letters. Everything comes from this server
 * (figures, vector tiles, base map, glyphs): no third-party request.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type Map as MlMap,
  type VectorTileSource,
} from 'maplibre-gl';
// maplibre-gl 6 is ESM with a separate worker file; Vite emits it as a same-origin asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './officer.css';
import { mountActivityTable } from './activity-table';
import { api, ApiError, type MunicipalityInfo, type SessionUser, setCsrfToken } from './api';
import type { BBox } from './bbox';
import { byId } from './by-id';
import { CampaignProgress } from './campaign-progress';
import { mountClusterList } from './cluster-list';
import { dateText, methodText, methodsText, numberText } from './format';
import { setupImportPanel } from './import-panel';
import { incidentInfo } from './incident-info';
import { mountKnoxTable } from './knox-table';
import { renderLegend } from './legend';
import { LetterPanel } from './letter-panel';
import { mountMunicipalityHeader } from './municipality-header';
import { CLICK_LAYERS, LAYER_GROUPS, buildOfficerStyle, officerTileUrl, tileQuery } from './officer-style';
import { OfficerStore } from './officer-store';
import { period } from './period';
import { mountPeriodTotals } from './period-totals';

/** Test hook: the map and what it shows. */
declare global {
  interface Window {
    preventiekaartIntern?: {
      map: MlMap;
      ready: boolean;
      municipality: string;
      selectedStreets: () => number[];
      campaign: () => CampaignProgress['campaign'];
    };
  }
}

const DAY_MS = 86_400_000;

const store = new OfficerStore();
let choices: MunicipalityInfo[] = [];
let loadSeq = 0;
let map: MlMap | undefined;
let popup: Popup | undefined;
/** Resolves at the map's 'load' event. (isStyleLoaded() is false while tiles load, after 'load' fired.) */
let mapLoaded: Promise<void> = Promise.resolve();

function message(text: string): void {
  byId('pk-message').textContent = text;
}

const fitTo = (bbox: BBox | null) => {
  if (bbox && map) map.fitBounds(bbox, { padding: 80, maxZoom: 17, duration: 500 });
};
const progress = new CampaignProgress();
new LetterPanel(store, progress);
mountActivityTable(byId('pk-activity-table'), store, fitTo);
mountClusterList(byId('pk-cluster-list'), store, fitTo);
mountKnoxTable(byId('pk-knox'), store);
mountPeriodTotals(byId('pk-totals'), store);
mountMunicipalityHeader(store);
renderLegend(byId('pk-legend-items'));
store.subscribe(['selectedStreets', 'selectedZone', 'selectedIncident'], (s) => {
  map?.setFilter('streets-selected', ['in', ['get', 'id'], ['literal', [...s.selectedStreets.keys()]]]);
  map?.setFilter('zone-selected', ['==', ['get', 'id'], s.selectedZone ?? '']);
  map?.setFilter('incident-selected', ['==', ['get', 'id'], s.selectedIncident ?? -1]);
});

// ---------------------------------------------------------------- map

function popupAt(lngLat: { lng: number; lat: number }, content: HTMLElement): void {
  popup?.remove();
  popup = new Popup({ maxWidth: '18rem', focusAfterOpen: true })
    .setLngLat(lngLat)
    .setDOMContent(content)
    .addTo(map!);
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
  const s = store.get();
  const layers = CLICK_LAYERS.filter((l) => m.getLayer(l) && m.getLayoutProperty(l, 'visibility') !== 'none');
  const hits = m.queryRenderedFeatures(
    [
      [e.point.x - 4, e.point.y - 4],
      [e.point.x + 4, e.point.y + 4],
    ],
    { layers },
  );
  const first = (layer: string) => hits.find((h) => h.layer.id === layer);
  const incident = first('incidents');
  if (incident) {
    const i = incidentInfo(incident.properties);
    const title = `${i.attempt ? 'Poging tot inbraak' : 'Inbraak'} · ${dateText(i.date)}`;
    const letterAction: [string, () => void] = ['Brief over deze inbraak', () => store.letterAbout(i)];
    // The address is a victim's: fetched only when asked for, and the server logs every view.
    const detailAction: [string, () => void] = [
      'Adres en details (wordt gelogd)',
      () => {
        void api
          .incident(i.id)
          .then(
            (d) =>
              popupAt(
                e.lngLat,
                popupContent(
                  title,
                  [
                    `Adres: ${d.address ?? d.locationLabel ?? 'onbekend'}`,
                    `Tijdvak: ${dateText(d.occurredFrom)}${d.occurredTo.slice(0, 10) !== d.occurredFrom.slice(0, 10) ? ` – ${dateText(d.occurredTo)}` : ''}`,
                    `Werkwijze: ${d.modusOperandiLabel}${d.moText ? ` (${d.moText})` : ''}`,
                    `Registratienummer: ${d.registration} (${d.source})`,
                  ],
                  [letterAction],
                ),
              ),
            showError,
          );
      },
    ];
    popupAt(
      e.lngLat,
      popupContent(
        title,
        [`Straat: ${store.streetName(i.streetId)}`, `Werkwijze: ${methodText(i.modusOperandi)}`],
        [detailAction, letterAction],
      ),
    );
    return;
  }
  const cluster = first('cluster-fill') ?? first('cluster-point');
  if (cluster) {
    const c = s.clusters?.features.find((f) => f.properties.id === cluster.properties.id)?.properties;
    if (c) {
      popupAt(
        e.lngLat,
        popupContent(
          `Near-repeat cluster: ${c.size} inbraken`,
          [
            `${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${numberText(c.spanDays, 1)} dagen)`,
            `Straten: ${c.streets.map((st) => `${st.name} (${st.n})`).join(', ')}`,
          ],
          [['Straten kiezen voor brieven', () => store.selectCluster(c.id)]],
        ),
      );
      return;
    }
  }
  const street = first('activity') ?? first('streets-hit');
  if (street) {
    const id = Number(street.layer.id === 'activity' ? street.properties.streetId : street.properties.id);
    const a = s.activity?.features.find((f) => f.properties.streetId === id)?.properties;
    const name = a?.name ?? String(street.properties.name ?? store.streetName(id));
    store.streetClicked(id, name);
    const lines = a
      ? [
          `${a.incidents} inbraken (${a.attempts} pogingen), laatste ${dateText(a.lastAt)}`,
          `${a.addresses} woonadressen; ${a.per1000Addresses === null ? '–' : numberText(a.per1000Addresses, 1)} per 1.000`,
          `Werkwijze: ${methodsText(a.modusOperandi)}`,
        ]
      : [`Geen inbraken in de laatste ${s.days} dagen.`];
    lines.push(
      store.get().selectedStreets.has(id) ? 'Gekozen voor brieven.' : 'Niet meer gekozen voor brieven.',
    );
    popupAt(e.lngLat, popupContent(name, lines, []));
    return;
  }
  const zone = first('zone-fill');
  if (zone) {
    const z = s.zones?.features.find((f) => f.properties.id === zone.properties.id)?.properties;
    if (z) {
      popupAt(
        e.lngLat,
        popupContent(
          `${z.kind === 'cocoon' ? 'Cocon' : 'Waakzone'}: ${z.streetName ?? 'zonder straat'}`,
          [
            `${z.incidents} inbraken, laatste ${dateText(z.lastIncidentAt)}`,
            `Loopt tot ${dateText(z.expiresAt)}`,
            `${z.addresses} woonadressen in de zone`,
          ],
          [['Deze zone kiezen voor brieven', () => store.selectZone(z.id, { pickTarget: true })]],
        ),
      );
    }
  }
}

/** Incidents in the loaded tiles: the list the letter form offers (tiles carry id, date, method, street). */
function collectIncidents(): void {
  if (!map?.getSource('incidents')) return;
  store.addIncidents(
    map.querySourceFeatures('incidents', { sourceLayer: 'incidents' }).map((f) => incidentInfo(f.properties)),
  );
}

function initMap(m: MunicipalityInfo): MlMap {
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const { from, to } = period(store.get().days);
  const mlmap = new MapLibreMap({
    container: byId('pk-map'),
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
    selectedStreets: () => [...store.get().selectedStreets.keys()],
    campaign: () => progress.campaign,
  };
  return mlmap;
}

function setLayerVisibility(): void {
  if (!map) return;
  for (const [group, ids] of Object.entries(LAYER_GROUPS)) {
    const on = byId<HTMLInputElement>(`pk-layer-${group}`).checked;
    for (const id of ids) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }
}

async function loadData(): Promise<void> {
  const seq = ++loadSeq;
  const p = period(store.get().days);
  const q = { municipality: store.get().municipality!.code, ...p };
  message('Gegevens worden geladen…');
  const [activity, clusters, zones] = await Promise.all([
    api.activity(q),
    api.clusters(q),
    api.riskZones(q.municipality),
  ]);
  if (seq !== loadSeq) return;
  store.dataLoaded({ period: p, activity, clusters, zones });

  const mlmap = map!;
  await mapLoaded;
  const withGeometry = { ...activity, features: activity.features.filter((f) => f.geometry) };
  (mlmap.getSource('activity') as GeoJSONSource).setData(withGeometry as GeoJSON.FeatureCollection);
  (mlmap.getSource('clusters') as GeoJSONSource).setData(clusters as unknown as GeoJSON.FeatureCollection);
  (mlmap.getSource('zones') as GeoJSONSource).setData(zones as unknown as GeoJSON.FeatureCollection);
  const tq = tileQuery(p.from, p.to);
  (mlmap.getSource('incidents') as VectorTileSource).setTiles([
    officerTileUrl(location.origin, 'incidents', tq),
  ]);
  (mlmap.getSource('streets') as VectorTileSource).setTiles([officerTileUrl(location.origin, 'streets', tq)]);
  message('');
  // Ready (for people: the incident list; for tests: the flag) once the new data is drawn.
  // Polled: an 'idle' listener added here did not always fire in headless Chromium.
  delete document.body.dataset.mapReady;
  window.preventiekaartIntern!.ready = false;
  const check = () => {
    if (seq !== loadSeq) return;
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
  store.setKnox({ status: 'computing' });
  try {
    // The Knox test needs many pairs to say anything: it always looks at the last 365 days.
    const to = new Date();
    const result = await api.knox({
      municipality: store.get().municipality!.code,
      from: new Date(to.getTime() - 365 * DAY_MS),
      to,
    });
    store.setKnox({ status: 'ready', result });
  } catch (err) {
    store.setKnox({ status: 'failed', message: (err as Error).message });
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
  byId('pk-signin').hidden = true;
  byId('pk-user').hidden = false;
  byId('pk-user-email').textContent = user.name ?? user.email;
  if (user.role === 'planner') {
    message('Deze kaart is voor medewerkers met de rol officer; uw rol is planner.');
    return;
  }
  choices = await userMunicipalities(user);
  const m = choices[0];
  if (!m) {
    message('U heeft geen toegang tot een geladen gemeente.');
    return;
  }
  const select = byId<HTMLSelectElement>('pk-municipality-select');
  select.replaceChildren(...choices.map((c) => new Option(c.name, c.code)));
  byId('pk-municipality-choice').hidden = choices.length < 2;
  await showMunicipality(m);
}

async function showMunicipality(m: MunicipalityInfo): Promise<void> {
  store.showMunicipality(m);
  byId('pk-app').hidden = false;
  if (map) {
    map.fitBounds(m.bbox, { padding: 20, duration: 0 });
  } else {
    map = initMap(m);
  }
  await loadData();
  setLayerVisibility();
  void loadKnox();
}

function showSignIn(): void {
  byId('pk-app').hidden = true;
  byId('pk-user').hidden = true;
  byId('pk-signin').hidden = false;
  byId('pk-email').focus();
}

async function main(): Promise<void> {
  byId('pk-signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const email = byId<HTMLInputElement>('pk-email').value.trim();
    const password = byId<HTMLInputElement>('pk-password').value;
    const error = byId('pk-signin-error');
    error.textContent = '';
    if (!email || !password) {
      error.textContent = 'Vul uw e-mailadres en wachtwoord in.';
      return;
    }
    void api.signIn(email, password).then(
      (s) => {
        setCsrfToken(s.csrfToken);
        byId<HTMLInputElement>('pk-password').value = '';
        return startApp(s.user);
      },
      (err: unknown) => {
        error.textContent =
          err instanceof ApiError && err.status === 401
            ? 'E-mailadres of wachtwoord klopt niet.'
            : `Aanmelden lukt niet: ${(err as Error).message}`;
      },
    );
  });
  byId('pk-signout').addEventListener('click', () => {
    progress.stop();
    void api.signOut().finally(() => location.reload());
  });
  byId('pk-period').addEventListener('change', () => {
    store.setDays(Number(byId<HTMLSelectElement>('pk-period').value));
    void loadData().catch(showError);
  });
  byId('pk-municipality-select').addEventListener('change', () => {
    const m = choices.find((c) => c.code === byId<HTMLSelectElement>('pk-municipality-select').value);
    if (m) void showMunicipality(m).catch(showError);
  });
  for (const group of Object.keys(LAYER_GROUPS))
    byId(`pk-layer-${group}`).addEventListener('change', setLayerVisibility);
  setupImportPanel({
    municipality: () => store.get().municipality!.code,
    onImported: () => loadData().catch(showError),
  });

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
