/**
 * The OpenAPI 3.1 document at /api/openapi.json: valid for a real validator
 * (@apidevtools/swagger-parser), and holding every route of the app, read from its router as
 * route-security.test.ts does (so a new route cannot be left out), and no route that is gone.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Express } from 'express';
import { buildApp } from '../../server/app';
import { openApiPath } from '../../server/openapi/openapi-document';
import { useTestApp } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();
const app = useTestApp();

function routes(a: Express): string[] {
  const out: string[] = [];
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[]) => {
    for (const l of stack) {
      if (l.route)
        for (const m of Object.keys(l.route.methods)) out.push(`${m.toUpperCase()} ${l.route.path}`);
      else if (l.handle?.stack) walk(l.handle.stack);
    }
  };
  walk((a as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(out)];
}

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { summary: string; parameters: Array<{ name: string; in: string }>; requestBody?: unknown }
    >
  >;
}

test('the document is valid OpenAPI 3.1 and lists every route of the app, and only those', async () => {
  const res = await fetch(`${app.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  expect(doc.openapi).toBe('3.1.0');
  await SwaggerParser.validate(structuredClone(doc) as never);

  const inApp = routes(buildApp()).map((r) => {
    const [method, path] = r.split(' ');
    return `${method!.toLowerCase()} ${openApiPath(path!).path}`;
  });
  expect(inApp.length).toBeGreaterThan(60);
  const inDoc = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m} ${p}`));
  expect(inApp.filter((r) => !inDoc.includes(r))).toEqual([]);
  expect(inDoc.filter((r) => !inApp.includes(r))).toEqual([]);
  for (const ms of Object.values(doc.paths))
    for (const op of Object.values(ms)) expect(op.summary.length).toBeGreaterThan(3);
});

test('parameters and bodies come from the zod schemas the routes validate with', async () => {
  const doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as Doc;
  const streets = doc.paths['/api/public/{code}/streets']!.get!;
  expect(streets.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
    'path:code',
    'query:period',
    'query:methods',
    'query:attempt',
  ]);
  const subscribe = doc.paths['/api/public/{code}/alerts']!.post!;
  expect(JSON.stringify(subscribe.requestBody)).toMatch(/"email"/);
  expect(JSON.stringify(subscribe.requestBody)).toMatch(/"weekly"/);
  const page = await fetch(`${app.url}/api/docs`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('/api/public/{code}/open-data/{file}');
});
