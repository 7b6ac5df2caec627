/**
 * KIX (Klantenindex), PostNL's 4-state barcode under the address.
 *
 * Research: KIX is RM4SCC (Royal Mail 4-State Customer Code) without start/stop bars and
 * without check character. Every character is 4 bars; each bar is a tracker (short, centre),
 * an ascender (tracker + upper part), a descender (tracker + lower part) or full. Characters
 * sit in a 6 x 6 table (0-9 then A-Z, row by row); the row fixes which 2 of the 4 bars have an
 * ascender, the column which 2 have a descender, both with the patterns 0011, 0101, 0110, 1001,
 * 1010, 1100. The content is the postcode followed by the house number, with a house letter or
 * addition each separated by "X" (PostNL: "2628CD12XA").
 *
 * PostNL's own KIX font is free to download but its licence does not allow redistribution with
 * this software, so the bars are drawn as inline SVG instead: no font, exact sizes, and the
 * geometry (bar pitch ~ 2.2 mm, height 5 mm) follows the RM4SCC proportions.
 */

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PATTERNS = ['0011', '0101', '0110', '1001', '1010', '1100'];

export type Bar = 'T' | 'A' | 'D' | 'F';

/** The KIX content for an address: postcode + number [+ X letter] [+ X addition]. */
export function kixContent(a: {
  postcode: string;
  huisnummer: number;
  huisletter?: string | null;
  toevoeging?: string | null;
}): string {
  const clean = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');
  let s = clean(a.postcode) + String(a.huisnummer);
  if (a.huisletter) s += 'X' + clean(a.huisletter);
  if (a.toevoeging && clean(a.toevoeging)) s += 'X' + clean(a.toevoeging);
  return s;
}

/** The 4 bars of every character. Throws on characters KIX cannot encode. */
export function kixBars(content: string): Bar[] {
  const bars: Bar[] = [];
  for (const ch of content) {
    const i = CHARSET.indexOf(ch);
    if (i < 0) throw new Error(`KIX cannot encode '${ch}' (only 0-9 and A-Z)`);
    const top = PATTERNS[Math.floor(i / 6)]!;
    const bottom = PATTERNS[i % 6]!;
    for (let b = 0; b < 4; b++) {
      const up = top[b] === '1';
      const down = bottom[b] === '1';
      bars.push(up && down ? 'F' : up ? 'A' : down ? 'D' : 'T');
    }
  }
  return bars;
}

/** The barcode as an inline SVG, sized in millimetres. */
export function kixSvg(content: string): string {
  const bars = kixBars(content);
  const pitch = 2.2; // mm from bar to bar (RM4SCC: 20-24 bars per 25.4 mm)
  const width = 0.6; // bar width
  const h = 5; // full height; tracker is the middle third
  const third = h / 3;
  const rects = bars
    .map((b, i) => {
      const y = b === 'F' || b === 'A' ? 0 : third;
      const bottom = b === 'F' || b === 'D' ? h : 2 * third;
      return `<rect x="${(i * pitch).toFixed(2)}" y="${y.toFixed(2)}" width="${width}" height="${(bottom - y).toFixed(2)}"/>`;
    })
    .join('');
  const w = (bars.length - 1) * pitch + width;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="kix" role="img" aria-label="KIX ${content}" width="${w.toFixed(2)}mm" height="${h}mm" viewBox="0 0 ${w.toFixed(2)} ${h}" fill="#000">${rects}</svg>`;
}
