/**
 * The council factsheet's template: templates/effect/factsheet.nl.hbs with
 * templates/styles/factsheet.css, compiled once with `strict: true` (a missing field throws), in
 * a Handlebars environment of its own, as the letters and the inspection sheet are.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { config } from '../core/config';
import type { FactsheetView } from './factsheet-view';

let compiled: Handlebars.TemplateDelegate | undefined;
let css: string | undefined;

/** The factsheet as one HTML document (A4, printed by Chromium). */
export function factsheetDocument(view: FactsheetView): string {
  compiled ??= Handlebars.create().compile(
    fs.readFileSync(path.join(config().rootDir, 'templates', 'effect', 'factsheet.nl.hbs'), 'utf8'),
    { strict: true },
  );
  css ??= fs.readFileSync(path.join(config().rootDir, 'templates', 'styles', 'factsheet.css'), 'utf8');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Factsheet woninginbraken ${Handlebars.escapeExpression(
    view.municipality,
  )}</title><style>${css}</style></head><body>${compiled(view)}</body></html>`;
}
