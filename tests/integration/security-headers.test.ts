/**
 * Framing and transport headers. Issue 8: `/intern.html` could be framed by any site
 * (`frame-ancestors *`, no X-Frame-Options). Officers' pages may be framed by nobody; only the
 * public map page, and only by the sites in PUBLIC_EMBED_ORIGINS. And `upgrade-insecure-requests`,
 * which broke a plain-HTTP deployment on any host but localhost (scripts upgraded to https, the
 * map never loaded), is sent only when TRUST_PROXY says TLS is in front.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parseConfig } from '../../server/core/config';
import { securityHeaders } from '../../server/core/security-headers';
import { useTestApp } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

// /api/health opens the database pool: the file's own database, closed afterwards.
useTestDatabase();
const app = useTestApp();

function directive(csp: string | null, name: string): string | undefined {
  return csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d === name || d.startsWith(`${name} `));
}

/** Headers a small app with these security headers answers for `paths`, under an environment. */
async function headersWith(env: NodeJS.ProcessEnv, paths: string[]): Promise<Headers[]> {
  const a = express();
  a.use(securityHeaders(parseConfig(env)));
  a.use((_req, res) => res.send('ok'));
  const server = a.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return await Promise.all(paths.map(async (p) => (await fetch(`${base}${p}`)).headers));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test("officers' pages and the API may be framed by nobody", async () => {
  for (const p of ['/intern.html', '/api/health', '/api/session']) {
    const r = await fetch(`${app.url}${p}`);
    expect({ p, fa: directive(r.headers.get('content-security-policy'), 'frame-ancestors') }).toEqual({
      p,
      fa: "frame-ancestors 'none'",
    });
    expect({ p, xfo: r.headers.get('x-frame-options') }).toEqual({ p, xfo: 'DENY' });
  }
});

test('the public map page may be framed only by its own site when no embedding site is configured', async () => {
  for (const p of ['/', '/index.html', '/?embed=1']) {
    const r = await fetch(`${app.url}${p}`);
    expect(directive(r.headers.get('content-security-policy'), 'frame-ancestors')).toBe(
      "frame-ancestors 'self'",
    );
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  }
});

test('PUBLIC_EMBED_ORIGINS lets those sites frame the public map page, and nothing else', async () => {
  const [page, intern] = await headersWith(
    { PUBLIC_EMBED_ORIGINS: 'https://www.delft.nl, https://*.gemeente.example' },
    ['/?embed=1', '/intern.html'],
  );
  expect(directive(page!.get('content-security-policy'), 'frame-ancestors')).toBe(
    "frame-ancestors 'self' https://www.delft.nl https://*.gemeente.example",
  );
  // X-Frame-Options cannot name other sites; browsers that know frame-ancestors ignore it anyway.
  expect(page!.get('x-frame-options')).toBeNull();
  expect(directive(intern!.get('content-security-policy'), 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(intern!.get('x-frame-options')).toBe('DENY');
});

test('plain HTTP (TRUST_PROXY off, the default): requests are not upgraded to https', async () => {
  for (const p of ['/', '/intern.html']) {
    const csp = (await fetch(`${app.url}${p}`)).headers.get('content-security-policy');
    expect(csp).toMatch(/default-src 'self'/);
    expect(directive(csp, 'upgrade-insecure-requests')).toBeUndefined();
  }
});

test('behind a TLS proxy (TRUST_PROXY=true) the page asks the browser to upgrade requests', async () => {
  const [page] = await headersWith({ TRUST_PROXY: 'true' }, ['/']);
  expect(directive(page!.get('content-security-policy'), 'upgrade-insecure-requests')).toBe(
    'upgrade-insecure-requests',
  );
});
