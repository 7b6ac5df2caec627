/**
 * z/x/y of a vector tile as written in a URL: plain decimal integers only. Number() would also
 * take 1e1, 0x0a, +338, 08 or 8.0 for the same tile: several URLs for one tile, each cached
 * separately by browsers and proxies (issue 8). Shared by the public, base map and officer tiles.
 */
import { z } from 'zod';

const coordinate = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,7})$/, 'a whole number in plain decimal digits without leading zeros, e.g. 338')
  .transform(Number);

export const TileCoordinates = z
  .object({ z: coordinate.pipe(z.number().max(22, 'zoom levels go up to 22')), x: coordinate, y: coordinate })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'x and y must lie within 0 .. 2^z - 1');
