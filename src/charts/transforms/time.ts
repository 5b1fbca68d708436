/** Replies over time: per month, and days from filing to reply. */
import { median as d3median } from 'd3-array';
import type { ReplyEntryData } from '../../lib/disclosure.ts';
import { daysBetween } from '../../lib/dates.ts';
import { percent } from '../../lib/ledger.ts';
import { compareText } from './common.ts';

export { daysBetween };

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
