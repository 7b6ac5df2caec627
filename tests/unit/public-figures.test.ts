import {
  bandOf,
  computeFigures,
  METHOD_CODES,
  ProtectedFigures,
  publicCount,
  publicCutoff,
  publicMonths,
  publishMonth,
  shiftMonth,
  type IncidentGroup,
  type StreetBase,
} from '../../server/public/public-figures';
import type { AttemptFilter, PeriodMonths, PublicFilter } from '../../server/public/public.types';
import { attack, RecordSet, type PublishedCell } from '../helpers/public-attacker';
import { encodeGlyphRange } from '../../server/basemap/glyph-pbf';

const rules = { minAddresses: 8, minCount: 3 };
const NOW = new Date('2025-06-15T12:00:00Z');
const months = publicMonths(NOW);
const LAST = months[11]!;

function street(id: number, addresses: number, areaKey = 'grid:1:1'): StreetBase {
  return {
    id,
    name: `Straat ${id}`,
    place: 'Delft',
    addresses,
    areaKey,
    areaName: null,
    areaKind: 'grid',
    hasGeom: true,
    bbox: [4, 52, 4.1, 52.1],
  };
}
function group(streetId: number | null, n: number, extra: Partial<IncidentGroup> = {}): IncidentGroup {
  return { streetId, areaKey: null, month: LAST, mo: 'cylinder_snapping', attempt: false, n, ...extra };
}
const all: PublicFilter = { period: 3, methods: [], attempt: 'all' };
const figures = (streets: StreetBase[], groups: IncidentGroup[], f: PublicFilter = all) =>
  computeFigures(ProtectedFigures.firstPublication(streets, groups, months, rules), f);

