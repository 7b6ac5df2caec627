/** Trial mode's draw: uniform in [0, 1), and the arm a draw gives for a share. */
import { armFor, uniformDraw } from '../../server/trial/trial-gate';

test('the share decides: below it the held-back arm, at or above it the letter', () => {
  expect(armFor(0.1, 0.25, 'none')).toBe('none');
  expect(armFor(0.25, 0.25, 'late')).toBe('letter');
  expect(armFor(0.9, 0.25, 'late')).toBe('letter');
  expect(armFor(0, 0, 'none')).toBe('letter');
});

test('draws are uniform in [0, 1)', () => {
  const xs = Array.from({ length: 20_000 }, uniformDraw);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThan(1);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  expect(xs.filter((x) => x < 0.25).length / xs.length).toBeCloseTo(0.25, 1);
});
