import {
  formatPostcode,
  isNummeraanduidingId,
  normalisePostcode,
  parseHouseNumber,
} from '../../server/imports/address-parts';

describe('parseHouseNumber', () => {
  test.each([
    ['12', { huisnummer: 12, huisletter: null, toevoeging: null }],
    ['12a', { huisnummer: 12, huisletter: 'A', toevoeging: null }],
    ['12 B', { huisnummer: 12, huisletter: 'B', toevoeging: null }],
    ['7-1', { huisnummer: 7, huisletter: null, toevoeging: '1' }],
    ['101A-bis', { huisnummer: 101, huisletter: 'A', toevoeging: 'BIS' }],
  ])('%s', (raw, expected) => expect(parseHouseNumber(raw)).toEqual(expected));

  test.each(['', 'a', '12;14', '0', '12abc', 'nabij 4'])('rejects %p', (raw) =>
    expect(parseHouseNumber(raw)).toBeUndefined(),
  );
});

describe('postcodes', () => {
  test('normalises spacing and case', () => expect(normalisePostcode(' 2628 cd ')).toBe('2628CD'));
  test('rejects postcodes that do not exist', () => {
    expect(normalisePostcode('0123AB')).toBeUndefined();
    expect(normalisePostcode('2628SS')).toBeUndefined();
    expect(normalisePostcode('2628C')).toBeUndefined();
  });
  test('formats with one space', () => expect(formatPostcode('2628CD')).toBe('2628 CD'));
});

test('nummeraanduiding ids carry object type 20', () => {
  expect(isNummeraanduidingId('0363200000123456')).toBe(true);
  expect(isNummeraanduidingId('0363100000123456')).toBe(false); // a pand id
  expect(isNummeraanduidingId('363200000123456')).toBe(false);
});
