/**
 * Public map for residents: where were homes broken into recently (per street, never per
 * house), and what can you do. Everything comes from this server: figures, tiles, glyphs.
 * URL parameters: ?gemeente=GM0503 ?street=75 (id, as letters link) or ?street=Mekelweg ?postcode=2628CD ?lang=en ?embed=1
 * (or the path /embed/GM0503: embedded, for that municipality; embed-path.ts)
 */
import type { Map as MlMap, VectorTileSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './public.css';
import {
  api,
  filterQuery,
  type AreasResponse,
  type MunicipalityInfo,
  type PublicFilter,
  type SearchHit,
  type StreetFigure,
  type StreetsResponse,
} from './api';
import { methodLabel } from './advice';
import { lastDayText, lang, setLang, t, type Lang } from './i18n';
import { publicTileUrl } from './map-style';
import { StreetTable, wireTableToggle } from './street-table';
import { areaName, countText, periodText } from './figure-text';
import { createPublicMap } from './public-map';
import { renderLegend, translateStatic } from './static-texts';
import { renderAdvice } from './advice-panel';
import { renderEvenings } from './evenings-panel';
import { readStreetLink } from './street-link';
import { periodTable, valueText } from './trend-chart';
import { initAlertForm, renderAlertForm } from './alert-form';
import { pageParams } from './embed-path';

/** Test and embedding hook: the map and the figures it shows. */
declare global {
  interface Window {
    preventiekaart?: { map: MlMap; ready: boolean; streets: StreetFigure[] };
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const params = pageParams(location);

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

function renderAnswer(): void {
  const host = $('pk-answer');
  host.replaceChildren();
  if (!state.lastQuery) {
    renderAdvice(state.m, state.streets?.total.methods ?? []);
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
    renderAdvice(state.m, state.streets?.total.methods ?? []);
    return;
  }
  let methods: string[];
  if (hit.figure) {
    p.textContent = t('inStreet', {
      street: hit.street.name,
      count: countText(hit.figure),
      period: periodText(state.filter.period),
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
      period: periodText(state.filter.period),
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
  renderAdvice(state.m, methods.length ? methods : (state.streets?.total.methods ?? []));
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
    period: periodText(state.filter.period),
  });
  $('pk-trend').replaceChildren(periodTable(area, areaName(area)));
}

function renderAll(): void {
  translateStatic(state.m);
  renderLegend(state.streets?.minCount ?? 3);
  renderAnswer();
  if (state.m) renderAlertForm(state.m.code, state.hit);
  selectArea(state.areaKey);
  if (state.streets) {
    table.update(state.streets.streets, t('tableCaption', { period: periodText(state.filter.period) }));
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
  const mlmap = createPublicMap(m, filterQuery(state.filter), params.get('embed') === '1', (id) => {
    const s = state.streets?.streets.find((x) => x.id === id);
    if (s) void runSearch(s.name).then(renderAll);
  });
  mapLoaded = mlmap.once('load');
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
  translateStatic(state.m);
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
  void renderEvenings(m.code, map).catch((err: unknown) => console.error(err));
  if (window.preventiekaart) window.preventiekaart.streets = state.streets?.streets ?? [];
  await openFromUrl();

  initAlertForm();
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
    if (state.m) void renderEvenings(state.m.code, map).catch((err: unknown) => console.error(err));
  });
  wireTableToggle($('pk-table-toggle'), $('pk-table-wrap'));
}

main().catch((err: unknown) => {
  console.error(err);
  $('pk-answer').textContent = `Fout bij laden: ${(err as Error).message}`;
});
