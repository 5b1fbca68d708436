/**
 * The disclosure ledger and the counts pages show: how many replies are
 * published in full, as summary, withheld (by reason) or not yet published,
 * and replies by category. Built from the gate's output only: an unpublished
 * reply is counted, never described.
 */
import { isGraded, type ReplyEntryData } from './disclosure.ts';
import { categories, withheldReasons, type Category, type WithheldReason } from './model/schemas/common.ts';

export interface LedgerRow {
  /** Replies the site holds a record of. */
  held: number;
  public: number;
  summary: number;
  withheld: number;
  withheldBy: Record<WithheldReason, number>;
  /** Pending or embargoed: counted, never shown. */
  unpublished: number;
}

export function ledgerRow(replies: ReplyEntryData[]): LedgerRow {
  const row: LedgerRow = {
    held: replies.length,
    public: 0,
    summary: 0,
    withheld: 0,
    withheldBy: Object.fromEntries(withheldReasons.map((r) => [r, 0])) as Record<WithheldReason, number>,
    unpublished: 0,
  };
  for (const r of replies) {
    if (r.state === 'published') row[r.disclosure] += 1;
    else if (r.state === 'withheld') {
      row.withheld += 1;
      row.withheldBy[r.withheldReason] += 1;
    } else row.unpublished += 1;
  }
  return row;
}

/** Replies by category, among those whose category may be shown (published or withheld, and graded). */
export function categoryCounts(replies: ReplyEntryData[]): Record<Category, number> {
  const out = Object.fromEntries(categories.map((c) => [c, 0])) as Record<Category, number>;
  for (const r of replies) if (isGraded(r)) out[r.category] += 1;
  return out;
}

/** `part / whole` as a percentage rounded half-up to two decimals (461/616 → 74.84). */
export function percent(part: number, whole: number): number {
  if (whole === 0) return 0;
  // floor(x + 0.5) in integers: exact for every count, where floating point would turn x.xx5 into x.xx4999….
  return Math.floor((2 * part * 10000 + whole) / (2 * whole)) / 100;
}

/** `74.84 %` with the Chinese convention of no space: `74.84%`. */
export function formatPercent(part: number, whole: number): string {
  return `${percent(part, whole).toFixed(2)}%`;
}
