/**
 * The members of near-repeat clusters: incidents are linked when they lie within `distanceM`
 * metres AND `days` days of each other (both inclusive); a cluster is a connected component of
 * at least `minSize` incidents, so a chain A-B-C is one cluster even if A and C are far apart.
 * Pure: PostGIS adds hulls, time spans and streets afterwards (analysis.service.ts).
 */
import { forEachSpaceTimePair, type SpaceTimePoints } from './space-time-pairs';
import { UnionFind } from './union-find';

/** Incident points in RD New metres, time in days, and their ids. */
export interface IncidentPoints extends SpaceTimePoints {
  ids: readonly (string | number)[];
}

/**
 * The clusters of at least `minSize` incidents, keyed by a component number (stable for one
 * call only), each the ascending list of its incident ids.
 */
export function nearRepeatGroups(
  pts: IncidentPoints,
  distanceM: number,
  days: number,
  minSize: number,
): Map<number, number[]> {
  const uf = new UnionFind(pts.ids.length);
  forEachSpaceTimePair(pts, distanceM, days, (i, j) => uf.union(i, j));
  const members = new Map<number, number[]>();
  uf.roots().forEach((r, i) => {
    const list = members.get(r);
    if (list) list.push(Number(pts.ids[i]));
    else members.set(r, [Number(pts.ids[i])]);
  });
  for (const [root, ids] of members) {
    if (ids.length < minSize) members.delete(root);
    else ids.sort((a, b) => a - b);
  }
  return members;
}
