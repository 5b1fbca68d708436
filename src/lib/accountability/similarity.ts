/**
 * Near-duplicate detection over Chinese text: character n-gram shingles,
 * MinHash signatures, and locality-sensitive hashing (LSH) by bands to find
 * candidate pairs, each then scored by the MinHash estimate of its Jaccard
 * similarity over the full signatures.
 *
 * Why written here and not taken from a package (npm, checked 2026-11):
 * - `bloom-filters` (MinHash, well kept) draws its hash coefficients with
 *   lodash `random` (Math.random) and hashes numbers only: two builds would
 *   compute different signatures, and the site must rebuild byte-identically.
 * - `minhash` (0.0.9, unmaintained since 2017, no types) seeds its permutations
 *   with Math.sin and hashes every shingle once per permutation in plain JS.
 * What is needed is small (a 32-bit mix, a minimum per hash, a bucket map),
 * so it is written here with fixed seeds: the same texts give the same pairs
 * on every machine and every build. test/similarity.test.ts checks that the
 * MinHash estimate tracks the exact Jaccard and that the output is stable.
 *
 * Pure: no clock, no randomness, no I/O.
 */

/** Text reduced to what carries meaning: no whitespace, punctuation or ASCII symbols; letters lowercased. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The set of character n-grams (shingles) of a normalized text; a text shorter than `n` is one shingle. */
export function shingles(text: string, n = 2): Set<string> {
  const s = normalizeText(text);
  const chars = [...s];
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < n) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** Exact Jaccard similarity |A∩B| / |A∪B| (0 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** FNV-1a over UTF-16 code units: a shingle's base 32-bit hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: a bijective 32-bit mix, so `mix(h ^ seed)` is a different hash per seed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed odd multipliers and offsets, one pair per hash function (derived from the golden ratio): never random. */
function coefficients(k: number): { mul: Uint32Array; add: Uint32Array } {
  const mul = new Uint32Array(k);
  const add = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    mul[i] = (mix(Math.imul(i + 1, 0x9e3779b9) >>> 0) | 1) >>> 0;
    add[i] = mix(Math.imul(i + 7, 0x85ebca6b) >>> 0);
  }
  return { mul, add };
}

/** The distinct 32-bit hashes of a text's shingles (a shingle set, hashed once). */
export function shingleHashes(set: ReadonlySet<string>): Uint32Array {
  const out = new Uint32Array(set.size);
  let i = 0;
  for (const x of set) out[i++] = mix(fnv1a(x));
  return out;
}

/**
 * MinHash signatures of many shingle-hash sets at once, `k` values per set in
 * one flat array: value i of set j is the smallest `mul[i]·h + add[i]` (mod 2³²)
 * over the set's hashes. A set with no shingles gets 0xffffffff everywhere.
 */
export function signatures(sets: readonly Uint32Array[], k: number): Uint32Array {
  const { mul, add } = coefficients(k);
  const sig = new Uint32Array(sets.length * k).fill(0xffffffff);
  for (let j = 0; j < sets.length; j++) {
    const hs = sets[j];
    const base = j * k;
    for (let i = 0; i < k; i++) {
      const m = mul[i];
      const a = add[i];
      let min = 0xffffffff;
      for (let t = 0; t < hs.length; t++) {
        const v = (Math.imul(hs[t], m) + a) >>> 0;
        if (v < min) min = v;
      }
      sig[base + i] = min;
    }
  }
  return sig;
}

/** The MinHash signature of one shingle set. */
export function minhash(set: ReadonlySet<string>, k = 64): Uint32Array {
  return signatures([shingleHashes(set)], k);
}

/** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface SimilarityOptions {
  /** Shingle length in characters. */
  n?: number;
  /** LSH bands; `bands × rows` hash functions in all. */
  bands?: number;
  rows?: number;
  /** Pairs whose estimated Jaccard similarity is at least this are kept. */
  threshold?: number;
  /** Only pairs this returns true for are compared (e.g. same unit, or different sessions). */
  allow?: (a: number, b: number) => boolean;
  /**
   * Shingles found in more than this share of the texts are dropped before
   * hashing (boilerplate every record repeats carries no sign of a shared
   * matter, like a word with no inverse document frequency). Applied only from
   * 1,000 texts on, where the share means something.
   */
  maxDocShare?: number;
}

/** Drop from each set the hashes that occur in more than `share` of the sets. */
export function dropCommon(sets: Uint32Array[], share: number): Uint32Array[] {
  const df = new Map<number, number>();
  for (const hs of sets) for (const h of hs) df.set(h, (df.get(h) ?? 0) + 1);
  const limit = share * sets.length;
  return sets.map((hs) => hs.filter((h) => df.get(h)! <= limit));
}

