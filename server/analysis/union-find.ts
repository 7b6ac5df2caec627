/**
 * Disjoint sets over 0..n-1 with path halving and union by size: the connected components of
 * the near-repeat space-time graph. Near-linear in the number of edges.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  union(a: number, b: number): void {
    let ra = this.find(a),
      rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }

  /** Component number (the root) of each element. */
  roots(): Int32Array {
    const r = new Int32Array(this.parent.length);
    for (let i = 0; i < r.length; i++) r[i] = this.find(i);
    return r;
  }
}
