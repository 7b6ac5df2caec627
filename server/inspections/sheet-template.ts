/**
 * The inspection sheet's template: templates/inspections/sheet.nl.hbs with
 * templates/styles/inspection-sheet.css, compiled once with `strict: true` (a missing field
 * throws), in a Handlebars environment of its own, as the letters are.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { config } from '../core/config';
import { TemplateError } from '../letters/letter-templates';
import type { SheetView } from './sheet-view';

let compiled: Handlebars.TemplateDelegate | undefined;
let css: string | undefined;

function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const file = path.join(config().rootDir, 'templates', 'inspections', 'sheet.nl.hbs');
  if (!fs.existsSync(file)) throw new TemplateError(`no template ${path.relative(config().rootDir, file)}`);
  const source = fs.readFileSync(file, 'utf8');
  const hb = Handlebars.create();
  try {
    hb.parse(source);
  } catch (err) {
    throw new TemplateError(`template sheet.nl does not compile: ${(err as Error).message}`, { cause: err });
  }
  compiled = hb.compile(source, { strict: true });
  return compiled;
}

/** The sheet as one HTML document (A4, printed by Chromium). */
export function sheetDocument(view: SheetView): string {
  css ??= fs.readFileSync(path.join(config().rootDir, 'templates', 'styles', 'inspection-sheet.css'), 'utf8');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Schouwformulier</title><style>${css}</style></head><body>${template()(view)}</body></html>`;
}
