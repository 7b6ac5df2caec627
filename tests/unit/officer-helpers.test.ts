import { bboxOf } from '../../client/src/officer/bbox';
import { incidentInfo } from '../../client/src/officer/incident-info';
import type { MunicipalityInfo } from '../../client/src/officer/api';
import { period } from '../../client/src/officer/period';
import { userMunicipalities } from '../../client/src/officer/user-municipalities';

test('bboxOf: points, lines and multipolygons; nothing gives null', () => {
  expect(bboxOf([4.36, 52.01])).toEqual([4.36, 52.01, 4.36, 52.01]);
  expect(
    bboxOf([
      [4.3, 52.0],
      [4.4, 51.9],
      [4.35, 52.05],
    ]),
  ).toEqual([4.3, 51.9, 4.4, 52.05]);
  const multi = [
    [
      [
        [4.1, 52.1],
        [4.2, 52.2],
        [4.1, 52.1],
      ],
    ],
    [
      [
        [3.9, 52.3],
        [4.0, 52.0],
        [3.9, 52.3],
      ],
    ],
  ];
  expect(bboxOf(multi)).toEqual([3.9, 52.0, 4.2, 52.3]);
  expect(bboxOf([])).toBeNull();
  expect(bboxOf(undefined)).toBeNull();
});

test('period: the last days, ending at the next full hour', () => {
  const now = Date.parse('2026-11-30T10:20:00Z');
  const p = period(90, now);
  expect(p.to.toISOString()).toBe('2026-11-30T11:00:00.000Z');
  expect(p.from.toISOString()).toBe('2026-09-01T11:00:00.000Z');
  // On the hour, the period ends now: the same URLs for the whole hour before it.
  expect(period(30, Date.parse('2026-11-30T11:00:00Z')).to.toISOString()).toBe('2026-11-30T11:00:00.000Z');
  expect(period(30, Date.parse('2026-11-30T10:00:00.001Z')).to.toISOString()).toBe(
    '2026-11-30T11:00:00.000Z',
  );
});

test('incidentInfo reads tile properties, strings or not', () => {
  expect(
    incidentInfo({ id: 12, date: '2026-11-02', attempt: true, modus_operandi: 'door_forced', street_id: 7 }),
  ).toEqual({
    id: 12,
    date: '2026-11-02',
    attempt: true,
    modusOperandi: 'door_forced',
    streetId: 7,
  });
  expect(
    incidentInfo({
      id: '13',
      date: '2026-11-03',
      attempt: 'false',
      modus_operandi: 'unknown',
      street_id: '8',
    }),
  ).toMatchObject({
    id: 13,
    attempt: false,
    streetId: 8,
  });
  expect(
    incidentInfo({ id: 14, date: '2026-11-04', attempt: 'true', modus_operandi: 'unknown' }),
  ).toMatchObject({ attempt: true, streetId: null });
  expect(
    incidentInfo({ id: 15, date: '2026-11-05', modus_operandi: 'unknown', street_id: null }).streetId,
  ).toBeNull();
});

test('userMunicipalities: all of them, or those named by code, in the order given', () => {
  const all = [{ code: 'GM0503' }, { code: 'GM0603' }, { code: 'GM0518' }] as MunicipalityInfo[];
  expect(userMunicipalities({ municipalityCodes: 'all' }, all)).toEqual(all);
  expect(userMunicipalities({ municipalityCodes: ['GM0518', 'GM0503'] }, all).map((m) => m.code)).toEqual([
    'GM0503',
    'GM0518',
  ]);
  expect(userMunicipalities({ municipalityCodes: ['GM9999'] }, all)).toEqual([]);
});
