/**
 * Chart data: pure transforms of the disclosure gate's output into plain rows
 * (labels, counts, shares) that feed both a chart (./svg.ts) and the `<table>`
 * printed beside it. No Astro, no DOM. Every ordering is deterministic: ties
 * are broken by id or label, so two builds draw the same charts.
 *
 * Only what the gate lets a page show is counted: categories only of replies
 * whose category may be shown (published or withheld), dates only of published
 * replies; unpublished replies appear, if at all, as a bare count.
 */
import { median as d3median } from 'd3-array';
import { isGraded, type ReplyEntryData } from '../lib/disclosure.ts';
import { categoryZh, disclosureZh } from '../lib/labels.ts';
import { percent, type LedgerRow } from '../lib/ledger.ts';
import { categories, type Category } from '../lib/model/schemas/common.ts';
import type { Official } from '../lib/model/schemas/session.ts';
import { compareSessionsDesc } from '../lib/views.ts';

/** Anything with a display name, as in the site's unit, topic and session maps. */
export interface Named {
  name: string;
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function zeroCounts(): Record<Category, number> {
  return { A: 0, B: 0, C: 0, D: 0 };
}

/** `A` → `A 类`, as the tables and badges write it. */
export function categoryLabel(c: Category): string {
  return `${c} 类`;
}

// ---------------------------------------------------------------------------
// Categories

export interface CategoryShareRow {
  category: Category;
  /** `A 类` */
  label: string;
  /** What the category means, e.g. 已解决或基本解决. */
  meaning: string;
  count: number;
  /** Percentage of all four categories, rounded half-up to two decimals (74.84); null when there are none. */
  share: number | null;
}

/** One row per category, A to D, with its share of the total (461/119/32/4 → 74.84/19.32/5.19/0.65). */
export function categoryShares(counts: Record<Category, number>): CategoryShareRow[] {
  const total = categories.reduce((s, c) => s + counts[c], 0);
  return categories.map((c) => ({
    category: c,
    label: categoryLabel(c),
    meaning: categoryZh[c],
    count: counts[c],
    share: total === 0 ? null : percent(counts[c], total),
  }));
}

/** A count and its share of its own total. */
export interface CountShare {
  count: number;
  /** Null when the total is 0: a share of nothing is not 0.00%. */
  share: number | null;
}

export interface OfficialVsDisclosedRow {
  category: Category;
  /** `A 类` */
  label: string;
  meaning: string;
  /** The government's published figure and its share of replies due. */
  official: CountShare;
  /** Replies on this site whose category may be shown, and their share. */
  disclosed: CountShare;
}

/** The two series of `officialVsDisclosed`, in drawing order, for `groupedBarChart`. */
export const officialVsDisclosedSeries = [
  { key: 'official', label: '政府公布' },
  { key: 'disclosed', label: '本站收录' },
] as const;

/**
 * Per category, the session's official figure beside this site's count. The
 * totals differ (the site holds fewer replies than were due), so compare the
 * shares; each share is of its own total.
 */
export function officialVsDisclosed(
  official: Record<Category, number>,
  disclosed: Record<Category, number>,
): OfficialVsDisclosedRow[] {
  const totalOfficial = categories.reduce((s, c) => s + official[c], 0);
  const totalDisclosed = categories.reduce((s, c) => s + disclosed[c], 0);
  return categories.map((c) => ({
    category: c,
    label: categoryLabel(c),
    meaning: categoryZh[c],
    official: { count: official[c], share: totalOfficial === 0 ? null : percent(official[c], totalOfficial) },
    disclosed: { count: disclosed[c], share: totalDisclosed === 0 ? null : percent(disclosed[c], totalDisclosed) },
  }));
}

// ---------------------------------------------------------------------------
// A session's official figures

export type FunnelKey = 'received' | 'plenary' | 'betweenSessions' | 'registered' | 'toGovernment' | 'repliesDue';

export interface FunnelRow {
  key: FunnelKey;
  /** 收到提案, 大会提案, … */
  label: string;
  count: number;
  /**
   * Percentage of proposals received; `null` for replies due, which counts
   * replies (a split proposal has several), not proposals.
   */
  share: number | null;
  /** A part of the row above (大会提案 and 平时提案 are parts of 收到提案). */
  sub: boolean;
}

const funnelStages: { key: FunnelKey; label: string; sub: boolean }[] = [
  { key: 'received', label: '收到提案', sub: false },
  { key: 'plenary', label: '大会提案', sub: true },
  { key: 'betweenSessions', label: '平时提案', sub: true },
  { key: 'registered', label: '立案', sub: false },
  { key: 'toGovernment', label: '交政府系统办理', sub: false },
  { key: 'repliesDue', label: '应有答复', sub: false },
];

/** The path from proposals received to replies due, as the government published it. */
export function sessionFunnel(official: Pick<Official, FunnelKey>): FunnelRow[] {
  // Only the stages the government published: partial figures leave the others out.
  return funnelStages.flatMap(({ key, label, sub }) => {
    const count = official[key];
    if (count === undefined) return [];
    const share = key === 'repliesDue' || official.received === undefined ? null : percent(count, official.received);
    return [{ key, label, count, share, sub }];
  });
}

// ---------------------------------------------------------------------------
// Replies by unit, topic and session, stacked by category

/** A row of a stacked chart: replies by category. */
export interface CategoryStackRow {
  /** The unit, topic or session id; `null` on the row that groups the rest (其他单位). */
  id: string | null;
  label: string;
  counts: Record<Category, number>;
  /** A+B+C+D. */
  total: number;
}

export interface UnitRow extends CategoryStackRow {
  /** On the 其他单位 row only: how many units it groups. */
  grouped?: number;
}

/** Sort stack rows: largest total first, ties by id. */
function byTotalThenId<R extends { id: string | null; total: number }>(a: R, b: R): number {
  return b.total - a.total || compareText(a.id ?? '', b.id ?? '');
}

/**
 * Replies whose category may be shown, per unit and category: the `top` units
 * by total (ties by id), then one row 其他单位 adding up the rest. Units with
 * no such reply are left out.
 */
export function byUnit(replies: readonly ReplyEntryData[], units: ReadonlyMap<string, Named>, top = 12): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const r of replies) {
    if (!isGraded(r)) continue;
    let row = rows.get(r.unit);
    if (!row) {
      row = { id: r.unit, label: units.get(r.unit)?.name ?? r.unit, counts: zeroCounts(), total: 0 };
      rows.set(r.unit, row);
    }
    row.counts[r.category] += 1;
    row.total += 1;
  }
  const sorted = [...rows.values()].sort(byTotalThenId);
  const limit = Math.max(0, Math.floor(top));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit);
  const other: UnitRow = { id: null, label: '其他单位', counts: zeroCounts(), total: 0, grouped: rest.length };
  for (const row of rest) {
    for (const c of categories) other.counts[c] += row.counts[c];
    other.total += row.total;
  }
  return [...sorted.slice(0, limit), other];
}

