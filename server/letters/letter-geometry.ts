/**
 * The one place that knows where things sit on the sheet. Every measurement is in millimetres
 * and reaches the stylesheet as CSS variables (`--pk-window-left: 20mm` ...), so a municipality
 * with another envelope changes numbers here, not CSS.
 *
 * Defaults: DIN 5008 form B window envelope (used across NL/EU): the address field is 20 mm
 * from the left and 45 mm from the top, 85 x 45 mm; its top 17.7 mm hold a one-line return
 * address (6-8 pt), the rest up to 6 address lines. Fold marks for form B at 105 and 210 mm.
 * NEN 1026 publishes no free numbers, which is why this is configurable (docs/readme/letters.md,
 * "Envelope geometry in one place").
 */
export interface LetterGeometry {
  pageWidth: number;
  pageHeight: number;
  /** Address window: left, top, width, height. */
  windowLeft: number;
  windowTop: number;
  windowWidth: number;
  windowHeight: number;
  /** Height of the return-address zone at the top of the window. */
  returnZoneHeight: number;
  /** Return address font size in pt (6-8). */
  returnFontPt: number;
  /** Address font size in pt (PostNL: 10-12). */
  addressFontPt: number;
  /** Fold marks, measured from the top of the sheet. */
  foldMarks: number[];
  /** Hole-punch mark (half the page height), left edge. */
  punchMark: number;
  /** Page margins of the body text. */
  marginLeft: number;
  marginRight: number;
  marginBottom: number;
  /** Information block (date, reference, contact) to the right of the window. */
  infoLeft: number;
  infoTop: number;
  /** Where the body text starts (DIN 5008 form B: 98.46 mm). */
  bodyTop: number;
}

export const DIN_5008_B: Readonly<LetterGeometry> = Object.freeze({
  pageWidth: 210,
  pageHeight: 297,
  windowLeft: 20,
  windowTop: 45,
  windowWidth: 85,
  windowHeight: 45,
  returnZoneHeight: 17.7,
  returnFontPt: 7,
  addressFontPt: 10.5,
  foldMarks: [105, 210],
  punchMark: 148.5,
  marginLeft: 25,
  marginRight: 20,
  marginBottom: 14,
  infoLeft: 125,
  infoTop: 50,
  bodyTop: 98.46,
});

/** The geometry as CSS custom properties on `:root`. */
export function geometryCss(g: LetterGeometry = DIN_5008_B): string {
  const mm = (n: number) => `${n}mm`;
  const vars: Record<string, string> = {
    'page-width': mm(g.pageWidth),
    'page-height': mm(g.pageHeight),
    'window-left': mm(g.windowLeft),
    'window-top': mm(g.windowTop),
    'window-width': mm(g.windowWidth),
    'window-height': mm(g.windowHeight),
    'return-zone-height': mm(g.returnZoneHeight),
    'return-font': `${g.returnFontPt}pt`,
    'address-font': `${g.addressFontPt}pt`,
    'fold-1': mm(g.foldMarks[0] ?? 105),
    'fold-2': mm(g.foldMarks[1] ?? 210),
    'punch-mark': mm(g.punchMark),
    'margin-left': mm(g.marginLeft),
    'margin-right': mm(g.marginRight),
    'margin-bottom': mm(g.marginBottom),
    'info-left': mm(g.infoLeft),
    'info-top': mm(g.infoTop),
    'body-top': mm(g.bodyTop),
  };
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `--pk-${k}:${v}`)
    .join(';')}}`;
}
