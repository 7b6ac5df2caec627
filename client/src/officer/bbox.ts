/** Bounding boxes of GeoJSON coordinates, for "Toon" (zoom to a street or a cluster). */

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/**
 * The bounding box of GeoJSON coordinates of any depth (a point, a line, polygons).
 *
 * @param coords - a geometry's `coordinates`
 * @returns the box, or null when there is no position in them
 */
export function bboxOf(coords: unknown): BBox | null {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(coords);
  return Number.isFinite(b[0]) ? b : null;
}
