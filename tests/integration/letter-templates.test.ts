/**
 * Every template's example data (templates/letters/<name>.example.json) rendered to PDF in real
 * Chromium the way the worker renders a batch (renderSheets: one document, `page.pdf()` in a
 * reused tab, the page count checked): one A4 page, and the text pdftotext finds contains every
 * `_expectText` string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BrowserHost } from '../../jobs/letters/browser-host';
import { renderSheets } from '../../jobs/letters/render-batch';
import { LetterInput } from '../../server/letters/letter-input';
import { letterDocument, renderSheet } from '../../server/letters/letter-templates';
import { buildLetterView } from '../../server/letters/letter-view';
import { pdfPages, pdfText, squash } from '../helpers/pdf';

const dir = path.join(__dirname, '..', '..', 'templates', 'letters');
const examples = fs.readdirSync(dir).filter((f) => f.endsWith('.example.json'));
const host = new BrowserHost();
afterAll(() => host.close());

test('there is an example for every template', () => {
  const templates = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => f.replace('.hbs', ''));
  expect(examples.map((f) => f.replace('.example.json', '')).sort()).toEqual(templates.sort());
  expect(templates).toHaveLength(6);
});

describe.each(examples)('%s', (file) => {
  test('renders to one A4 page with the expected text', async () => {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { _expectText: string[] };
    const input = LetterInput.parse(raw);
    const view = await buildLetterView(input);
    const sheet = renderSheet(input.template, input.language, view);
    // PostNL: two spaces between postcode and PLACE (HTML keeps them: white-space: pre)
    expect(sheet).toMatch(/\d{4} [A-Z]{2} {2}[A-Z]/);
    const html = letterDocument([sheet]);
    // The body must end above the map reference at the foot of the page (no overlap, no cut-off).
    const page = await (await host.get()).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const fit = await page.$eval('.body', (el) => ({ content: el.scrollHeight, box: el.clientHeight }));
    await page.close();
    expect(fit.content).toBeLessThanOrEqual(fit.box);
    const files = await renderSheets(host, [{ id: 1, html: sheet }]);
    // page 0 of one file: the worker found the sheet took exactly one page
    expect(files.map((f) => f.letters)).toEqual([[{ id: 1, page: 0 }]]);
    const pdf = files[0]!.pdf;
    expect(pdfPages(pdf)).toBe(1);
    const text = squash(pdfText(pdf));
    for (const s of raw._expectText) expect(text).toContain(squash(s));
  });
});

test('a cocoon letter never names the victim house', async () => {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'cocoon-warning.nl.example.json'), 'utf8'));
  const input = LetterInput.parse(raw);
  const sheet = renderSheet(input.template, input.language, await buildLetterView(input));
  // The incident carries only the street; the only house number on the letter is the recipient's.
  expect(input.incident).not.toHaveProperty('huisnummer');
  const numbers = sheet.replace(/<svg[\s\S]*?<\/svg>/g, '').match(/Mekelweg \d+[^\s<]*/g) ?? [];
  expect(new Set(numbers)).toEqual(new Set(['Mekelweg 14-2']));
});

test('strict templates: a missing field throws instead of printing blank', async () => {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'victim-advice.nl.example.json'), 'utf8'));
  const view = await buildLetterView(LetterInput.parse(raw));
  const broken = { ...view, method: { how: 'x' } };
  expect(() => renderSheet('victim-advice', 'nl', broken as never)).toThrow(/advice/);
});
