/**
 * Public map for residents: where were homes broken into recently (per street, never per
 * house), and what can you do. Everything comes from this server: figures, tiles, glyphs.
 * URL parameters: ?gemeente=GM0503 ?street=75 (id, as letters link) or ?street=Mekelweg ?postcode=2628CD ?lang=en ?embed=1
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type Map as MlMap,
  type VectorTileSource,
} from 'maplibre-gl';
// maplibre-gl 6 is ESM with a separate worker file; Vite emits it as a same-origin asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './public.css';
import {
  api,
  filterQuery,
  type AreasResponse,
  type MunicipalityInfo,
  type PublicCount,
  type PublicFilter,
  type SearchHit,
  type StreetFigure,
  type StreetsResponse,
} from './api';
import { METHOD_CODES, adviceFor, methodLabel } from './advice';
import { lastDayText, lang, setLang, t, type Lang, type MessageKey } from './i18n';
import { BAND_COLOURS, buildStyle, publicTileUrl } from './map-style';
import { StreetTable } from './street-table';
import { readStreetLink } from './street-link';
import { periodTable, valueText } from './trend-chart';

/** Test and embedding hook: the map and the figures it shows. */
declare global {
  interface Window {
    preventiekaart?: { map: MlMap; ready: boolean; streets: StreetFigure[] };
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);

const state: {
  m?: MunicipalityInfo;
  filter: PublicFilter;
  streets?: StreetsResponse;
  areas?: AreasResponse;
  hit?: SearchHit;
  lastQuery?: string;
  areaKey?: string;
} = {
  filter: {
    period: ([1, 3, 12].includes(Number(params.get('period')))
      ? Number(params.get('period'))
      : 3) as PublicFilter['period'],
    methods: [],
    attempt: 'all',
  },
};

let map: MlMap | undefined;
/** Resolves once the map has loaded (selecting a street needs its style). */
let mapLoaded: Promise<unknown> = Promise.resolve();
const table = new StreetTable($('pk-table-wrap'), (s) => {
  void runSearch(s.name).then(() => {
    renderAll();
    $('pk-map').scrollIntoView({ behavior: 'smooth', block: 'center' });
  });
});

function periodText(): string {
  return t(`periodText${state.filter.period}` as MessageKey);
}

function countText(c: PublicCount): string {
  if (c.few) return t('few');
  if (!c.count) return t('none');
  return c.count === 1 ? t('burglary1') : t('burglaries', { n: c.count });
}

function translateStatic(): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => {
    e.textContent = t(e.dataset.i18n as MessageKey);
  });
  const langButton = $('pk-lang');
  langButton.textContent = t('langSwitch');
  langButton.setAttribute('lang', lang() === 'nl' ? 'en' : 'nl');
  langButton.setAttribute('aria-label', t('langSwitchLabel'));
  $<HTMLInputElement>('pk-q').placeholder = t('searchPlaceholder');
  const method = $<HTMLSelectElement>('pk-method');
  const selected = method.value;
  method.replaceChildren(
    new Option(t('allMethods'), ''),
    ...METHOD_CODES.map((c) => new Option(methodLabel(c, lang()), c)),
  );
  method.value = selected;
  $('pk-table-toggle').textContent = $('pk-table-wrap').hidden ? t('tableShow') : t('tableHide');
  document.title = `${t('title')}${state.m ? ` – ${state.m.name}` : ''} – Preventiekaart`;
  if (state.m) {
    $('pk-map').setAttribute('aria-label', t('mapLabel', { name: state.m.name }));
  }
}

function renderLegend(): void {
  const min = state.streets?.minCount ?? 3;
  const items: Array<[string, string]> = [
    ['high', t('bandHigh')],
    ['mid', t('bandMid')],
    ['low', t('bandLow', { min })],
    ['few', t('bandFew')],
    ['none', t('bandNone')],
    ['merged', t('bandMerged')],
  ];
  $('pk-legend-items').replaceChildren(
    ...items.map(([band, label]) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = `pk-swatch pk-swatch-${band}`;
      sw.style.background = BAND_COLOURS[band]!;
      sw.setAttribute('aria-hidden', 'true');
      li.append(sw, document.createTextNode(label));
      return li;
    }),
  );
}

