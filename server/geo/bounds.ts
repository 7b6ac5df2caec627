/** The Netherlands as boxes in RD New and WGS 84: where Dutch coordinates can lie. */

/** RD New bounds of the Netherlands (incl. the Wadden and a margin). */
export const RD_BOUNDS = { minX: -7000, maxX: 300000, minY: 289000, maxY: 629000 };
/** The Netherlands in WGS 84, with a margin. */
export const WGS_NL_BOUNDS = { minLon: 3.2, maxLon: 7.3, minLat: 50.7, maxLat: 53.7 };

export function inRd(x: number, y: number): boolean {
  return x >= RD_BOUNDS.minX && x <= RD_BOUNDS.maxX && y >= RD_BOUNDS.minY && y <= RD_BOUNDS.maxY;
}

export function inNetherlandsWgs84(lon: number, lat: number): boolean {
  return (
    lon >= WGS_NL_BOUNDS.minLon &&
    lon <= WGS_NL_BOUNDS.maxLon &&
    lat >= WGS_NL_BOUNDS.minLat &&
    lat <= WGS_NL_BOUNDS.maxLat
  );
}
