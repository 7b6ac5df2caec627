import { bandOf, computeFigures, lastMonths, publicCount, type IncidentGroup, type StreetBase } from '../../server/public/public-figures';
import { encodeGlyphRange } from '../../server/basemap/glyph-pbf';

const rules = { minAddresses: 8, minCount: 3 };
const months = lastMonths(new Date('2025-06-15T12:00:00Z'));

function street(id: number, addresses: number, areaKey = 'grid:1:1'): StreetBase {
  return { id, name: `Straat ${id}`, place: 'Delft', addresses, areaKey, areaName: null, areaKind: 'grid', hasGeom: true, bbox: [4, 52, 4.1, 52.1] };
}
function group(streetId: number | null, n: number, extra: Partial<IncidentGroup> = {}): IncidentGroup {
  return { streetId, areaKey: null, daysAgo: 10, week: '2025-W20', month: '2025-05', mo: 'cylinder_snapping', attempt: false, n, ...extra };
}
const all = { period: 3 as const, methods: [], attempt: 'all' as const };

describe('public figures: privacy rules', () => {
  test('a count below the minimum is "a few", never a number and never 0', () => {
    expect(publicCount(0, 3)).toEqual({ count: 0, few: false });
    expect(publicCount(1, 3)).toEqual({ count: null, few: true });
    expect(publicCount(2, 3)).toEqual({ count: null, few: true });
    expect(publicCount(3, 3)).toEqual({ count: 3, few: false });
    expect(bandOf(2, false, 3)).toBe('few');
    expect(bandOf(2, true, 3)).toBe('merged');
  });

  test('a street with fewer homes than the minimum is merged into its area, with no figure of its own', () => {
    const f = computeFigures([street(1, 40), street(2, 3)], [group(1, 4), group(2, 5)], all, rules, months);
    const big = f.streets.find((s) => s.id === 1)!;
    const small = f.streets.find((s) => s.id === 2)!;
    expect(big).toMatchObject({ count: 4, merged: false, band: 'low', lastWeek: '2025-W20' });
    expect(small).toMatchObject({ count: null, few: false, merged: true, band: 'merged', lastWeek: null, methods: [] });
    // The area counts both streets.
    expect(f.areas[0]).toMatchObject({ key: 'grid:1:1', count: 9, hidden: false });
  });

  test('an area with too few homes shows no figures at all', () => {
    const f = computeFigures([street(1, 3, 'grid:9:9')], [group(1, 6)], all, rules, months);
    expect(f.areas[0]).toMatchObject({ hidden: true, count: null, trend: [], methods: [] });
  });

  test('the monthly trend hides small months and keeps the period out of it', () => {
    const g = [group(1, 2, { month: '2025-05' }), group(1, 5, { month: '2025-01', daysAgo: 150 })];
    const f = computeFigures([street(1, 40)], g, all, rules, months);
    const trend = f.areas[0]!.trend;
    expect(trend).toHaveLength(12);
    expect(trend.find((m) => m.month === '2025-05')).toEqual({ month: '2025-05', count: null, few: true });
    expect(trend.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', count: 5, few: false });
    expect(trend.find((m) => m.month === '2025-03')).toEqual({ month: '2025-03', count: 0, few: false });
    // 150 days ago is outside the 3-month period: the street shows only the 2 recent ones.
    expect(f.streets[0]).toMatchObject({ count: null, few: true });
  });

  test('method and attempt filters', () => {
    const g = [group(1, 3, { mo: 'climbing', attempt: true }), group(1, 4, { mo: 'door_forced' })];
    expect(computeFigures([street(1, 40)], g, { ...all, methods: ['climbing'] }, rules, months).streets[0]!.count).toBe(3);
    expect(computeFigures([street(1, 40)], g, { ...all, attempt: 'completed' }, rules, months).streets[0]!.count).toBe(4);
    expect(computeFigures([street(1, 40)], g, all, rules, months).streets[0]!.methods).toEqual(['door_forced', 'climbing']);
  });

  test('lastMonths ends with the current month, oldest first', () => {
    expect(months[0]).toBe('2024-07');
    expect(months[11]).toBe('2025-06');
  });
});

describe('glyph PBF encoding', () => {
  test('encodes the fontstack, range and glyph fields MapLibre reads', () => {
    const buf = encodeGlyphRange('Liberation Sans Regular', 0, [
      { id: 65, bitmap: new Uint8Array(7 * 8), width: 1, height: 2, left: -1, top: -10, advance: 13 },
    ]);
    const text = buf.toString('latin1');
    expect(text).toContain('Liberation Sans Regular');
    expect(text).toContain('0-255');
    // Field 5 (left, sint32 zigzag): -1 -> 1; field 6 (top): -10 -> 19.
    expect([...buf]).toEqual(expect.arrayContaining([0x28, 1, 0x30, 19, 0x38, 13]));
  });
});
