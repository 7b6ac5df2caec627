/**
 * The OpenAPI 3.1 document of the HTTP API, built from OPERATIONS (api-operations.ts): query
 * parameters and request bodies are JSON Schema generated from the routes' zod schemas
 * (zod 4's z.toJSONSchema, draft 2020-12, which OpenAPI 3.1 uses), as their input side.
 */
import { z } from 'zod';
import { OPERATIONS, type Operation } from './api-operations';

type Json = Record<string, unknown>;

function schemaOf(t: z.ZodType): Json {
  const s = z.toJSONSchema(t, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete s.$schema;
  return s;
}

/** Express path '/a/:id/b.csv' -> OpenAPI '/a/{id}/b.csv', and the parameter names. */
export function openApiPath(expressPath: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path, params };
}

function queryParameters(t: z.ZodType): Json[] {
  const s = schemaOf(t);
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
}

function operation(key: string, op: Operation): Json {
  const [method] = key.split(' ');
  const { params } = openApiPath(key.slice(method!.length + 1));
  const parameters: Json[] = [
    ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(op.query ? queryParameters(op.query) : []),
  ];
  const produces = op.produces ?? 'application/json';
  const out: Json = {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
    summary: op.summary,
    tags: [op.tag],
    parameters,
    responses: {
      '200': { description: 'OK', content: { [produces]: {} } },
      '400': { description: 'Bad input: `{ "error": { "code", "message" } }` naming the parameter' },
      ...(op.access === 'public'
        ? {}
        : { '401': { description: 'Not signed in' }, '403': { description: 'Not allowed' } }),
    },
    security: op.access === 'public' ? [] : [{ bearer: [] }, { session: [] }],
    'x-access': op.access,
  };
  if (op.body)
    out.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } };
  return out;
}

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const [key, op] of Object.entries(OPERATIONS)) {
    const [method, ...rest] = key.split(' ');
    const { path } = openApiPath(rest.join(' '));
    paths[path] ??= {};
    paths[path][method!.toLowerCase()] = operation(key, op);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Preventiekaart API',
      version: '0.1.0',
      description:
        'Burglary prevention street by street. Public routes need no sign-in and carry only published, street-level figures; officer routes need a session (cookie + X-CSRF-Token) or an API token (Authorization: Bearer).',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    tags: [
      'public',
      'residents',
      'account',
      'admin',
      'incidents',
      'analysis',
      'campaigns',
      'inspections',
      'effect',
      'evenings',
      'tiles',
    ].map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token (account page)' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'pk_session',
          description: 'Session cookie; changes also need X-CSRF-Token',
        },
      },
    },
    paths,
  };
  return cached;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A readable page of the document: every route with its summary, access and parameters. */
export function openApiPage(): string {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Json>> };
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters as Json[]) ?? [])
        .map((p) => `${String(p.name)} (${String(p.in)})`)
        .join(', ');
      rows.push(
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td><td>${esc(String(op.summary))}</td><td>${esc(String(op['x-access']))}</td><td>${esc(params)}${op.requestBody ? ' + JSON body' : ''}</td></tr>`,
      );
    }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preventiekaart API</title></head><body style="font-family:sans-serif"><h1>Preventiekaart API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p><table><thead><tr><th>method</th><th>path</th><th>what</th><th>who</th><th>parameters</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
