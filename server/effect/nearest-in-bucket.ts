/**
 * Measure 2's matching within one bucket of streets with the same burglaries before
 * (server/effect/campaign-windows.ts): the streets nearest in size on the log scale, ties by id,
 * as diffInDiff()'s sort orders them, found from the bucket's position of the size instead of
 * sorting it.
 */

/** A street as the windows see it: its id and its residential addresses. */
export interface WindowStreet {
  id: number;
  addresses: number;
}

/** The k streets of `bucket` (sorted by addresses, then id) nearest in log size to `la`, ties by id. */
export function nearestInBucket(
  bucket: readonly number[],
  streets: readonly WindowStreet[],
  la: number,
  k: number,
): Array<{ i: number; d: number }> {
  const dist = (i: number) => Math.abs(Math.log(streets[i]!.addresses + 1) - la);
  // The first position whose log size is at least la.
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (Math.log(streets[bucket[m]!]!.addresses + 1) < la) lo = m + 1;
    else hi = m;
  }
  const out: Array<{ i: number; d: number }> = [];
  let left = lo - 1;
  let right = lo;
  // Whole groups of equal size at a time: within one, the ids are in ascending order.
  const group = (from: number, step: -1 | 1) => {
    const a = streets[bucket[from]!]!.addresses;
    const ids: number[] = [];
    let p = from;
    while (p >= 0 && p < bucket.length && streets[bucket[p]!]!.addresses === a) {
      ids.push(bucket[p]!);
      p += step;
    }
    return { ids: step === -1 ? ids.reverse() : ids, next: p };
  };
  while (out.length < k && (left >= 0 || right < bucket.length)) {
    const dl = left >= 0 ? dist(bucket[left]!) : Infinity;
    const dr = right < bucket.length ? dist(bucket[right]!) : Infinity;
    let ids: number[];
    if (dl < dr) ({ ids, next: left } = group(left, -1));
    else if (dr < dl) ({ ids, next: right } = group(right, 1));
    else {
      const l = group(left, -1);
      const r = group(right, 1);
      left = l.next;
      right = r.next;
      ids = [...l.ids, ...r.ids].sort((x, y) => streets[x]!.id - streets[y]!.id);
    }
    const d = Math.min(dl, dr);
    for (const i of ids) out.push({ i, d });
  }
  return out.slice(0, k);
}
