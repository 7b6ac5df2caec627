// Vite builds the pages of the client into dist/, which the Express server serves:
// index.html (the public map for residents), intern.html (the officers' map) and
// inspectie.html (the phone page of a street inspection), aanmelden.html (sign-up for an evening).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(__dirname, 'client'),
  publicDir: resolve(__dirname, 'client/public'),
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // maplibre-gl is one ~800 kB chunk (~230 kB gzip) by itself; the budget that matters is the
    // page's first load (< 1 MB gzip, docs/readme/public-map.md), not Rollup's per-chunk hint.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'client/index.html'),
        intern: resolve(__dirname, 'client/intern.html'),
        // The phone page of a street inspection (issue 11).
        inspectie: resolve(__dirname, 'client/inspectie.html'),
        // The public sign-up page of a prevention evening, reached by the letter's QR code (issue 12).
        aanmelden: resolve(__dirname, 'client/aanmelden.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/tiles': 'http://127.0.0.1:3000',
      '/fonts': 'http://127.0.0.1:3000',
    },
  },
});