describe('public time: whole calendar months up to a cut-off that moves on the 1st', () => {
  test('the cut-off is midnight in Amsterdam on the 1st, in winter and in summer time', () => {
    expect(publicCutoff(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(publicCutoff(new Date('2026-11-30T22:59:59Z')).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(publicCutoff(new Date('2025-06-15T12:00:00Z')).toISOString()).toBe('2025-05-31T22:00:00.000Z');
    // 23:30 UTC on 31 May is already 1 June in Amsterdam.
    expect(publicCutoff(new Date('2025-05-31T22:30:00Z')).toISOString()).toBe('2025-05-31T22:00:00.000Z');
  });

  test('the 12 complete months before the cut-off, oldest first', () => {
    expect(months[0]).toBe('2024-06');
    expect(months[11]).toBe('2025-05');
    expect(publicMonths(new Date('2026-01-10T12:00:00Z'))[11]).toBe('2025-12');
  });
});

describe('public figures: privacy rules', () => {
  test('a count below the minimum is "a few", never a number and never 0', () => {
    expect(publicCount(0, 3)).toEqual({ count: 0, few: false });
    expect(publicCount(2, 3)).toEqual({ count: null, few: true });
    expect(publicCount(3, 3)).toEqual({ count: 3, few: false });
    expect(bandOf({ count: null, few: true }, false, 3)).toBe('few');
    expect(bandOf({ count: 4, few: false }, false, 3)).toBe('low');
    expect(bandOf({ count: null, few: false }, true, 3)).toBe('merged');
  });

  test('a street with fewer homes than the minimum is merged into its area, with no figure of its own', () => {
    const f = figures([street(1, 40), street(2, 3), street(3, 3)], [group(1, 4), group(2, 5)]);
    expect(f.streets.find((s) => s.id === 1)).toMatchObject({ count: 4, merged: false, band: 'low' });
    expect(f.streets.find((s) => s.id === 2)).toMatchObject({
      count: null,
      few: false,
      merged: true,
      band: 'merged',
      methods: [],
    });
    expect(f.areas[0]).toMatchObject({ key: 'grid:1:1', count: 9, hidden: false });
  });

  test("a merged street alone in its area's rest is pooled with a shown street, so the area never tells its count", () => {
    const f = figures([street(1, 40), street(2, 3)], [group(1, 4), group(2, 5)]);
    // Area 9 and street 4 would give the merged street's 5: the street is held back instead.
    expect(f.streets.find((s) => s.id === 1)).toMatchObject({ count: null, few: true });
    expect(f.areas[0]).toMatchObject({ count: 9 });
  });

  test('small streets are pooled; the area still shows its number, empty streets stay 0', () => {
    const s = [street(1, 40), street(2, 40), street(3, 40), street(4, 40)];
    const f = figures(s, [group(1, 1), group(2, 2), group(3, 6)]);
    const by = new Map(f.streets.map((x) => [x.id, x]));
    expect(by.get(1)).toMatchObject({ count: null, few: true });
    expect(by.get(2)).toMatchObject({ count: null, few: true });
    expect(by.get(3)).toMatchObject({ count: 6 });
    expect(by.get(4)).toMatchObject({ count: 0, band: 'none' });
    expect(f.areas[0]).toMatchObject({ count: 9 });
  });

  test('a pool of single burglaries also holds back an empty street, so "not shown" never means exactly one', () => {
    const s = [street(1, 40), street(2, 40), street(3, 40), street(4, 40), street(5, 40)];
    const f = figures(s, [group(1, 1), group(2, 1), group(3, 1), group(4, 5)]);
    const by = new Map(f.streets.map((x) => [x.id, x]));
    expect([1, 2, 3, 5].map((id) => by.get(id)!.few)).toEqual([true, true, true, true]);
    expect(by.get(4)).toMatchObject({ count: 5 });
  });

  test('an area with too few homes shows no figures at all', () => {
    const f = figures([street(1, 3, 'grid:9:9'), street(2, 40, 'grid:1:1')], [group(1, 6), group(2, 5)]);
    expect(f.areas.find((a) => a.key === 'grid:9:9')).toMatchObject({
      hidden: true,
      count: null,
      methods: [],
    });
  });

  test('periods: last month, last 3 and last 12 months; older months do not count', () => {
    const g = [
      group(1, 4, { month: months[11] }),
      group(1, 3, { month: months[9] }),
      group(1, 5, { month: months[2] }),
      group(1, 9, { month: '2020-01' }),
    ];
    const s = [street(1, 40)];
    expect(figures(s, g, { ...all, period: 1 }).streets[0]!.count).toBe(4);
    expect(figures(s, g, { ...all, period: 3 }).streets[0]!.count).toBe(7);
    expect(figures(s, g, { ...all, period: 12 }).streets[0]!.count).toBe(12);
    expect(figures(s, g).areas[0]!.periods).toEqual({
      1: { count: 4, few: false },
      3: { count: 7, few: false },
      12: { count: 12, few: false },
    });
  });

  test('method and attempt filters, and methods listed only where their own count is shown', () => {
    const g = [
      group(1, 3, { mo: 'climbing', attempt: true }),
      group(1, 4, { mo: 'door_forced' }),
      group(1, 1, { mo: 'unknown' }),
    ];
    const s = [street(1, 40), street(2, 40)];
    expect(figures(s, g, { ...all, methods: ['climbing'] }).streets[0]!.count).toBe(3);
    expect(figures(s, g, { ...all, attempt: 'attempt' }).streets[0]!.count).toBe(3);
    const street1 = figures(s, g).streets[0]!;
    expect(street1.count).toBe(8);
    // The single 'unknown' is pooled with the door_forced ones: neither count is shown, nor listed.
    expect(street1.methods).toEqual(['climbing']);
    expect(figures(s, g, { ...all, methods: ['door_forced'] }).streets[0]).toMatchObject({
      count: null,
      few: true,
    });
  });
});

/** Deterministic pseudo-random numbers for the property test. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('public figures: no sum or difference gives away a small count (property test)', () => {
  const filters: PublicFilter[] = [];
  for (const period of [1, 3, 12] as PeriodMonths[]) {
    for (const attempt of ['all', 'attempt', 'completed'] as AttemptFilter[]) {
      for (const methods of [
        [],
        ...METHOD_CODES.slice(0, 4).map((m) => [m]),
        ['cylinder_snapping', 'door_forced'],
      ])
        filters.push({ period, attempt, methods });
    }
  }

  type Rec = { street: number; month: string; mo: string; attempt: boolean };

  /** The exact cells of every filter at one cut-off, as record sets. */
  function cellsAt(
    p: ProtectedFigures,
    recs: Rec[],
    window: string[],
    areaOf: Map<number, string>,
    at: string,
  ) {
    const cells: PublishedCell[] = [];
    for (const f of filters) {
      const fig = computeFigures(p, f);
      const inF = (x: Rec) =>
        window.slice(-f.period).includes(x.month) &&
        (f.attempt === 'all' || (f.attempt === 'attempt') === x.attempt) &&
        (f.methods.length === 0 || f.methods.includes(x.mo));
      const set = (pred: (x: Rec) => boolean) =>
        RecordSet.of(
          recs.length,
          recs.flatMap((x, i) => (inF(x) && pred(x) ? [i] : [])),
        );
      const label = `${at} ${JSON.stringify(f)}`;
      for (const s of fig.streets)
        if (s.count !== null)
          cells.push({ label: `${label} s${s.id}`, value: s.count, records: set((x) => x.street === s.id) });
      for (const a of fig.areas)
        if (a.count !== null)
          cells.push({
            label: `${label} ${a.key}`,
            value: a.count,
            records: set((x) => areaOf.get(x.street) === a.key),
          });
      if (fig.total.count !== null)
        cells.push({ label: `${label} total`, value: fig.total.count, records: set(() => true) });
    }
    return cells;
  }

  /**
   * A small municipality over 15 months, published month by month, attacked with the cells of
   * 4 successive cut-offs together. Street 12 gets its homes (BAG) after 8 months: merged
   * before, shown on its own after.
   */
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('random small municipality over 4 cut-offs, seed %i', (seed) => {
    const r = rng(seed);
    const all15 = Array.from({ length: 15 }, (_, i) => shiftMonth(LAST, i - 14));
    const streetsAt = (k: number) =>
      Array.from({ length: 12 }, (_, i) =>
        street(i + 1, i === 11 ? (k < 8 ? 4 : 30) : (seed * 7 + i) % 4 === 0 ? 4 : 30, `grid:${i % 3}:0`),
      );
    const recs: Rec[] = [];
    for (let i = 0; i < 40 + Math.floor(r() * 80); i++) {
      recs.push({
        street: 1 + Math.floor(r() * 12),
        month: all15[Math.floor(r() ** 0.7 * 15)]!,
        mo: METHOD_CODES[Math.floor(r() * 4)]!,
        attempt: r() < 0.35,
      });
    }
    const published = all15.map((m, k) =>
      publishMonth(
        m,
        streetsAt(k),
        recs
          .filter((x) => x.month === m)
          .map((x) => ({ streetId: x.street, areaKey: null, mo: x.mo, attempt: x.attempt, n: 1 })),
      ),
    );
    const now = streetsAt(14);
    const areaOf = new Map(now.map((s) => [s.id, s.areaKey]));
    const cells: PublishedCell[] = [];
    for (let end = 12; end <= 15; end++) {
      const p = new ProtectedFigures(now, published.slice(end - 12, end), rules);
      cells.push(...cellsAt(p, recs, all15.slice(end - 12, end), areaOf, all15[end - 1]!));
    }
    expect(cells.filter((c) => c.value > 0).length).toBeGreaterThan(0);
    // Merged in the months it had its burglaries' figures withheld: the merged streets of now and street 12.
    const merged = new Set(now.filter((s) => s.addresses < 8).map((s) => s.id));
    const { findings } = attack(cells, {
      minCount: 3,
      mergedStreetOf: (i) =>
        merged.has(recs[i]!.street) || (recs[i]!.street === 12 && all15.indexOf(recs[i]!.month) < 8)
          ? recs[i]!.street
          : null,
      rounds: 2,
    });
    expect(findings.map((x) => `${x.how} = ${x.value}`)).toEqual([]);
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