export interface TopicRow extends CategoryStackRow {
  id: string;
  /** Proposals filed under the topic. */
  proposals: number;
}

/**
 * Per topic: its proposals, and their replies whose category may be shown by
 * category. A proposal under two topics counts under both. Topics with no
 * proposal are left out; largest total first, ties by proposals, then id.
 */
export function byTopic(
  proposals: readonly { id: string; topics: readonly string[] }[],
  repliesByProposal: ReadonlyMap<string, readonly ReplyEntryData[]>,
  topics?: ReadonlyMap<string, Named>,
): TopicRow[] {
  const rows = new Map<string, TopicRow>();
  for (const p of proposals) {
    const shown = (repliesByProposal.get(p.id) ?? []).filter((r) => r.proposal === p.id).filter(isGraded);
    for (const t of new Set(p.topics)) {
      let row = rows.get(t);
      if (!row) {
        row = { id: t, label: topics?.get(t)?.name ?? t, counts: zeroCounts(), total: 0, proposals: 0 };
        rows.set(t, row);
      }
      row.proposals += 1;
      for (const r of shown) row.counts[r.category] += 1;
      row.total += shown.length;
    }
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || b.proposals - a.proposals || compareText(a.id, b.id));
}

export interface SessionRow extends CategoryStackRow {
  id: string;
  /** Every reply the site holds for the session, unpublished ones included (a count only). */
  held: number;
  /** Published in full or as summary. */
  published: number;
}

/**
 * Per session, newest first: replies held, published, and by category (those
 * whose category may be shown). Sessions in `sessions` without any reply get a
 * row of zeros.
 */
