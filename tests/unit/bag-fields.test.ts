import {
  bagIdOf,
  isResidentialUse,
  isWithdrawnOrUnbuilt,
  mapFields,
  toRow,
} from '../../server/imports/bag-import';

describe('mapFields', () => {
  test('PDOK BAG GeoPackage: the nummeraanduiding id wins over the verblijfsobject identificatie', () => {
    expect(
      mapFields([
        'identificatie',
        'openbare_ruimte_naam',
        'huisnummer',
        'huisletter',
        'toevoeging',
        'postcode',
        'woonplaats_naam',
        'gebruiksdoel',
        'status',
        'nummeraanduiding_hoofdadres_identificatie',
      ]),
    ).toEqual({
      id: 'nummeraanduiding_hoofdadres_identificatie',
      street: 'openbare_ruimte_naam',
      huisnummer: 'huisnummer',
      huisletter: 'huisletter',
      toevoeging: 'toevoeging',
      postcode: 'postcode',
      place: 'woonplaats_naam',
      gebruiksdoel: 'gebruiksdoel',
      status: 'status',
    });
  });
  test('the gokoala fixture', () => {
    expect(
      mapFields(['nummer_id', 'straatnaam', 'huisnummer', 'woonplaats', 'type', 'status', 'datum_eind']),
    ).toEqual({
      id: 'nummer_id',
      street: 'straatnaam',
      huisnummer: 'huisnummer',
      place: 'woonplaats',
      status: 'status',
      ended: 'datum_eind',
    });
  });
  test('INSPIRE extracts, in any case', () => {
    expect(mapFields(['ID', 'Straatnaam', 'HUISNUMMER'])).toEqual({
      id: 'ID',
      street: 'Straatnaam',
      huisnummer: 'HUISNUMMER',
    });
  });
});

test.each([
  ['Verblijfsobject ingetrokken', true],
  ['Niet gerealiseerd verblijfsobject', true],
  ['niet_gerealiseerd', true],
  ['NAAMGEVING INGETROKKEN', true],
  ['Verblijfsobject ten onrechte opgevoerd', true],
  ['Verblijfsobject gevormd', true],
  ['Verblijfsobject in gebruik', false],
  ['Verblijfsobject buiten gebruik', false],
  ['Naamgeving uitgegeven', false],
  [null, false],
])('status %p withdrawn or unbuilt: %p', (status, expected) =>
  expect(isWithdrawnOrUnbuilt(status)).toBe(expected),
);

test.each([
  ['woonfunctie', true],
  ['winkelfunctie,woonfunctie', true],
  [['kantoorfunctie', 'woonfunctie'], true],
  ['winkelfunctie', false],
  ['kantoorfunctie, industriefunctie', false],
  [null, true],
])('gebruiksdoel %p residential: %p', (use, expected) => expect(isResidentialUse(use)).toBe(expected));

test('bagIdOf takes the 16-digit id out of INSPIRE ids', () => {
  expect(bagIdOf('NL.IMBAG.Nummeraanduiding.0363200000039881')).toBe('0363200000039881');
  expect(bagIdOf(' 0363200000039881 ')).toBe('0363200000039881');
  expect(bagIdOf('')).toBeUndefined();
  expect(bagIdOf(null)).toBeUndefined();
});

describe('toRow', () => {
  const fields = {
    id: 'nummer_id',
    street: 'straatnaam',
    huisnummer: 'huisnummer',
    huisletter: 'huisletter',
    toevoeging: 'toevoeging',
    postcode: 'postcode',
  };
  const geometry = { type: 'Point', coordinates: [4.89, 52.39] };
  const feature = (p: Record<string, unknown>) => ({
    type: 'Feature' as const,
    properties: { nummer_id: '0363200000039881', straatnaam: 'Barentszplein', huisnummer: 1, ...p },
    geometry,
  });

  test('normalises letters and postcode and falls back to the municipality as place', () => {
    expect(
      toRow(feature({ huisletter: 'a', toevoeging: 'h', postcode: '1013 nj' }), fields, 'Amsterdam'),
    ).toMatchObject({
      key: '0363200000039881',
      bag_id: '0363200000039881',
      huisnummer: 1,
      huisletter: 'A',
      toevoeging: 'H',
      postcode: '1013NJ',
      place: 'Amsterdam',
    });
  });
  test.each([
    [{ huisnummer: 0 }, /house number/],
    [{ huisnummer: '12a' }, /house number/],
    [{ huisletter: 'ab' }, /house letter/],
    [{ toevoeging: 'too long' }, /addition/],
    [{ straatnaam: ' ' }, /street/],
    [{ nummer_id: null }, /id/],
  ])('rejects %p', (p, reason) =>
    expect(toRow(feature(p), fields, 'X')).toEqual({ reject: expect.stringMatching(reason) }),
  );
});
