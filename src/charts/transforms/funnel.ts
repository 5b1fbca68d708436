/** A session's official figures, from proposals received to replies due. */
import { officialStagesZh } from '../../lib/labels.ts';
import { percent } from '../../lib/ledger.ts';
import type { Official } from '../../lib/model/schemas/session.ts';

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

/** The path from proposals received to replies due, as the government published it. */
export function sessionFunnel(official: Pick<Official, FunnelKey>): FunnelRow[] {
  // Only the stages the government published: partial figures leave the others out.
  return officialStagesZh.flatMap(({ key, label, sub }) => {
    const count = official[key];
    if (count === undefined) return [];
    const share = key === 'repliesDue' || official.received === undefined ? null : percent(count, official.received);
    return [{ key, label, count, share, sub }];
  });
}
