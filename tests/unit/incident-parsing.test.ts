import iconv from 'iconv-lite';
import {
  classifyModusOperandi,
  parseDecimal,
  parseDutchDate,
  parseYesNo,
  textProblem,
} from '../../server/incidents/incident-row';
import { decodeText, detectDelimiter } from '../../server/incidents/text-file';
import { crsToEpsg } from '../../server/incidents/parsers/geojson';
import { streetFromLabel, looksLikePoliceUkRow } from '../../server/incidents/parsers/police-uk';
import { detectFormat } from '../../server/incidents/incident-import.service';

test('Dutch dates are Amsterdam local time, with and without summer time; impossible dates are refused', () => {
  expect(parseDutchDate('05-03-2024 14:30')!.toISOString()).toBe('2024-03-05T13:30:00.000Z');
  expect(parseDutchDate('2024-07-01 14:30')!.toISOString()).toBe('2024-07-01T12:30:00.000Z');
  expect(parseDutchDate('2024-07-01')!.toISOString()).toBe('2024-06-30T22:00:00.000Z');
  expect(parseDutchDate('2024-07-01T10:00:00Z')!.toISOString()).toBe('2024-07-01T10:00:00.000Z');
  expect(parseDutchDate('1/2/2024')!.toISOString()).toBe('2024-01-31T23:00:00.000Z');
  for (const bad of ['2024-02-30', '31-04-2024', '2024-13-01', 'gisteren', '', '2024-01-01 25:00'])
    expect(parseDutchDate(bad)).toBeUndefined();
});

test('yes/no, decimals and modus operandi keywords', () => {
  expect([parseYesNo('Ja'), parseYesNo('nee'), parseYesNo(''), parseYesNo('misschien')]).toEqual([
    true,
    false,
    false,
    undefined,
  ]);
  expect([parseDecimal('85123,45'), parseDecimal('4.37'), parseDecimal('1.234,5')]).toEqual([
    85123.45,
    4.37,
    undefined,
  ]);
  expect(classifyModusOperandi('Cilinder van voordeur afgebroken')).toBe('cylinder_snapping');
  expect(classifyModusOperandi('Deur geflipperd')).toBe('latch_slipping');
  expect(classifyModusOperandi('Via openstaand raam')).toBe('open_window_door');
  expect(classifyModusOperandi('Raam achterzijde ingeslagen')).toBe('window_forced');
  expect(classifyModusOperandi('Achterdeur opengebroken')).toBe('door_forced');
  expect(classifyModusOperandi('Via balkon ingeklommen')).toBe('climbing');
  expect(classifyModusOperandi('door_forced')).toBe('door_forced');
  expect(classifyModusOperandi('')).toBe('unknown');
});

test('encodings and separators', () => {
  expect(decodeText(Buffer.from('\uFEFFa;b')).encoding).toBe('utf-8-bom');
  expect(decodeText(Buffer.from('één')).text).toBe('één');
  const w = decodeText(iconv.encode('Kerkstraat één €', 'win1252'));
  expect(w).toEqual({ text: 'Kerkstraat één €', encoding: 'windows-1252' });
  expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a;één', 'utf-16le')]))).toEqual({
    text: 'a;één',
    encoding: 'utf-16le',
  });
  expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('a;één', 'utf-16be')]))).toEqual({
    text: 'a;één',
    encoding: 'utf-16be',
  });
  expect(decodeText(iconv.encode('registratienummer;pleegdatum van', 'utf-16le')).problem).toMatch(
    /UTF-16 \(little-endian\) without a byte order mark/,
  );
  expect(decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).problem).toMatch(/UTF-32/);
  expect(detectDelimiter('a;b;"c,d"')).toBe(';');
  expect(detectDelimiter('a,b,c')).toBe(',');
  expect(detectDelimiter('a\tb')).toBe('\t');
});

test('formats, police.uk shapes and labels, GeoJSON crs names', () => {
  expect(
    detectFormat(
      'x.csv',
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n',
    ),
  ).toBe('police-uk');
  expect(detectFormat('x.csv', 'abc,2021-01,a,b,0.1,52,On or near X,E0,L,Burglary,,\n')).toBe('police-uk');
  expect(detectFormat('x.csv', 'registratienummer;pleegdatum van\n')).toBe('nl-csv');
  expect(detectFormat('x.geojson', '')).toBe('geojson');
  expect(looksLikePoliceUkRow(['', '2021-1', ...Array(10).fill('')])).toBe(false);
  expect(streetFromLabel('On or near Mill Road')).toBe('Mill Road');
  expect(streetFromLabel('On or near Sports/Recreation Area')).toBeNull();
  expect(streetFromLabel('On or near Parking Area')).toBeNull();
  expect(streetFromLabel('No Location')).toBeNull();
  expect(crsToEpsg(undefined)).toBe(4326);
  expect(crsToEpsg({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } })).toBe(28992);
  expect(crsToEpsg({ type: 'name', properties: { name: 'EPSG:27700' } })).toBe(27700);
  expect(crsToEpsg({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe(4326);
  expect(crsToEpsg({ type: 'name', properties: { name: 'my projection' } })).toBeUndefined();
});

test('texts PostgreSQL cannot store or index are named with their field', () => {
  expect(textProblem("column 'Location'", 'On or near \u0000')).toMatch(
    /^column 'Location' contains a NUL character/,
  );
  expect(textProblem('id', 'A\ud800B')).toMatch(/^id contains a lone UTF-16 surrogate \(\\ud800\)/);
  expect(textProblem('id', 'A\udc00')).toMatch(/lone UTF-16 surrogate \(\\udc00\)/);
  expect(textProblem('id', 'emoji \ud83d\ude00 is fine')).toBeUndefined();
  expect(textProblem("column 'straat'", 'x'.repeat(201), 200)).toBe(
    "column 'straat' is 201 characters long; at most 200",
  );
  expect(textProblem("column 'straat'", 'x'.repeat(200), 200)).toBeUndefined();
});
