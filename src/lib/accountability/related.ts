/**
 * Issues raised again, and replies that say nearly the same thing: both from
 * the one similarity method of ./similarity.ts, over the disclosure gate's
 * output only (proposals are public; reply texts only of published replies).
 * Deterministic: the same records give the same pairs, groups and order.
 */
import { isPublished, type ProposalEntryData, type ReplyEntryData } from '../disclosure.ts';
import { compareProposals, compareSessionsDesc } from '../views.ts';
import { agreeing, pairScore, similarityIndex, similarPairs, type SimilarPair } from './similarity.ts';

/** Markup a body may hold (components, emphasis, links) reduced to spaces: cheap, no parse. */
export function roughText(markdown: string): string {
  return markdown.replace(/<[^>]*>/g, ' ').replace(/\]\([^)]*\)/g, ' ');
}

/**
 * Words nearly every proposal uses (关于…的提案, 建议, 加强, 推进 …): they say
 * nothing about the matter, and two proposals on different matters would look
 * alike through them. Removed before shingling, as an IDF weight would.
 */
const FORMULAS =
  /关于|的提案|的建议|提案|建议|加强|加快|推进|推动|进一步|完善|提升|优化|支持|加大|做好|工作|问题|有关|相关|我市|全市|深圳|实施|落实|积极|不断|切实/g;

/** What a proposal is about, for comparing: its title and summary without the formulas every proposal uses. */
export function proposalText(p: { title: string; body: string }): string {
  return `${p.title.replace(FORMULAS, ' ')}。${roughText(p.body).replace(FORMULAS, ' ')}`;
}

/**
 * Tuned on the hand-labelled pairs of test/fixtures/similarity/pairs.ts
 * (docs/benchmarks.md): character bigrams, Jaccard ≥ 0.22. Bands of 2 rows,
 * so a pair at 0.22 is a candidate with probability 1 − (1 − 0.22²)⁴⁰ ≈ 0.86.
 */
export const RELATED = { n: 2, bands: 40, rows: 2, threshold: 0.22, maxDocShare: 0.02 } as const;
/** Boilerplate replies: 3-grams, Jaccard ≥ 0.8 (nearly the same text, not only the same formulas). */
export const NEAR_IDENTICAL = { n: 3, bands: 8, rows: 4, threshold: 0.8 } as const;

/** A matter groups proposals at least this similar to its centre (stricter than a related link). */
export const MATTER_THRESHOLD = 0.5;

/**
 * Matters as stars, not chains: the proposal with the most close neighbours
 * (ties by index) becomes a centre and takes its neighbours not yet taken;
 * then the next. Connected components would chain 养老服务 to 医养结合 to
 * 分级诊疗 into one blob; a star keeps each matter about its centre.
 * `degree(i)` is how many close neighbours `i` has, `near(c)` lists them.
 */
export function stars(count: number, degree: (i: number) => number, near: (c: number) => number[]): number[][] {
  const order = Array.from({ length: count }, (_, i) => i).sort((x, y) => degree(y) - degree(x) || x - y);
  const taken = new Uint8Array(count);
  const out: number[][] = [];
  for (const c of order) {
    if (taken[c] || degree(c) === 0) continue;
    const group = [c, ...near(c).filter((i) => !taken[i])];
    if (group.length < 2) continue;
    for (const i of group) taken[i] = 1;
    out.push(group.sort((x, y) => x - y));
  }
  return out;
}

/** The matters of a list of pairs: close neighbours are those at `threshold` or more. */
export function matters(count: number, pairs: readonly SimilarPair[], threshold: number): number[][] {
  const near: number[][] = Array.from({ length: count }, () => []);
  for (const p of pairs) {
    if (p.score < threshold) continue;
    near[p.a].push(p.b);
    near[p.b].push(p.a);
  }
  return stars(
    count,
    (i) => near[i].length,
    (c) => near[c],
  );
}

export interface RelatedLink {
  /** `<session>/<number>` */
  id: string;
  score: number;
}

export interface RecurringMatter {
  /** The proposals, oldest session first (then by number). */
  proposals: string[];
  /** Distinct sessions, oldest first. */
  sessions: string[];
  topics: string[];
}

export interface RelatedResult {
  /** Up to `limit` proposals from other sessions per proposal, most similar first. */
  related: Map<string, RelatedLink[]>;
  /** Groups of related proposals raised in three or more sessions. */
  recurring: RecurringMatter[];
  pairs: number;
}

/**
 * Each proposal's `limit` closest others, by index in the id-sorted list (so index order is id order): most
 * agreeing positions first, then by index. (With fewer than 10,000 hash functions a pair's four-decimal score
 * orders pairs as its agreeing positions do.) Tens of millions of pairs are offered at 100,000 replies: one
 * that does not make a full list is turned away by two typed-array reads, allocating nothing.
 */