export interface SimilarPair {
  /** Indexes into the input, `a < b`. */
  a: number;
  b: number;
  /** The MinHash estimate of the Jaccard similarity of the two shingle sets (agreeing positions / hash functions). */
  score: number;
}

/**
 * The texts' MinHash signatures and LSH band buckets, to visit candidate
 * pairs without keeping them: a corpus whose records repeat a matter has
 * pairs in the square of the matter's size (93,000 sample proposals on 95
 * subjects give tens of millions), which a list of pairs cannot hold.
 */
export interface SimilarityIndex {
  /** Hash functions in each signature. */
  k: number;
  /**
   * Every text `b` (`b > a` only when `after` is set) that shares a band bucket
   * with `a`, is allowed with it, and agrees with it on at least `minSame` of
   * the `k` positions: `visit(b, same)`, once per `b`, in no fixed order.
   */
  neighbours: (a: number, minSame: number, visit: (b: number, same: number) => void, after?: boolean) => void;
}

export function similarityIndex(texts: readonly string[], opts: SimilarityOptions = {}): SimilarityIndex {
  const { n = 2, bands = 16, rows = 4, allow, maxDocShare } = opts;
  const k = bands * rows;
  const N = texts.length;
  let sets = texts.map((t) => shingleHashes(shingles(t, n)));
  if (maxDocShare !== undefined && N >= 1000) sets = dropCommon(sets, maxDocShare);
  const sig = signatures(sets, k);
  // Each text's bucket key in each band: the band's rows mixed into one 32-bit number.
  const buckets: Map<number, number[]>[] = [];
  const keys = new Uint32Array(N * bands);
  for (let band = 0; band < bands; band++) {
    const map = new Map<number, number[]>();
    for (let j = 0; j < N; j++) {
      if (sets[j].length === 0) continue;
      let key = band;
      for (let r = 0; r < rows; r++) key = mix((key ^ sig[j * k + band * rows + r]) >>> 0);
      keys[j * bands + band] = key;
      const list = map.get(key);
      if (list) list.push(j);
      else map.set(key, [j]);
    }
    buckets.push(map);
  }
  // Candidates deduplicated with a stamp per text (the visit's number) instead of a set of pairs.
  const stamp = new Int32Array(N).fill(-1);
  let visits = 0;
  const neighbours: SimilarityIndex['neighbours'] = (a, minSame, visit, after = false) => {
    if (sets[a].length === 0) return;
    const mine = visits++;
    for (let band = 0; band < bands; band++) {
      for (const b of buckets[band].get(keys[a * bands + band])!) {
        if (b === a || (after && b < a) || stamp[b] === mine) continue;
        stamp[b] = mine;
        if (allow && !(a < b ? allow(a, b) : allow(b, a))) continue;
        let same = 0;
        const ia = a * k;
        const ib = b * k;
        for (let i = 0; i < k; i++) if (sig[ia + i] === sig[ib + i]) same++;
        if (same >= minSame) visit(b, same);
      }
    }
  };
  return { k, neighbours };
}

/** The agreeing positions a pair needs to reach `threshold`. */
export const agreeing = (threshold: number, k: number) => Math.ceil(threshold * k - 1e-9);

/** A pair's score: the share of agreeing positions, to four decimals. */
export const pairScore = (same: number, k: number) => Math.round((same / k) * 10000) / 10000;

/**
 * Every pair of texts whose Jaccard similarity of character `n`-gram shingles,
 * as MinHash estimates it, is at least `threshold`, found through LSH: texts
 * that agree on every row of some band are candidates, and each candidate's
 * estimate is computed from the full signatures. The estimate, not the exact
 * sets, decides, so the cost grows with the candidates, not with text length.
 * Sorted by `a`, then `b`: deterministic. For few pairs (a unit's replies);
 * `similarityIndex` visits them without a list.
 */
export function similarPairs(texts: readonly string[], opts: SimilarityOptions = {}): SimilarPair[] {
  const index = similarityIndex(texts, opts);
  const need = agreeing(opts.threshold ?? 0.5, index.k);
  const out: SimilarPair[] = [];
  for (let a = 0; a < texts.length; a++) {
    const pairs: SimilarPair[] = [];
    index.neighbours(a, need, (b, same) => pairs.push({ a, b, score: pairScore(same, index.k) }), true);
    pairs.sort((x, y) => x.b - y.b);
    for (const p of pairs) out.push(p);
  }
  return out;
}

/** Connected groups of indexes joined by pairs (union–find), each sorted, groups by their first member. */
export function groups(count: number, pairs: readonly { a: number; b: number }[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()].filter((g) => g.length > 1).sort((x, y) => x[0] - y[0]);
}
