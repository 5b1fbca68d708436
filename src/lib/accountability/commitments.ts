/**
 * Commitments: what published replies promise, and whether it happened.
 * Pure, over the disclosure gate's output: `commitments` exist only on
 * published replies (src/lib/disclosure.ts), and this reads them from nothing
 * else, so a pending, embargoed or withheld reply's promises cannot appear.
 */
import { isPublished, type PublishedEntryData, type ReplyEntryData } from '../disclosure.ts';
import type { Commitment, CommitmentStatus } from '../model/schemas/reply.ts';
import { commitmentStateZh } from '../labels.ts';
import { compareSessionsDesc } from '../views.ts';

/** open, done and dropped as written; `overdue` is open with `due` before the build date. */
export type CommitmentState = CommitmentStatus | 'overdue';

/** The states in the order pages list them, each with its Chinese name (lib/labels.ts). */
export const commitmentStates: { state: CommitmentState; label: string }[] = (
  ['overdue', 'open', 'done', 'dropped'] as const
).map((state) => ({ state, label: commitmentStateZh[state] }));

/** A commitment with the reply it belongs to. */
export interface CommitmentItem extends Commitment {
  /** `<reply id>#<n>`, n counted from 1 in the reply's list: stable as long as the list keeps its order. */
  id: string;
  /** 1-based position in the reply's list (the page's anchor `#c<n>`). */
  n: number;
  reply: string;
  proposal: string;
  session: string;
  number: string;
  unit: string;
  category?: PublishedEntryData['category'];
  state: CommitmentState;
}

/** The state of one commitment on `buildDate`. */
export function commitmentState(c: Pick<Commitment, 'status' | 'due'>, buildDate: string): CommitmentState {
  if (c.status === 'open') return c.due < buildDate ? 'overdue' : 'open';
  return c.status;
}

/** The day after `due`: the first day an open commitment is overdue. */
export function overdueSince(due: string): string {
  const [y, m, d] = due.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Every commitment of every published reply, by due date, then reply id and position. */
export function commitmentItems(replies: readonly ReplyEntryData[], buildDate: string): CommitmentItem[] {
  const out: CommitmentItem[] = [];
  for (const r of replies) {
    if (!isPublished(r)) continue;
    (r.commitments ?? []).forEach((c, i) =>
      out.push({
        ...c,
        id: `${r.id}#${i + 1}`,
        n: i + 1,
        reply: r.id,
        proposal: r.proposal,
        session: r.session,
        number: r.number,
        unit: r.unit,
        ...(r.category !== undefined && { category: r.category }),
        state: commitmentState(c, buildDate),
      }),
    );
  }
  return out.sort(
    (a, b) =>
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.reply < b.reply ? -1 : a.reply > b.reply ? 1 : 0) || a.n - b.n,
  );
}

export interface CommitmentCounts {
  open: number;
  overdue: number;
  done: number;
  dropped: number;
  total: number;
}

export function countStates(items: readonly CommitmentItem[]): CommitmentCounts {
  const c: CommitmentCounts = { open: 0, overdue: 0, done: 0, dropped: 0, total: 0 };
  for (const i of items) {
    c[i.state]++;
    c.total++;
  }
  return c;
}

export interface CommitmentGroup extends CommitmentCounts {
  /** The unit or session id. */
  id: string;
}

/** Counts per unit (most overdue first, then most commitments, then id) or per session (newest first). */
export function commitmentsBy(items: readonly CommitmentItem[], key: 'unit' | 'session'): CommitmentGroup[] {
  const groups = new Map<string, CommitmentItem[]>();
  for (const i of items) {
    const l = groups.get(i[key]);
    if (l) l.push(i);
    else groups.set(i[key], [i]);
  }
  const rows = [...groups.entries()].map(([id, l]) => ({ id, ...countStates(l) }));
  return key === 'session'
    ? rows.sort((a, b) => compareSessionsDesc(a.id, b.id))
    : rows.sort((a, b) => b.overdue - a.overdue || b.total - a.total || (a.id < b.id ? -1 : 1));
}

/** Overdue commitments, most recently overdue first (the newest feed entries first). */
export function newlyOverdue(items: readonly CommitmentItem[], limit = 50): CommitmentItem[] {
  return items
    .filter((i) => i.state === 'overdue')
    .sort((a, b) => (a.due > b.due ? -1 : a.due < b.due ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
