/**
 * "Politiegegevens importeren": upload a police export (police.uk CSV, the Dutch nl-csv export,
 * GeoJSON) for the municipality on screen. Shows the import summary with every rejected line,
 * and reloads the map when something landed. A file with a bad row is refused as a whole unless
 * "skip invalid rows" is ticked (the server's rule; nothing half-imported).
 */
import { api, ApiError, type ImportSummary } from './api';
import { locale, messages } from './i18n';

const t = messages({
  nl: {
    summary:
      '{read} regels gelezen: {imported} nieuw, {updated} bijgewerkt, {skipped} overgeslagen, {rejected} afgekeurd.',
    noFile: 'Kies eerst een bestand.',
    reading: '{file} wordt ingelezen…',
    done: 'Ingelezen ({format}). {summary}',
    nothing:
      'Niets ingelezen: {n} foute regel(s), hieronder. Verbeter het bestand, of vink "Foute regels overslaan" aan om de goede regels in te lezen.',
    line: 'regel {n}',
    notSent: 'Het bestand kon niet worden verstuurd.',
  },
  en: {
    summary: '{read} lines read: {imported} new, {updated} updated, {skipped} skipped, {rejected} rejected.',
    noFile: 'Choose a file first.',
    reading: 'Reading {file}…',
    done: 'Imported ({format}). {summary}',
    nothing:
      'Nothing imported: {n} bad line(s), below. Correct the file, or tick "Skip bad lines" to import the good lines.',
    line: 'line {n}',
    notSent: 'The file could not be sent.',
  },
});

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export interface ImportContext {
  municipality(): string;
  /** Called after an import that changed something. */
  onImported(): Promise<void>;
}

const n = (x: number) => x.toLocaleString(locale());

function describe(s: ImportSummary): string {
  return t('summary', {
    read: n(s.read),
    imported: n(s.imported),
    updated: n(s.updated),
    skipped: n(s.skipped),
    rejected: n(s.rejected),
  });
}

/** Wires the import form to POST /api/incidents/import for the municipality on screen. */
export function setupImportPanel(ctx: ImportContext): void {
  const form = $<HTMLFormElement>('pk-import-form');
  const out = $('pk-import-result');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      const file = $<HTMLInputElement>('pk-import-file').files?.[0];
      out.replaceChildren();
      if (!file) {
        out.append(line(t('noFile'), 'pk-error'));
        return;
      }
      const body = new FormData();
      body.append('file', file);
      body.append('municipality', ctx.municipality());
      const format = $<HTMLSelectElement>('pk-import-format').value;
      if (format) body.append('format', format);
      body.append('skipInvalid', $<HTMLInputElement>('pk-import-skip').checked ? 'true' : 'false');
      const button = $<HTMLButtonElement>('pk-import-submit');
      button.disabled = true;
      out.append(line(t('reading', { file: file.name })));
      try {
        const { summary } = await api.importIncidents(body);
        out.replaceChildren(
          summary.committed
            ? line(t('done', { format: summary.format ?? '', summary: describe(summary) }), 'pk-ok')
            : line(t('nothing', { n: n(summary.rejected) }), 'pk-error'),
        );
        for (const w of summary.warnings ?? []) out.append(line(w, 'pk-hint'));
        if (summary.errors.length) {
          const list = document.createElement('ul');
          list.className = 'pk-import-errors';
          for (const e of summary.errors.slice(0, 50)) {
            const li = document.createElement('li');
            li.textContent = `${e.line !== undefined ? t('line', { n: e.line }) : (e.feature ?? '')}: ${e.reason}`;
            list.append(li);
          }
          out.append(list);
        }
        if (summary.committed && summary.imported + summary.updated > 0) await ctx.onImported();
      } catch (err) {
        out.replaceChildren(line(err instanceof ApiError ? err.message : t('notSent'), 'pk-error'));
      } finally {
        button.disabled = false;
      }
    })();
  });
}

function line(text: string, cls?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (cls) p.className = cls;
  return p;
}
