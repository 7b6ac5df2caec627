import { parseDutchDate, parseIsoDate, parseMonth } from '../../server/core/dates';

describe('one strict date parser: nothing rolls over', () => {
  test.each([
    '2021-02-30',
    '2021-02-30T10:00Z',
    '2021-04-31T10:00+02:00',
    '2021-02-29',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '31-02-2024',
    '2024-01-01 24:00',
    '2024-01-01T23:60Z',
    '2024-01-01T10:00:60Z',
    '2024-01-01T10:00+15:00',
    '2024-01-01T10:00+01:60',
    '1899-12-31',
    '2101-01-01',
    '2024-01-01T',
    '2024-01-01T10',
    'gisteren',
    '',
    '2021-13',
    '2024-01-01T10:00 Z',
  ])('%p is not a date', (raw) => {
    expect(parseDutchDate(raw)).toBeUndefined();
    expect(parseIsoDate(raw)).toBeUndefined();
  });

  test('ISO dates with Z or an offset are that moment; without one, Dutch dates are Amsterdam time and API dates UTC', () => {
    expect(parseDutchDate('2024-02-29T10:00Z')!.toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(parseDutchDate('2024-07-01T10:00:00+02:00')!.toISOString()).toBe('2024-07-01T08:00:00.000Z');
    expect(parseDutchDate('2024-07-01T10:00:00.5-0130')!.toISOString()).toBe('2024-07-01T11:30:00.500Z');
    expect(parseDutchDate('2024-07-01 10:00')!.toISOString()).toBe('2024-07-01T08:00:00.000Z');
    expect(parseDutchDate('31-12-2024')!.toISOString()).toBe('2024-12-30T23:00:00.000Z');
    expect(parseIsoDate('2024-03-05')!.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseIsoDate('2024-03-05T14:30:00.123Z')!.toISOString()).toBe('2024-03-05T14:30:00.123Z');
    expect(parseIsoDate('05-03-2024')).toBeUndefined();
  });

  test('months are YYYY-MM with 01 to 12, as their UTC range', () => {
    expect(parseMonth('2021-01')).toEqual({
      from: new Date('2021-01-01T00:00:00Z'),
      to: new Date('2021-01-31T23:59:59Z'),
    });
    expect(parseMonth('2024-02')!.to.toISOString()).toBe('2024-02-29T23:59:59.000Z');
    for (const bad of ['2021-13', '2021-00', '2021-1', '21-01', '2021-01-01'])
      expect(parseMonth(bad)).toBeUndefined();
  });
});
