import { readStreetLink } from '../../client/src/public/street-link';

test('a letter link opens a street by id; names and postcodes are searched', () => {
  const read = (q: string) => readStreetLink(new URLSearchParams(q));
  expect(read('gemeente=GM0503&street=75&lang=en')).toEqual({ kind: 'id', id: 75 });
  expect(read('street=Oude+Delft')).toEqual({ kind: 'search', text: 'Oude Delft' });
  expect(read('postcode=2628CD&street=75')).toEqual({ kind: 'search', text: '2628CD' });
  expect(read('street=075')).toEqual({ kind: 'search', text: '075' });
  expect(read('lang=en')).toBeNull();
});
