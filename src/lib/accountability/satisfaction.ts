/**
 * The proposers' feedback on replies (满意 / 基本满意 / 不满意), by unit and
 * session. Only published replies carry `feedback` in the gate's output, so
 * only they are counted; shares are of the replies that have feedback.
 */
import { isPublished, type ReplyEntryData } from '../disclosure.ts';
import { percent } from '../ledger.ts';
import { compareSessionsDesc } from '../views.ts';

export interface SatisfactionRow {
  /** Unit or session id. */
  id: string;
  /** Published replies. */
  replies: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  /** Published replies without feedback. */
  none: number;
  /** Percentages of replies with feedback (two decimals); 0 when none has feedback. */
  satisfiedShare: number;
  basicallyShare: number;
  unsatisfiedShare: number;
}

export function satisfactionBy(replies: readonly ReplyEntryData[], key: 'unit' | 'session'): SatisfactionRow[] {
  const rows = new Map<string, SatisfactionRow>();
  for (const r of replies) {
    if (!isPublished(r)) continue;
    const id = r[key];
    let row = rows.get(id);
    if (!row) {
      row = {
        id,
        replies: 0,
        satisfied: 0,
        basically: 0,
        unsatisfied: 0,
        none: 0,
        satisfiedShare: 0,
        basicallyShare: 0,
        unsatisfiedShare: 0,
      };
      rows.set(id, row);
    }
    row.replies++;
    if (r.feedback === 'satisfied') row.satisfied++;
    else if (r.feedback === 'basically-satisfied') row.basically++;
    else if (r.feedback === 'unsatisfied') row.unsatisfied++;
    else row.none++;
  }
  for (const row of rows.values()) {
    const withFeedback = row.replies - row.none;
    row.satisfiedShare = percent(row.satisfied, withFeedback);
    row.basicallyShare = percent(row.basically, withFeedback);
    row.unsatisfiedShare = percent(row.unsatisfied, withFeedback);
  }
  const list = [...rows.values()];
  return key === 'session'
    ? list.sort((a, b) => compareSessionsDesc(a.id, b.id))
    : list.sort((a, b) => b.replies - a.replies || (a.id < b.id ? -1 : 1));
}
