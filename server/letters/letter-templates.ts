/**
 * Letter templates: templates/letters/<template>.<language>.hbs with the partials of
 * templates/partials/, compiled once with `strict: true` so a missing field throws instead of
 * printing blank. One Handlebars environment of our own: nothing registered globally.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { config } from '../core/config';
import { geometryCss, type LetterGeometry, DIN_5008_B } from './letter-geometry';
import type { LetterView } from './letter-view';

/** A template that cannot be loaded or compiled: every letter using it fails, retrying will not help. */
export class TemplateError extends Error {}

const templatesDir = () => path.join(config().rootDir, 'templates');

let env: typeof Handlebars | undefined;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function handlebars(): typeof Handlebars {
  if (env) return env;
  const hb = Handlebars.create();
  const dir = path.join(templatesDir(), 'partials');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(path.basename(f, '.hbs'), fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  env = hb;
  return hb;
}

export function templateFile(template: string, language: string): string {
  if (!/^[a-z0-9-]+$/.test(template) || !/^[a-z]{2}$/.test(language))
    throw new TemplateError(`bad template name '${template}.${language}'`);
  return path.join(templatesDir(), 'letters', `${template}.${language}.hbs`);
}

/** The compiled template; throws TemplateError when the file is missing or does not compile. */
export function letterTemplate(template: string, language: string): Handlebars.TemplateDelegate {
  const k = `${template}.${language}`;
  let t = compiled.get(k);
  if (!t) {
    const file = templateFile(template, language);
    if (!fs.existsSync(file)) throw new TemplateError(`no template ${path.relative(config().rootDir, file)}`);
    const source = fs.readFileSync(file, 'utf8');
    try {
      // compile() is lazy; parse() surfaces syntax errors now, not in the middle of a batch.
      handlebars().parse(source);
    } catch (err) {
      throw new TemplateError(`template ${k} does not compile: ${(err as Error).message}`, { cause: err });
    }
    t = handlebars().compile(source, { strict: true });
    compiled.set(k, t);
  }
  return t;
}

/**
 * One sheet (<section class="sheet">) for one letter. A missing partial is the template's
 * fault (TemplateError); a missing field is reported as bad data of this letter.
 */
export function renderSheet(template: string, language: string, view: LetterView): string {
  const t = letterTemplate(template, language);
  try {
    return t(view);
  } catch (err) {
    if (/partial .* could not be found|Missing helper/i.test((err as Error).message)) {
      throw new TemplateError(`template ${template}.${language}: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  }
}

let css: string | undefined;

/** A complete HTML document holding one or more sheets, each one printed page. */
export function letterDocument(sheets: string[], geometry: LetterGeometry = DIN_5008_B): string {
  css ??= fs.readFileSync(path.join(templatesDir(), 'styles', 'letter.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Preventiebrief</title><style>${geometryCss(geometry)}\n${css}</style></head><body>${sheets.join('\n')}</body></html>`;
}
