/**
 * The council factsheet's templates: templates/effect/factsheet.<lang>.hbs with
 * templates/styles/factsheet.css, compiled once per language with `strict: true` (a missing
 * field throws), in a Handlebars environment of its own, as the letters and the inspection sheet are.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { config } from '../core/config';
import type { FactsheetLang, FactsheetView } from './factsheet-view';

const compiled = new Map<FactsheetLang, Handlebars.TemplateDelegate>();
let css: string | undefined;
const TITLE: Record<FactsheetLang, string> = {
  nl: 'Factsheet woninginbraken',
  en: 'Factsheet residential burglary',
};

/** The factsheet as one HTML document (A4, printed by Chromium). */
export function factsheetDocument(view: FactsheetView, lang: FactsheetLang = 'nl'): string {
  let template = compiled.get(lang);
  if (!template) {
    const file = path.join(config().rootDir, 'templates', 'effect', `factsheet.${lang}.hbs`);
    template = Handlebars.create().compile(fs.readFileSync(file, 'utf8'), { strict: true });
    compiled.set(lang, template);
  }
  css ??= fs.readFileSync(path.join(config().rootDir, 'templates', 'styles', 'factsheet.css'), 'utf8');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${TITLE[lang]} ${Handlebars.escapeExpression(
    view.municipality,
  )}</title><style>${css}</style></head><body>${template(view)}</body></html>`;
}