export function bySession(replies: readonly ReplyEntryData[], sessions?: ReadonlyMap<string, Named>): SessionRow[] {
  const rows = new Map<string, SessionRow>();
  const row = (id: string): SessionRow => {
    let r = rows.get(id);
    if (!r) {
      r = { id, label: sessions?.get(id)?.name ?? id, counts: zeroCounts(), total: 0, held: 0, published: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const id of sessions?.keys() ?? []) row(id);
  for (const r of replies) {
    const s = row(r.session);
    s.held += 1;
    if (r.state === 'published') s.published += 1;
    if (isGraded(r)) {
      s.counts[r.category] += 1;
      s.total += 1;
    }
  }
  return [...rows.values()].sort((a, b) => compareSessionsDesc(a.id, b.id) || compareText(a.id, b.id));
}

// ---------------------------------------------------------------------------
// Time

export interface MonthRow {
  /** `2021-06` */
  month: string;
  /** `2021年6月` */
  label: string;
  /** `6月`: the axis tick. */
  short: string;
  /** `2021年`: drawn under the first tick of each year. */
  group: string;
  count: number;
}

function monthRow(year: number, month: number, count: number): MonthRow {
  return {
    month: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    label: `${year}年${month}月`,
    short: `${month}月`,
    group: `${year}年`,
    count,
  };
}

/**
 * Published replies per calendar month of `repliedOn`, oldest first, with every
 * month between the first and the last (months without a reply count 0).
 */
export function byMonth(replies: readonly ReplyEntryData[]): MonthRow[] {
  const counts = new Map<string, number>();
  for (const r of replies) {
    if (r.state !== 'published') continue;
    const month = r.repliedOn.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort(compareText);
  const [fy, fm] = months[0].split('-').map(Number);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  const rows: MonthRow[] = [];
  let [y, m] = [fy, fm];
  while (y < ly || (y === ly && m <= lm)) {
    const row = monthRow(y, m, 0);
    row.count = counts.get(row.month) ?? 0;
    rows.push(row);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return rows;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (`YYYY-MM-DD`), counted on the calendar: no time zone can shift it. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** A proposal's filing day and one of its replies' day. */
export interface FiledReplied {
  filedOn: string;
  repliedOn: string;
}

/**
 * The (filedOn, repliedOn) pairs of published replies whose proposal has a
 * `filedOn`, ordered by reply id. Proposals are the collections' entries
 * (`ProposalEntryData`) or anything with `id` and `data.filedOn`.
 */
export function replyTimePairs(
  proposals: readonly { id: string; data: { filedOn?: string } }[],
  replies: readonly ReplyEntryData[],
): (FiledReplied & { id: string })[] {
  const filed = new Map(proposals.map((p) => [p.id, p.data.filedOn]));
  const out: (FiledReplied & { id: string })[] = [];
  for (const r of replies) {
    if (r.state !== 'published') continue;
    const filedOn = filed.get(r.proposal);
    if (filedOn !== undefined) out.push({ id: r.id, filedOn, repliedOn: r.repliedOn });
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}

export interface ReplyTimeBin {
  /** `0–30 天`, …, `181 天以上` */
  label: string;
  /** First day of the bin. */
  min: number;
  /** Last day of the bin; `null` for the open last bin. */
  max: number | null;
  count: number;
  /** Percentage of all pairs counted. */
  share: number;
}

export interface ReplyTimes {
  bins: ReplyTimeBin[];
  /** Median days from filing to reply (the mean of the middle two for an even count); `null` without data. */
  median: number | null;
  /** Pairs counted. */
  count: number;
}

const timeBins: [number, number | null][] = [
  [0, 30],
  [31, 60],
  [61, 90],
  [91, 120],
  [121, 180],
  [181, null],
];

/**
 * Days from filing to reply, in fixed bins (0–30, 31–60, 61–90, 91–120,
 * 121–180, 181+), with the median. A pair without `filedOn`, or replied before
 * it was filed (which validation rejects), is not counted.
 */
export function replyTimes(pairs: readonly { filedOn?: string; repliedOn: string }[]): ReplyTimes {
  const days: number[] = [];
  for (const p of pairs) {
    if (p.filedOn === undefined) continue;
    const d = daysBetween(p.filedOn, p.repliedOn);
    if (Number.isFinite(d) && d >= 0) days.push(d);
  }
  const bins = timeBins.map(([min, max]) => ({
    label: max === null ? `${min} 天以上` : `${min}–${max} 天`,
    min,
    max,
    count: days.filter((d) => d >= min && (max === null || d <= max)).length,
    share: 0,
  }));
  for (const b of bins) b.share = percent(b.count, days.length);
  return { bins, median: d3median(days) ?? null, count: days.length };
}

// ---------------------------------------------------------------------------
// Disclosure

export type CompositionKey = 'public' | 'summary' | 'withheld' | 'unpublished';

export interface CompositionRow {
  key: CompositionKey;
  /** 全文公开, 摘要公开, 不予公开, 暂未公开 */
  label: string;
  count: number;
  /** Percentage of replies held; null when none are held. */
  share: number | null;
}

/** How the replies held are disclosed, with each share of all replies held. */
export function disclosureComposition(row: LedgerRow): CompositionRow[] {
  const parts: [CompositionKey, string][] = [
    ['public', disclosureZh.public],
    ['summary', disclosureZh.summary],
    ['withheld', '不予公开'],
    ['unpublished', '暂未公开'],
  ];
  return parts.map(([key, label]) => ({
    key,
    label,
    count: row[key],
    share: row.held === 0 ? null : percent(row[key], row.held),
  }));
}
