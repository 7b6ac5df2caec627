/**
 * The API's own description: GET /api/openapi.json (OpenAPI 3.1) and GET /api/docs (a page).
 * Public, before the session lookup.
 */
import { Router } from 'express';
import { openApiDocument, openApiPage } from './openapi-document';

export function openApiRouter(): Router {
  const r = Router();
  r.get('/api/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(openApiDocument());
  });
  r.get('/api/docs', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('html').send(openApiPage());
  });
  return r;
}
