/** Seeded randomness: a string hash feeding mulberry32, and draws built on it. */

function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export class Rng {
  private state: number;
  constructor(key: string) {
    this.state = hashString(key);
  }
  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), 1 | t);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi], inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Pick by weight from `[value, weight]` pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, k);
  }
}

/** Largest-remainder apportionment of `total` over `shares`; ties go to the earlier key. */
export function apportion<K extends string>(total: number, shares: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const out = {} as Record<K, number>;
  const rema: { k: K; r: number; i: number }[] = [];
  let given = 0;
  keys.forEach((k, i) => {
    const exact = (total * shares[k]) / sum;
    out[k] = Math.floor(exact);
    given += out[k];
    rema.push({ k, r: exact - out[k], i });
  });
  rema.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; given < total; j++, given++) out[rema[j % rema.length].k] += 1;
  return out;
}

/** A shuffled list holding each key `counts[key]` times. */
export function deck<K extends string>(rng: Rng, counts: Record<K, number>): K[] {
  const out: K[] = [];
  for (const k of Object.keys(counts) as K[]) for (let i = 0; i < counts[k]; i++) out.push(k);
  return rng.shuffle(out);
}
