import { knoxTest } from '../../server/analysis/knox';
import { UnionFind } from '../../server/analysis/union-find';

test('union-find gives connected components', () => {
  const uf = new UnionFind(6);
  uf.union(0, 1);
  uf.union(2, 1);
  uf.union(4, 5);
  const r = uf.roots();
  expect(r[0]).toBe(r[2]);
  expect(r[3]).not.toBe(r[0]);
  expect(r[4]).toBe(r[5]);
  expect(new Set(r).size).toBe(3);
});

test('Knox: observed counts per band, seeded permutations are reproducible, a planted near repeat stands out', () => {
  // 40 incidents: 20 pairs that are 50 m and 2 days apart, the pairs spread over a year.
  const days: number[] = [];
  const pairs: { a: number; b: number; d: number }[] = [];
  for (let i = 0; i < 20; i++) {
    days.push(i * 18, i * 18 + 2);
    pairs.push({ a: 2 * i, b: 2 * i + 1, d: 50 });
    if (i > 0) pairs.push({ a: 2 * i, b: 2 * i - 2, d: 300 });
  }
  const input = {
    days,
    pairs,
    distanceBands: [0, 100, 200, 400],
    timeBands: [0, 7, 14, 21],
    permutations: 199,
    seed: 3,
  };
  const r = knoxTest(input);
  expect(r.cells).toHaveLength(9);
  const near = r.cells.find((c) => c.distance[0] === 0 && c.days[0] === 0)!;
  expect(near.observed).toBe(20);
  expect(near.ratio!).toBeGreaterThan(3);
  expect(near.p).toBeLessThanOrEqual(0.01);
  expect(r.cells.find((c) => c.distance[0] === 200 && c.days[0] === 14)!.observed).toBe(19); // 18 days apart
  expect(knoxTest(input)).toEqual(r);
  expect(knoxTest({ ...input, seed: 4 }).cells[0]!.expected).not.toBe(near.expected);
});

test('the grid pair search finds exactly the pairs a brute force finds', async () => {
  const { forEachSpaceTimePair } = await import('../../server/analysis/space-time-pairs');
  const n = 800;
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const x = Float64Array.from({ length: n }, () => 85000 + rnd() * 3000);
  const y = Float64Array.from({ length: n }, () => 446000 + rnd() * 3000);
  const t = Float64Array.from({ length: n }, () => rnd() * 365);
  const grid: string[] = [];
  forEachSpaceTimePair({ x, y, t }, 200, 14, (i, j) => grid.push(`${i}-${j}`));
  const brute: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!) <= 200 && Math.abs(t[i]! - t[j]!) <= 14)
        brute.push(`${i}-${j}`);
    }
  }
  expect(brute.length).toBeGreaterThan(20);
  expect(grid.sort()).toEqual(brute.sort());
});

test('address counts in unions of circles equal a brute force, both ways of counting', async () => {
  const { buildAddressIndex, countAddressesInCircles, forEachAddressInCircles, ROW_HEIGHT_M } =
    await import('../../server/analysis/address-index');
  let seed = 11;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pts = Array.from({ length: 20000 }, (_, i) => ({
    id: i + 1,
    x: 1000 + rnd() * 2000,
    y: 1000 + Math.round(rnd() * 200) * 10,
  }));
  // Some addresses exactly on row edges (y multiple of 10) and exactly on a circle's edge.
  pts.push({ id: 99999, x: 2000 + 200, y: 2000 });
  pts.sort((a, b) => Math.floor(a.y / ROW_HEIGHT_M) - Math.floor(b.y / ROW_HEIGHT_M) || a.x - b.x);
  const index = buildAddressIndex('1', pts);
  for (let k = 0; k < 20; k++) {
    const circles = Array.from({ length: 1 + (k % 5) }, () => ({
      x: 1500 + rnd() * 1000,
      y: 1500 + rnd() * 1000,
      r: 100 + rnd() * 300,
    }));
    if (k === 0) circles.push({ x: 2000, y: 2000, r: 200 });
    const brute = pts.filter((p) =>
      circles.some((c) => (p.x - c.x) ** 2 + (p.y - c.y) ** 2 <= c.r * c.r),
    ).length;
    let visited = 0;
    forEachAddressInCircles(index, circles, [], () => visited++);
    expect(countAddressesInCircles(index, circles)).toBe(brute);
    expect(visited).toBe(brute);
  }
});
