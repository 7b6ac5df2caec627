/**
 * A map picture for a document (inspection sheet, council factsheet), drawn with MapLibre in a
 * headless Chromium on the project's own base map (client/src/shared/base-map.ts, the same style
 * the pages use), with the caller's sources and layers on top. The tab talks to no host at all:
 * its page and MapLibre's modules are answered by request interception from this process, any
 * other request is refused; tiles (from PostGIS) and glyphs (GLYPH_DIR) come through a MapLibre
 * protocol handler calling into this process (page.exposeFunction). Tiles are not fetched by
 * interception because MapLibre fetches them in its web worker, and intercepted requests of a
 * dedicated worker sometimes hung for good (measured: about every second map never settled).
 * Returns a PNG of the map.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { baseMap } from '../../client/src/shared/base-map';
import { basemapTile } from '../public/public.repo';
import { glyphRange, parseGlyphRequest } from './glyphs';

/** A made-up origin: nothing resolves it, interception answers it. */
const ORIGIN = 'http://sheet-map.invalid';
const MAPLIBRE_FILES = new Set(['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl-shared.mjs']);

/** What is drawn over the base map (MapLibre style sources and layers) and where. */
export interface MapOverlay {
  sources: Record<string, unknown>;
  /** Drawn above the base map's shapes, below its labels. */
  layers: unknown[];
  /** [[west, south], [east, north]], EPSG:4326. */
  bounds: [[number, number], [number, number]];
  /** Padding around the bounds in pixels (default 40). */
  padding?: number;
}

/** Anything that lends a browser: the worker's BrowserHost, or a browser of the caller's own. */
export interface BrowserSource {
  get(): Promise<Browser>;
}

function maplibreDir(): string {
  return path.join(path.dirname(require.resolve('maplibre-gl/package.json')), 'dist');
}

function page(overlay: MapOverlay, width: number, height: number): string {
  // 'pk:/' + '/tiles/...' = 'pk://tiles/...': the protocol handler below answers it.
  const base = baseMap('pk:/');
  const style = {
    version: 8,
    glyphs: base.glyphs,
    sources: { basemap: base.source, ...overlay.sources },
    layers: [...base.layers, ...overlay.layers, ...base.labels],
  };
  // JSON in a script: '<' escaped so no '</script>' can end it.
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0}#map{width:${width}px;height:${height}px}</style></head>
<body><div id="map"></div><script type="module">
import { Map, addProtocol, setWorkerCount, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
try {
  addProtocol('pk', async (params) => {
    const b64 = await window.pkFetch(params.url);
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return { data: bytes.buffer };
  });
  // The worker from a blob: its script is not fetched inside the worker's own context either.
  const worker = await (await fetch('/maplibre/maplibre-gl-worker.mjs')).blob();
  setWorkerUrl(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
  setWorkerCount(1);
  const map = new Map({ container: 'map', style: ${json(style)}, bounds: ${json(overlay.bounds)},
    fitBoundsOptions: { padding: ${overlay.padding ?? 40} }, interactive: false, attributionControl: false, fadeDuration: 0 });
  map.on('error', (e) => { window.__mapError = String(e.error && e.error.message || e); });
  map.once('idle', () => { window.__mapDone = window.__mapError || 'ok'; });
} catch (e) { window.__mapDone = String(e && e.message || e); }
</script></body></html>`;
}

/** A tile or glyph range for the page's 'pk://' protocol, as base64 ('' for an empty tile). */
async function pkFetch(url: string): Promise<string> {
  const p = decodeURIComponent(new URL(url.replace(/^pk:/, 'http:')).pathname);
  const host = new URL(url.replace(/^pk:/, 'http:')).host;
  const tile = host === 'tiles' ? /^\/basemap\/(\d+)\/(\d+)\/(\d+)\.mvt$/.exec(p) : null;
  if (tile) return (await basemapTile(Number(tile[1]), Number(tile[2]), Number(tile[3]))).toString('base64');
  const glyph = host === 'fonts' ? /^\/([^/]+)\/(\d+-\d+)\.pbf$/.exec(p) : null;
  if (glyph) {
    const g = parseGlyphRequest(glyph[1]!, glyph[2]!);
    return (await glyphRange(g.fontstack, g.start)).toString('base64');
  }
  throw new Error(`not a tile or glyph range: ${url}`);
}

async function answer(req: HTTPRequest, html: string): Promise<void> {
  const url = new URL(req.url());
  if (url.origin !== ORIGIN) return req.abort('blockedbyclient');
  const p = decodeURIComponent(url.pathname);
  if (p === '/map.html') return req.respond({ status: 200, contentType: 'text/html', body: html });
  const file = /^\/maplibre\/([a-z-]+\.mjs)$/.exec(p)?.[1];
  if (file && MAPLIBRE_FILES.has(file))
    return req.respond({
      status: 200,
      contentType: 'text/javascript',
      body: await fs.promises.readFile(path.join(maplibreDir(), file)),
    });
  return req.respond({ status: 404, body: '' });
}

/**
 * Draws the overlay on the base map; throws when the browser has no WebGL or the map does not
 * settle within `timeoutMs` (callers print their document without a map then).
 */
export async function mapPng(
  host: BrowserSource,
  overlay: MapOverlay,
  opts: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const width = opts.width ?? 1400;
  const height = opts.height ?? 900;
  const timeout = opts.timeoutMs ?? 20_000;
  const html = page(overlay, width, height);
  const browser = await host.get();
  // A tab of its own: the letters' tabs run without JavaScript, MapLibre needs it.
  const tab = await browser.newPage();
  try {
    tab.setDefaultTimeout(timeout);
    // What went wrong in the tab, for the error message (the job's log line).
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(String((e as Error).message ?? e)));
    tab.on('console', (m) => {
      if (m.type() === 'error' && problems.length < 5) problems.push(m.text());
    });
    tab.on('requestfailed', (r) => {
      if (problems.length < 5) problems.push(`request failed: ${r.url()}`);
    });
    await tab.setViewport({ width, height, deviceScaleFactor: 1 });
    await tab.exposeFunction('pkFetch', pkFetch);
    await tab.setRequestInterception(true);
    tab.on('request', (req) => {
      answer(req, html).catch(() => req.abort('failed').catch(() => undefined));
    });
    await tab.goto(`${ORIGIN}/map.html`, { waitUntil: 'load' });
    await tab
      .waitForFunction(() => (window as unknown as { __mapDone?: string }).__mapDone !== undefined)
      .catch((err: Error) => {
        throw new Error(`${err.message}${problems.length ? `: ${problems.join('; ')}` : ''}`);
      });
    const done = await tab.evaluate(() => (window as unknown as { __mapDone: string }).__mapDone);
    if (done !== 'ok') throw new Error(`the map did not draw: ${done}`);
    return await tab.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
  } finally {
    await tab.close().catch(() => undefined);
  }
}

/** The map as a data URL for the sheet template. */
export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
