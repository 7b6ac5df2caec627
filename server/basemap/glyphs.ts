/**
 * Map label glyphs served by the project itself, generated from an open font (Liberation
 * Sans, SIL OFL, Debian's fonts-liberation) instead of fetched from a font CDN.
 *
 * MapLibre wants signed-distance-field glyph ranges (256 code points per PBF). The usual
 * generator (node-fontnik) is a native build; instead the installed Chromium draws each
 * glyph with the same TinySDF code MapLibre uses for local glyphs (@mapbox/tiny-sdf: 24 px,
 * 3 px buffer, radius 8, cutoff 0.25), and glyph-pbf.ts encodes the result. Generated on
 * first request, written to GLYPH_DIR and served from there afterwards (`npm run cli --
 * public-glyphs` warms the cache ahead of time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../core/chromium';
import { config } from '../core/config';
import { NotFoundError } from '../core/errors';
import { logger } from '../core/logger';
import { encodeGlyphRange, type SdfGlyph } from './glyph-pbf';

/** Font stacks the map may ask for, with how to draw them. */
export const FONTSTACKS: Record<string, { family: string; weight: string }> = {
  'Liberation Sans Regular': { family: 'Liberation Sans', weight: 'normal' },
  'Liberation Sans Bold': { family: 'Liberation Sans', weight: 'bold' },
};

/**
 * maplibre-gl's glyph_manager.ts aligns TinySDF's "top" (baseline to glyph top) with
 * server glyphs by subtracting 27.5 at 1x (its `topAdjustment`); the PBF field is an integer.
 */
const TOP_ADJUSTMENT = 27;

let queue: Promise<unknown> = Promise.resolve();

function file(fontstack: string, start: number): string {
  return path.join(config().GLYPH_DIR, fontstack, `${start}-${start + 255}.pbf`);
}

/** Validates a request for `/fonts/:fontstack/:range.pbf`; throws NotFoundError otherwise. */
export function parseGlyphRequest(fontstack: string, range: string): { fontstack: string; start: number } {
  // MapLibre may ask for a comma-separated stack; the first font we have wins.
  const stack = fontstack
    .split(',')
    .map((s) => s.trim())
    .find((s) => s in FONTSTACKS);
  const m = /^(\d+)-(\d+)$/.exec(range);
  const start = m ? Number(m[1]) : NaN;
  if (!stack || !m || start % 256 !== 0 || Number(m[2]) !== start + 255 || start > 65280) {
    throw new NotFoundError(
      `no glyphs for '${fontstack}' range '${range}'; fonts: ${Object.keys(FONTSTACKS).join(', ')}`,
    );
  }
  return { fontstack: stack, start };
}

/** The PBF of one glyph range, generating (and caching) it on first use. */
export async function glyphRange(fontstack: string, start: number): Promise<Buffer> {
  const f = file(fontstack, start);
  try {
    return await fs.promises.readFile(f);
  } catch {
    // not generated yet
  }
  // One generation at a time: a burst of first requests must not start many browsers.
  const run = queue.then(async () => {
    if (fs.existsSync(f)) return fs.promises.readFile(f);
    const [buf] = await generateGlyphRanges([{ fontstack, start }]);
    return buf!;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Draws and writes the given ranges in one browser session; returns their PBFs in order. */
export async function generateGlyphRanges(
  ranges: Array<{ fontstack: string; start: number }>,
): Promise<Buffer[]> {
  const t0 = Date.now();
  const tinySdf = fs
    .readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8')
    .replace('export default class TinySDF', 'window.TinySDF = class TinySDF');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: tinySdf });
    const out: Buffer[] = [];
    for (const { fontstack, start } of ranges) {
      const font = FONTSTACKS[fontstack]!;
      const raw = await page.evaluate(
        async (family: string, weight: string, from: number) => {
          await document.fonts.load(`${weight} 24px "${family}"`);
          type Sdf = {
            draw(c: string): {
              data: Uint8ClampedArray;
              width: number;
              height: number;
              glyphWidth: number;
              glyphHeight: number;
              glyphTop: number;
              glyphLeft: number;
              glyphAdvance: number;
            };
          };
          const Ctor = (window as unknown as { TinySDF: new (o: object) => Sdf }).TinySDF;
          const sdf = new Ctor({
            fontSize: 24,
            buffer: 3,
            radius: 8,
            cutoff: 0.25,
            fontFamily: `"${family}", sans-serif`,
            fontWeight: weight,
          });
          const glyphs = [];
          for (let id = from; id < from + 256; id++) {
            // C0/C1 control characters and surrogates have no glyph.
            if (id < 32 || (id >= 127 && id < 160) || (id >= 0xd800 && id < 0xe000)) continue;
            const g = sdf.draw(String.fromCharCode(id));
            glyphs.push({
              id,
              w: g.glyphWidth,
              h: g.glyphHeight,
              top: g.glyphTop,
              left: g.glyphLeft,
              adv: g.glyphAdvance,
              data: btoa(String.fromCharCode(...g.data)),
            });
          }
          return glyphs;
        },
        font.family,
        font.weight,
        start,
      );
      const glyphs: SdfGlyph[] = raw.map((g) => ({
        id: g.id,
        bitmap: Buffer.from(g.data, 'base64'),
        width: g.w,
        height: g.h,
        left: g.left,
        top: g.top - TOP_ADJUSTMENT,
        advance: Math.round(g.adv),
      }));
      const buf = encodeGlyphRange(fontstack, start, glyphs);
      const f = file(fontstack, start);
      await fs.promises.mkdir(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, buf);
      await fs.promises.rename(tmp, f);
      out.push(buf);
    }
    logger.info({ ranges: ranges.length, ms: Date.now() - t0 }, 'generated map glyphs');
    return out;
  } finally {
    await browser.close();
  }
}