function renderAdvice(methods: string[]): void {
  $('pk-advice-list').replaceChildren(
    ...adviceFor(methods, lang()).map((a) => {
      const li = document.createElement('li');
      li.textContent = a;
      return li;
    }),
  );
  const m = state.m;
  if (!m) return;
  const block = (host: HTMLElement, title: string, text: string, url: string) => {
    host.replaceChildren();
    if (!text && !url) return;
    const h = document.createElement('h3');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    host.append(h, p);
    if (url) {
      // Links go to the municipality's own pages; they open outside the (possibly embedded) map.
      const a = document.createElement('a');
      a.href = /^https?:\/\//.test(url) ? url : `https://${url}`;
      a.textContent = url;
      a.target = '_blank';
      a.rel = 'noopener';
      host.appendChild(a);
    }
  };
  const texts = lang() === 'en' ? m.en : m;
  block(
    $('pk-subsidy'),
    `${t('subsidyTitle')}: ${texts.subsidy.name}`,
    texts.subsidy.description,
    texts.subsidy.url,
  );
  block($('pk-whatsapp'), t('whatsappTitle'), texts.whatsapp.description, texts.whatsapp.url);
  // Prevention evenings come with the planning module; until then the block stays hidden.
  $('pk-evenings').hidden = true;
}

function renderAnswer(): void {
  const host = $('pk-answer');
  host.replaceChildren();
  if (!state.lastQuery) {
    renderAdvice(state.streets?.total.methods ?? []);
    return;
  }
  const h = document.createElement('h2');
  h.textContent = state.hit ? state.hit.street.name : state.lastQuery;
  host.appendChild(h);
  const p = document.createElement('p');
  p.className = 'pk-answer-text';
  p.id = 'pk-answer-text';
  const hit = state.hit;
  if (!hit) {
    p.textContent = t('noHits', { q: state.lastQuery, name: state.m?.name ?? '' });
    host.appendChild(p);
    renderAdvice(state.streets?.total.methods ?? []);
    return;
  }
  let methods: string[];
  if (hit.figure) {
    p.textContent = t('inStreet', {
      street: hit.street.name,
      count: countText(hit.figure),
      period: periodText(),
    });
    methods = hit.figure.methods;
  } else if (hit.area.hidden) {
    p.textContent = t('hiddenArea', { street: hit.street.name });
    methods = [];
  } else {
    p.textContent = t('mergedStreet', {
      street: hit.street.name,
      area: areaName(hit.area),
      count: countText(hit.area),
      period: periodText(),
    });
    methods = hit.area.methods;
    selectArea(hit.area.key);
  }
  host.appendChild(p);
  if (methods.length) {
    const how = document.createElement('p');
    how.textContent = t('howIn', {
      methods: methods
        .slice(0, 3)
        .map((m) => methodLabel(m, lang()))
        .join(', '),
    });
    host.appendChild(how);
  }
  const todo = document.createElement('p');
  const a = document.createElement('a');
  a.href = '#pk-advice-title';
  a.textContent = t('whatToDo');
  todo.appendChild(a);
  host.appendChild(todo);
  renderAdvice(methods.length ? methods : (state.streets?.total.methods ?? []));
}

function areaName(a: { name: string; kind: string }): string {
  return a.kind === 'grid' ? t('aroundStreet', { street: a.name }) : a.name;
}

