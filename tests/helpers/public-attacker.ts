/**
 * An attacker of the public figures, for the privacy tests: it knows which burglaries each
 * published exact count covers (the test holds the truth), and combines published counts by
 * sums and differences to find any set of burglaries whose size it can work out. A finding is
 * a derived set of 1 .. minCount-1 burglaries, or the exact count of one merged street.
 *
 * It does not use the product's suppression code: it works on record sets only, so it is
 * stronger than a real attacker (who knows definitions, not records) and cannot share a bug
 * with the code it checks.
 */

/** A set of burglaries as a bit set over the test's record indexes. */
export class RecordSet {
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array(Math.ceil(size / 32) || 1);
  }

  static of(size: number, indexes: Iterable<number>): RecordSet {
    const s = new RecordSet(size);
    for (const i of indexes) s.words[i >>> 5]! |= 1 << (i & 31);
    return s;
  }

  get size(): number {
    let n = 0;
    for (let w of this.words) {
      while (w) {
        w &= w - 1;
        n++;
      }
    }
    return n;
  }

  indexes(): number[] {
    const out: number[] = [];
    this.words.forEach((w, i) => {
      for (let b = 0; b < 32; b++) if (w & (1 << b)) out.push(i * 32 + b);
    });
    return out;
  }

  key(): string {
    return Array.from(this.words, (w) => w.toString(36)).join('.');
  }

  isSubsetOf(o: RecordSet): boolean {
    for (let i = 0; i < this.words.length; i++) if ((this.words[i]! & ~o.words[i]!) !== 0) return false;
    return true;
  }

  intersects(o: RecordSet): boolean {
    for (let i = 0; i < this.words.length; i++) if ((this.words[i]! & o.words[i]!) !== 0) return true;
    return false;
  }

  minus(o: RecordSet): RecordSet {
    return new RecordSet(
      0,
      this.words.map((w, i) => w & ~o.words[i]!),
    );
  }

  union(o: RecordSet): RecordSet {
    return new RecordSet(
      0,
      this.words.map((w, i) => w | o.words[i]!),
    );
  }
}

/** One published exact count and the burglaries it covers. */
export interface PublishedCell {
  label: string;
  records: RecordSet;
  value: number;
}

export interface Finding {
  how: string;
  value: number;
  records: number[];
}

interface Known {
  how: string;
  records: RecordSet;
  value: number;
  pop: number;
}

/**
 * Derives what sums and differences of the published counts give away.
 * @param mergedStreetOf for a record index, the id of its street when that street is merged
 *   into its area (never shown on its own), else null
 * @param rounds how often derived sets are combined again with everything known
 */
export function attack(
  cells: PublishedCell[],
  opts: {
    minCount: number;
    mergedStreetOf: (record: number) => number | null;
    rounds?: number;
    maxKnown?: number;
    maxFindings?: number;
  },
): { findings: Finding[]; known: number } {
  const known = new Map<string, Known>();
  const findings: Finding[] = [];
  const judge = (k: Known): void => {
    if (k.value >= 1 && k.value < opts.minCount) {
      findings.push({ how: k.how, value: k.value, records: k.records.indexes() });
      return;
    }
    if (k.value >= 1) {
      const streets = new Set(k.records.indexes().map(opts.mergedStreetOf));
      if (streets.size === 1 && !streets.has(null))
        findings.push({ how: `${k.how} (one merged street)`, value: k.value, records: k.records.indexes() });
    }
  };
  const learn = (how: string, records: RecordSet, value: number): boolean => {
    if (records.size === 0) return false;
    const key = records.key();
    if (known.has(key)) return false;
    const k = { how, records, value, pop: records.size };
    known.set(key, k);
    judge(k);
    return true;
  };

  for (const c of cells) {
    if (c.records.size !== c.value) {
      throw new Error(
        `${c.label}: published ${c.value} but the test's truth has ${c.records.size}; the test's cell definition is wrong`,
      );
    }
    if (c.value > 0) learn(c.label, c.records, c.value);
  }

  const maxKnown = opts.maxKnown ?? 200_000;
  const maxFindings = opts.maxFindings ?? 25;
  for (let round = 0; round < (opts.rounds ?? 2) && findings.length < maxFindings; round++) {
    const list = [...known.values()].sort((a, b) => b.pop - a.pop);
    // A set can only lie inside A if its lowest record is in A: bucket the sets by lowest record.
    const byLowest = new Map<number, Known[]>();
    for (const k of list) {
      const low = k.records.indexes()[0]!;
      byLowest.set(low, [...(byLowest.get(low) ?? []), k]);
    }
    let added = 0;
    for (const a of list) {
      if (findings.length >= maxFindings) break;
      if (known.size > maxKnown)
        throw new Error(
          `the attack grew past ${maxKnown} known sets; raise maxKnown rather than stop looking`,
        );
      const inside = a.records
        .indexes()
        .flatMap((r) => byLowest.get(r) ?? [])
        .filter((b) => b.pop < a.pop && b.records.isSubsetOf(a.records))
        .sort((x, y) => y.pop - x.pop);
      // Differences of nested pairs.
      for (const b of inside)
        if (learn(`${a.how} − ${b.how}`, a.records.minus(b.records), a.value - b.value)) added++;
      // The whole minus as many disjoint known parts as fit (e.g. an area minus all its shown streets).
      let rest = a.records;
      let value = a.value;
      const parts: string[] = [];
      for (const b of inside) {
        if (!b.records.isSubsetOf(rest)) continue;
        rest = rest.minus(b.records);
        value -= b.value;
        parts.push(b.how);
      }
      if (parts.length > 1 && learn(`${a.how} − [${parts.length} parts]`, rest, value)) added++;
    }
    if (added === 0) break;
  }
  return { findings, known: known.size };
}
