import { kixBars, kixContent, kixSvg } from '../../server/letters/kix';
import { houseNumberLabel, postalLines } from '../../server/letters/postal-address';
import { formatDate, formatDateTime, safeSvg, streetMapUrl } from '../../server/letters/letter-format';
import { DIN_5008_B, geometryCss } from '../../server/letters/letter-geometry';
import { methodAdvice } from '../../server/letters/advice';

describe('KIX barcode', () => {
  test('content: postcode, number, X before letter and addition', () => {
    expect(kixContent({ postcode: '2628CD', huisnummer: 12, huisletter: null, toevoeging: null })).toBe(
      '2628CD12',
    );
    expect(kixContent({ postcode: '2628CD', huisnummer: 12, huisletter: 'a', toevoeging: null })).toBe(
      '2628CD12XA',
    );
    expect(kixContent({ postcode: '2628CD', huisnummer: 12, huisletter: 'A', toevoeging: '2-hg' })).toBe(
      '2628CD12XAX2HG',
    );
  });
  test('bars follow the RM4SCC table (0 = TTFF, 1 = TDAF, 5 = DDAA, 6 = TADF, Z = FFTT)', () => {
    expect(kixBars('0').join('')).toBe('TTFF');
    expect(kixBars('1').join('')).toBe('TDAF');
    expect(kixBars('5').join('')).toBe('DDAA');
    expect(kixBars('6').join('')).toBe('TADF');
    expect(kixBars('Z').join('')).toBe('FFTT');
    // every character has exactly two ascenders and two descenders
    for (const ch of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const bars = kixBars(ch);
      expect(bars.filter((b) => b === 'A' || b === 'F')).toHaveLength(2);
      expect(bars.filter((b) => b === 'D' || b === 'F')).toHaveLength(2);
    }
  });
  test('rejects characters it cannot encode; svg has 4 bars a character', () => {
    expect(() => kixBars('12-3')).toThrow("KIX cannot encode '-'");
    expect(kixSvg('2628CD12').match(/<rect/g)).toHaveLength(32);
  });
});

describe('PostNL address lines', () => {
  test('postcode with one space, two spaces, PLACE in capitals', () => {
    expect(
      postalLines({
        street_name: 'Mekelweg',
        huisnummer: 5,
        huisletter: 'B',
        toevoeging: '2',
        postcode: '2628CD',
        place: "'s-Gravenhage",
      }),
    ).toEqual(['Mekelweg 5B-2', "2628 CD  'S-GRAVENHAGE"]);
    expect(houseNumberLabel({ huisnummer: 7, huisletter: null, toevoeging: null })).toBe('7');
  });
  test('an address without postcode cannot be mailed', () => {
    expect(() =>
      postalLines({
        street_name: 'X',
        huisnummer: 1,
        huisletter: null,
        toevoeging: null,
        postcode: null,
        place: 'Delft',
      }),
    ).toThrow(/no postcode/);
  });
});

describe('letter formatting', () => {
  test('dates in Dutch and English, evening time in Dutch time', () => {
    expect(formatDate('nl', '2025-03-10')).toBe('10 maart 2025');
    expect(formatDate('en', '2025-03-10')).toBe('10 March 2025');
    expect(formatDateTime('nl', '2025-04-02T17:30:00Z')).toEqual({
      date: 'woensdag 2 april 2025',
      time: '19:30',
    });
  });
  test('street map URL keeps the base path and names municipality, street and language', () => {
    expect(
      streetMapUrl('https://kaart.delft.example/inbraak/', {
        municipalityCode: 'GM0503',
        street: { id: 42, name: 'Mekelweg' },
        language: 'en',
      }),
    ).toBe('https://kaart.delft.example/inbraak/?gemeente=GM0503&street=42&lang=en');
    expect(
      streetMapUrl('https://x.example', {
        municipalityCode: 'GM0503',
        street: { id: null, name: 'Oude Delft' },
        language: 'nl',
      }),
    ).toBe('https://x.example/?gemeente=GM0503&street=Oude+Delft&lang=nl');
  });
  test('logo SVG loses scripts and handlers', () => {
    const s = safeSvg(
      '<svg onload="alert(1)"><script>alert(2)</script><image href="https://evil.example/x.png"/></svg>',
    );
    expect(s).not.toMatch(/alert|evil/);
    expect(() => safeSvg('<img src=x>')).toThrow(/SVG/);
  });
  test('method advice falls back to unknown', () => {
    expect(methodAdvice('nl', 'no_such_code')).toEqual(methodAdvice('nl', 'unknown'));
  });
});

describe('geometry', () => {
  test('DIN 5008 form B window reaches CSS as variables', () => {
    const css = geometryCss(DIN_5008_B);
    expect(css).toContain('--pk-window-left:20mm');
    expect(css).toContain('--pk-window-top:45mm');
    expect(css).toContain('--pk-window-width:85mm');
    expect(css).toContain('--pk-return-zone-height:17.7mm');
    expect(css).toContain('--pk-fold-1:105mm');
    expect(css).toContain('--pk-fold-2:210mm');
  });
});