function selectArea(key: string | undefined): void {
  const areas = state.areas?.areas.filter((a) => !a.hidden) ?? [];
  const select = $<HTMLSelectElement>('pk-area');
  select.replaceChildren(...areas.map((a) => new Option(`${areaName(a)} (${valueText(a)})`, a.key)));
  const area = areas.find((a) => a.key === key) ?? areas[0];
  state.areaKey = area?.key;
  if (!area) {
    $('pk-area-summary').textContent = '';
    $('pk-trend').replaceChildren();
    return;
  }
  select.value = area.key;
  $('pk-area-summary').textContent = t('areaSummary', {
    area: areaName(area),
    count: countText(area),
    period: periodText(),
  });
  $('pk-trend').replaceChildren(periodTable(area, areaName(area)));
}

function renderAll(): void {
  translateStatic();
  renderLegend();
  renderAnswer();
  selectArea(state.areaKey);
  if (state.streets) {
    table.update(state.streets.streets, t('tableCaption', { period: periodText() }));
    $('pk-demo').hidden = !state.streets.demo;
    $('pk-cutoff').textContent = t('cutoff', { day: lastDayText(state.streets.months[1]) });
  }
  const minAddr = state.streets?.minAddresses ?? 8;
  $('pk-privacy').textContent = t('privacy', { minAddr, min: state.streets?.minCount ?? 3 });
}

async function loadFigures(): Promise<void> {
  const m = state.m!;
  const [streets, areas] = await Promise.all([
    api.streets(m.code, state.filter),
    api.areas(m.code, state.filter),
  ]);
  state.streets = streets;
  state.areas = areas;
  if (window.preventiekaart) window.preventiekaart.streets = streets.streets;
  if (state.lastQuery) await runSearch(state.lastQuery, false, state.hit?.street.id);
  renderAll();
  const source = map?.getSource('public') as VectorTileSource | undefined;
  source?.setTiles([publicTileUrl(location.origin, m.code, filterQuery(state.filter))]);
}

/**
 * Selects the street of a search answer on the map and moves there: to its area when it is
 * merged. Waits for the map's style (a link from a letter answers before the map has loaded).
 */
function showHit(hit: SearchHit): void {
  const area = hit.figure ? undefined : state.areas?.areas.find((a) => a.key === hit.area.key && !a.hidden);
  const bbox = area?.bbox ?? hit.street.bbox;
  void mapLoaded.then(() => {
    if (!map || state.hit !== hit) return;
    map.setFilter('streets-selected', ['==', ['get', 'id'], hit.street.id]);
    if (bbox) map.fitBounds(bbox, { padding: area ? 40 : 60, maxZoom: 17, duration: 600 });
  });
}

/** Searches and answers; `streetId` picks that street among the hits (several streets can share a name). */
async function runSearch(q: string, updateUrl = true, streetId?: number): Promise<void> {
  const m = state.m!;
  const r = await api.search(m.code, q, state.filter);
  state.lastQuery = r.query.text || q;
  state.hit = r.hits.find((h) => h.street.id === streetId) ?? r.hits[0];
  if (updateUrl) {
    const u = new URL(location.href);
    u.searchParams.delete('street');
    u.searchParams.delete('postcode');
    u.searchParams.set(r.query.kind === 'postcode' ? 'postcode' : 'street', r.query.text);
    history.replaceState(null, '', u);
  }
  if (state.hit) showHit(state.hit);
}

/**
 * Opens what the page's URL asks for: `?street=<id>` (the link and QR code in every letter) that
 * street, or its area when it has too few homes; a street name or postcode is searched.
 */
async function openFromUrl(): Promise<void> {
  const link = readStreetLink(params);
  if (!link) return;
  const street = link.kind === 'id' ? state.streets?.streets.find((s) => s.id === link.id) : undefined;
  const q = street?.name ?? (link.kind === 'search' ? link.text : String(link.id));
  $<HTMLInputElement>('pk-q').value = q;
  await runSearch(q, false, street?.id);
  renderAll();
}