function closest(count: number, limit: number) {
  const lists: { at: number; same: number }[][] = Array.from({ length: count }, () => []);
  /** The last kept one of a full list (`-1` until full): agreeing positions and index. */
  const lastSame = new Int32Array(count).fill(-1);
  const lastAt = new Int32Array(count);
  /** Whether link (`same`, `at`) comes before (`than`, `thanAt`) in a list. */
  const before = (same: number, at: number, than: number, thanAt: number) =>
    same > than || (same === than && at < thanAt);
  const offer = (from: number, at: number, same: number) => {
    if (lastSame[from] >= 0 && !before(same, at, lastSame[from], lastAt[from])) return;
    const list = lists[from];
    let i = list.length;
    while (i > 0 && before(same, at, list[i - 1].same, list[i - 1].at)) i--;
    list.splice(i, 0, { at, same });
    if (list.length > limit) list.pop();
    if (list.length === limit) {
      lastSame[from] = list[limit - 1].same;
      lastAt[from] = list[limit - 1].at;
    }
  };
  return { lists, offer };
}

/** Related proposals across sessions, and the matters raised in `minSessions` or more sessions. */
export function relatedProposals(
  proposals: readonly ProposalEntryData[],
  opts: { limit?: number; minSessions?: number } = {},
): RelatedResult {
  const { limit = 5, minSessions = 3 } = opts;
  // A fixed order, whatever order the collection came in.
  const list = [...proposals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = list.map((p) => proposalText({ title: p.data.title, body: p.body }));
  // The pairs are visited, never listed (their number grows with the square of a matter's size): each
  // proposal keeps its `limit` closest links, and counts its close neighbours for the matters.
  const index = similarityIndex(texts, { ...RELATED, allow: (a, b) => list[a].session !== list[b].session });
  const need = agreeing(RELATED.threshold, index.k);
  const close = agreeing(MATTER_THRESHOLD, index.k);
  const top = closest(list.length, limit);
  const degree = new Uint32Array(list.length);
  let pairs = 0;
  for (let a = 0; a < list.length; a++) {
    index.neighbours(
      a,
      need,
      (b, same) => {
        pairs++;
        top.offer(a, b, same);
        top.offer(b, a, same);
        if (same >= close) {
          degree[a]++;
          degree[b]++;
        }
      },
      true,
    );
  }
  const related = new Map<string, RelatedLink[]>();
  for (const [i, l] of top.lists.entries())
    if (l.length)
      related.set(
        list[i].id,
        l.map((n) => ({ id: list[n.at].id, score: pairScore(n.same, index.k) })),
      );
  const near = (c: number) => {
    const found: number[] = [];
    index.neighbours(c, close, (b) => found.push(b));
    return found;
  };
  // Oldest session first, then by number.
  const oldestFirst = (a: ProposalEntryData, b: ProposalEntryData) =>
    compareSessionsDesc(b.session, a.session) || compareProposals(a, b);
  const recurring: RecurringMatter[] = stars(list.length, (i) => degree[i], near)
    .map((g) => g.map((i) => list[i]).sort(oldestFirst))
    .map((ps) => ({
      proposals: ps.map((p) => p.id),
      sessions: [...new Set(ps.map((p) => p.session))],
      topics: [...new Set(ps.flatMap((p) => p.data.topics))].sort(),
    }))
    .filter((m) => m.sessions.length >= minSessions)
    .sort(
      (x, y) =>
        y.sessions.length - x.sessions.length ||
        y.proposals.length - x.proposals.length ||
        (x.proposals[0] < y.proposals[0] ? -1 : 1),
    );
  return { related, recurring, pairs };
}

export interface SimilarReplyPair {
  unit: string;
  /** Reply ids, `a < b`. */
  a: string;
  b: string;
  score: number;
}

export interface SimilarShareRow {
  unit: string;
  /** Published replies of the unit. */
  replies: number;
  /** Of those, how many are nearly the same text as another reply of the unit. */
  similar: number;
  /** Percentage, two decimals. */
  share: number;
  pairs: number;
}

/**
 * Published replies of the same unit whose texts are nearly identical
 * (相似答复): only published text is compared, so nothing withheld or
 * pending can show through.
 */
export function similarReplies(replies: readonly ReplyEntryData[]): {
  pairs: SimilarReplyPair[];
  byUnit: SimilarShareRow[];
} {
  const list = replies.filter(isPublished).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = list.map((r) => roughText(r.body));
  const found: SimilarPair[] = similarPairs(texts, {
    ...NEAR_IDENTICAL,
    allow: (a, b) => list[a].unit === list[b].unit,
  });
  const pairs = found.map(({ a, b, score }) => ({ unit: list[a].unit, a: list[a].id, b: list[b].id, score }));
  const inPair = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const units = new Map<string, SimilarShareRow>();
  for (const r of list) {
    let row = units.get(r.unit);
    if (!row) units.set(r.unit, (row = { unit: r.unit, replies: 0, similar: 0, share: 0, pairs: 0 }));
    row.replies++;
    if (inPair.has(r.id)) row.similar++;
  }
  for (const p of pairs) units.get(p.unit)!.pairs++;
  for (const row of units.values()) row.share = Math.round((row.similar / row.replies) * 10000) / 100;
  const byUnit = [...units.values()].sort(
    (x, y) => y.share - x.share || y.replies - x.replies || (x.unit < y.unit ? -1 : 1),
  );
  return { pairs, byUnit };
}
