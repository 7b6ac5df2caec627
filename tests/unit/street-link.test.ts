import { pageParams } from '../../client/src/public/embed-path';
import { readStreetLink } from '../../client/src/public/street-link';

test('a letter link opens a street by id; names and postcodes are searched', () => {
  const read = (q: string) => readStreetLink(new URLSearchParams(q));
  expect(read('gemeente=GM0503&street=75&lang=en')).toEqual({ kind: 'id', id: 75 });
  expect(read('street=Oude+Delft')).toEqual({ kind: 'search', text: 'Oude Delft' });
  expect(read('postcode=2628CD&street=75')).toEqual({ kind: 'search', text: '2628CD' });
  expect(read('street=075')).toEqual({ kind: 'search', text: '075' });
  expect(read('lang=en')).toBeNull();
});

describe('the embed path', () => {
  test('/embed/<municipality> is the embedded map of that municipality, with the other parameters kept', () => {
    const p = pageParams({ pathname: '/embed/gm0503', search: '?lang=en&period=12' });
    expect(Object.fromEntries(p)).toEqual({ lang: 'en', period: '12', gemeente: 'GM0503', embed: '1' });
    expect(Object.fromEntries(pageParams({ pathname: '/', search: '?gemeente=GM0503' }))).toEqual({
      gemeente: 'GM0503',
    });
    expect(pageParams({ pathname: '/embed/', search: '' }).get('embed')).toBeNull();
  });
});
