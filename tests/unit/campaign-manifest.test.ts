import { csvCell, letterFileName, manifestCsv } from '../../server/campaigns/campaign-manifest';
import type { PrintRow } from '../../server/campaigns/campaigns.repo';

const row = (over: Partial<PrintRow> = {}): PrintRow => ({
  letter_id: '41',
  pdf_sha256: 'a'.repeat(64),
  pdf_page: 0,
  street_name: 'Mekelweg',
  huisnummer: 12,
  huisletter: 'A',
  toevoeging: '2',
  postcode: '2628CD',
  place: 'Delft',
  ...over,
});

describe('the CSV formula guard', () => {
  test.each(['=HYPERLINK("http://x")', '+31 15 123', '-1', '@SUM(A1)'])(
    '%s gets a leading apostrophe',
    (v) => {
      expect(csvCell(v).replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(`'${v}`);
    },
  );
  test('ordinary values pass unchanged; numbers and null too', () => {
    expect(csvCell('Mekelweg 12A-2')).toBe('Mekelweg 12A-2');
    expect(csvCell('a=b')).toBe('a=b'); // only a leading = starts a formula
    expect(csvCell(17)).toBe('17');
    // A negative number is a number, not a formula: no apostrophe (the string '-1' gets one).
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
  });
  test('quotes, commas, semicolons and newlines are quoted, quotes doubled', () => {
    expect(csvCell('Jan "de" Vries')).toBe('"Jan ""de"" Vries"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('the manifest', () => {
  test('one line per letter after the header, page numbers in order, file names matching the zip', () => {
    const csv = manifestCsv(
      [row(), row({ letter_id: '42', huisnummer: 14, huisletter: null, toevoeging: null })],
      'nl',
    );
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'page,letter_id,addressee,address_line,postcode_place_line,postcode,place,kix,file',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,41,Aan de bewoners van,Mekelweg 12A-2,/);
    expect(lines[1]).toContain(',2628CD,Delft,2628CD12XAX2,00001_2628CD_12A-2.pdf');
    expect(lines[2]).toMatch(/^2,42,.*,00002_2628CD_14\.pdf$/);
  });
  test('a street name that looks like a formula is guarded', () => {
    const csv = manifestCsv([row({ street_name: '=cmd', postcode: null })], 'en');
    expect(csv.split('\n')[1]).toContain(`To the residents of,'=cmd 12A-2`);
  });
  test('file names keep only letters, digits and -', () => {
    expect(letterFileName(row({ toevoeging: 'b/c' }), 7)).toBe('00007_2628CD_12A-b_c.pdf');
    expect(letterFileName(row({ postcode: null }), 1)).toBe('00001_geen-postcode_12A-2.pdf');
  });
});
