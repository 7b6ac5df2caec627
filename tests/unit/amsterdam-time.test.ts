/** Officers type Amsterdam wall-clock times; the API gets instants (client/src/officer/amsterdam-time.ts). */
import { amsterdamToIso, isoToAmsterdam } from '../../client/src/officer/amsterdam-time';

test('winter and summer time, and the Sundays the clocks change', () => {
  expect(amsterdamToIso('2030-03-12T19:30')).toBe('2030-03-12T18:30:00.000Z');
  expect(amsterdamToIso('2030-07-01T19:30')).toBe('2030-07-01T17:30:00.000Z');
  // 31 October 2027 (clocks back at 03:00) and 28 March 2027 (forward at 02:00).
  expect(amsterdamToIso('2027-10-31T19:30')).toBe('2027-10-31T18:30:00.000Z');
  expect(amsterdamToIso('2027-03-28T19:30')).toBe('2027-03-28T17:30:00.000Z');
});

test('back again, whatever the time zone of the process', () => {
  for (const local of ['2030-03-12T19:30', '2030-07-01T08:05', '2027-10-31T23:59', '2027-03-28T00:00'])
    expect(isoToAmsterdam(amsterdamToIso(local)!)).toBe(local);
});

test('not a date and time: null', () => {
  expect(amsterdamToIso('')).toBeNull();
  expect(amsterdamToIso('12-03-2030 19:30')).toBeNull();
});
