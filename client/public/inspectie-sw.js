/* global self, caches, fetch, URL, location */
/*
 * Service worker of the inspection phone page (issue 11): the page opens without a connection
 * once it has been opened with one. On install it keeps the page and the assets the page names
 * (Vite's fingerprinted /assets/ files); while the page runs it keeps the last answer of the
 * session and of each inspection, to show them offline. Only GET requests of the phone page are
 * answered here; findings are not: they wait in IndexedDB (outbox.ts) until they are sent.
 */
const CACHE = 'pk-inspectie-v1';
const PAGE = '/inspectie.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch(PAGE, { cache: 'no-cache' });
      const html = await res.clone().text();
      await cache.put(PAGE, res);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...assets, '/inspectie.webmanifest'])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Network first, the kept copy when there is no connection; a good answer replaces the copy. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== location.origin) return;
  if (req.mode === 'navigate' && url.pathname === PAGE) {
    // One page for every ?id=: the page reads its id from the address.
    event.respondWith(networkFirst(req, PAGE));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(req).then((hit) => hit ?? networkFirst(req, req)));
  } else if (url.pathname === '/api/session' || /^\/api\/inspections\/\d+$/.test(url.pathname)) {
    event.respondWith(networkFirst(req, url.pathname));
  }
});