function initMap(m: MunicipalityInfo): MlMap {
  setWorkerUrl(new URL(workerUrl, location.href).href);
  const mapEl = $('pk-map');
  const mlmap = new MapLibreMap({
    container: mapEl,
    style: buildStyle(location.origin, m.code, filterQuery(state.filter)),
    bounds: m.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: false },
    maxZoom: 18,
    minZoom: 10,
    cooperativeGestures: params.get('embed') === '1',
  });
  mapLoaded = mlmap.once('load');
  mlmap.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  mlmap.getCanvas().setAttribute('aria-label', t('mapLabel', { name: m.name }));
  const layers = ['streets-count', 'streets-none', 'streets-merged'];
  mlmap.on('click', (e) => {
    const f = mlmap.queryRenderedFeatures(e.point, { layers })[0];
    if (!f) return;
    const id = Number(f.properties.id);
    const s = state.streets?.streets.find((x) => x.id === id);
    if (!s) return;
    void runSearch(s.name).then(renderAll);
  });
  for (const l of layers) {
    mlmap.on('mouseenter', l, () => (mlmap.getCanvas().style.cursor = 'pointer'));
    mlmap.on('mouseleave', l, () => (mlmap.getCanvas().style.cursor = ''));
  }
  window.preventiekaart = { map: mlmap, ready: false, streets: state.streets?.streets ?? [] };
  mlmap.once('idle', () => {
    window.preventiekaart!.ready = true;
    document.body.dataset.mapReady = 'true';
  });
  return mlmap;
}

async function main(): Promise<void> {
  setLang(params.get('lang') === 'en' ? 'en' : 'nl');
  if (params.get('embed') === '1') document.body.classList.add('pk-embed');
  translateStatic();
  const { municipalities } = await api.municipalities();
  const m = municipalities.find((x) => x.code === params.get('gemeente')) ?? municipalities[0];
  if (!m) {
    $('pk-answer').textContent = 'Geen gemeente geladen.';
    return;
  }
  state.m = m;
  $('pk-municipality').textContent = `– ${m.name}`;
  $<HTMLSelectElement>('pk-period').value = String(state.filter.period);
  map = initMap(m);
  await loadFigures();
  if (window.preventiekaart) window.preventiekaart.streets = state.streets?.streets ?? [];
  await openFromUrl();

  $('pk-search').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $<HTMLInputElement>('pk-q').value.trim();
    if (!q) return;
    void runSearch(q).then(() => {
      renderAll();
      // The answer takes focus (tabindex -1), so keyboard and screen-reader users land on it.
      $('pk-answer').focus();
    });
  });
  const onFilter = () => {
    state.filter = {
      period: Number($<HTMLSelectElement>('pk-period').value) as PublicFilter['period'],
      methods: $<HTMLSelectElement>('pk-method').value ? [$<HTMLSelectElement>('pk-method').value] : [],
      attempt: $<HTMLSelectElement>('pk-attempt').value as PublicFilter['attempt'],
    };
    void loadFigures();
  };
  for (const id of ['pk-period', 'pk-method', 'pk-attempt']) $(id).addEventListener('change', onFilter);
  $('pk-area').addEventListener('change', () => {
    selectArea($<HTMLSelectElement>('pk-area').value);
    const a = state.areas?.areas.find((x) => x.key === state.areaKey);
    if (a?.bbox && map) map.fitBounds(a.bbox, { padding: 40, duration: 600 });
  });
  $('pk-lang').addEventListener('click', () => {
    const next: Lang = lang() === 'nl' ? 'en' : 'nl';
    setLang(next);
    const u = new URL(location.href);
    u.searchParams.set('lang', next);
    history.replaceState(null, '', u);
    renderAll();
  });
  $('pk-table-toggle').addEventListener('click', () => {
    const wrap = $('pk-table-wrap');
    wrap.hidden = !wrap.hidden;
    $('pk-table-toggle').setAttribute('aria-expanded', String(!wrap.hidden));
    $('pk-table-toggle').textContent = wrap.hidden ? t('tableShow') : t('tableHide');
  });
}

main().catch((err: unknown) => {
  console.error(err);
  $('pk-answer').textContent = `Fout bij laden: ${(err as Error).message}`;
});
