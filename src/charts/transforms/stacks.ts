/** Replies by unit, topic and session, stacked by category. */
import { isGraded, type ReplyEntryData } from '../../lib/disclosure.ts';
import { categories, type Category } from '../../lib/model/schemas/common.ts';
import { compareSessionsDesc } from '../../lib/views.ts';
import { compareText, zeroCounts, type Named } from './common.ts';

/** A row of a stacked chart: replies by category. */
export interface CategoryStackRow {
  /** The unit, topic or session id; `null` on the row that groups the rest (其他单位). */
  id: string | null;
  label: string;
  counts: Record<Category, number>;
  /** A+B+C+D. */
  total: number;
}

export interface UnitStackRow extends CategoryStackRow {
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
export function byUnit(
  replies: readonly ReplyEntryData[],
  units: ReadonlyMap<string, Named>,
  top = 12,
): UnitStackRow[] {
  const rows = new Map<string, UnitStackRow>();
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
  const other: UnitStackRow = { id: null, label: '其他单位', counts: zeroCounts(), total: 0, grouped: rest.length };
  for (const row of rest) {
    for (const c of categories) other.counts[c] += row.counts[c];
    other.total += row.total;
  }
  return [...sorted.slice(0, limit), other];
}

export interface TopicStackRow extends CategoryStackRow {
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
): TopicStackRow[] {
  const rows = new Map<string, TopicStackRow>();
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

export interface SessionStackRow extends CategoryStackRow {
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
export function bySession(
  replies: readonly ReplyEntryData[],
  sessions?: ReadonlyMap<string, Named>,
): SessionStackRow[] {
  const rows = new Map<string, SessionStackRow>();
  const row = (id: string): SessionStackRow => {
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
