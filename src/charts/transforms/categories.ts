/** Replies by category (shares, the official figures beside the site's) and by disclosure. */
import { categoryShortZh, categoryZh, disclosureZh } from '../../lib/labels.ts';
import { percent, type LedgerRow } from '../../lib/ledger.ts';
import { categories, type Category } from '../../lib/model/schemas/common.ts';

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
    label: categoryShortZh(c),
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
    label: categoryShortZh(c),
    meaning: categoryZh[c],
    official: { count: official[c], share: totalOfficial === 0 ? null : percent(official[c], totalOfficial) },
    disclosed: { count: disclosed[c], share: totalDisclosed === 0 ? null : percent(disclosed[c], totalDisclosed) },
  }));
}

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
