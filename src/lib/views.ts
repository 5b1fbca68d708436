/** Orderings and joins the pages share: pure functions over the published corpus. */
import { isPublished, type PublishedEntryData, type ReplyEntryData } from './disclosure.ts';
import type { ProposalFrontmatter, Role } from './model/schemas/proposal.ts';

/** `7-1` → [7, 1], for ordering sessions numerically. */
function sessionKey(id: string): [number, number] {
  const [term, meeting] = id.split('-').map(Number);
  return [term, meeting];
}

/** Newest session first. */
export function compareSessionsDesc(a: string, b: string): number {
  const [ta, ma] = sessionKey(a);
  const [tb, mb] = sessionKey(b);
  return tb - ta || mb - ma;
}

/** Proposals: newest session first, then by number. */
export function compareProposals(
  a: { session: string; number: string },
  b: { session: string; number: string },
): number {
  // Numbers are digit strings of any length: shorter first, then code point (no locale).
  const byNumber = a.number.length - b.number.length || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
  return compareSessionsDesc(a.session, b.session) || byNumber;
}

const roleOrder: Record<Role, number> = { lead: 0, co: 1, split: 2 };

export interface UnitSlot<R> {
  unit: string;
  role: Role;
  /** What may be shown of this unit's reply; absent when no reply file exists yet. */
  reply?: R;
}

/** A proposal's units in reading order (lead, then co, then split), each with its reply. */
export function unitSlots<R extends { proposal: string; unit: string }>(
  proposal: { id: string; units: ProposalFrontmatter['units'] },
  replies: R[],
): UnitSlot<R>[] {
  const byUnit = new Map(replies.filter((r) => r.proposal === proposal.id).map((r) => [r.unit, r]));
  // Callers pass the proposal's own replies (see site-data); the filter keeps a wrong list harmless.
  return proposal.units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => roleOrder[a.u.role] - roleOrder[b.u.role] || a.i - b.i)
    .map(({ u }) => ({ unit: u.unit, role: u.role, reply: byUnit.get(u.unit) }));
}

/**
 * Where a listed unit's reply stands, as pages name it: `missing` when the
 * corpus has no file for it (未收录), `unpublished` when its file is pending or
 * embargoed (暂未公开). The gate's output has no entry for a missing file.
 */
export type SlotStatus = 'published' | 'withheld' | 'unpublished' | 'missing';

export function slotStatus(slot: UnitSlot<{ state: string }>): SlotStatus {
  const state = slot.reply?.state;
  if (state === undefined) return 'missing';
  return state === 'published' || state === 'withheld' ? state : 'unpublished';
}

/** The words for a status: one place, so the proposal page, the reply page and the ledger agree. */
export const slotStatusZh: Record<SlotStatus, string> = {
  published: '已公开',
  withheld: '不予公开',
  unpublished: '暂未公开',
  missing: '未收录',
};

/** How many of `slots` are in each status. */
export function slotCounts(slots: UnitSlot<{ state: string }>[]): Record<SlotStatus, number> {
  const out: Record<SlotStatus, number> = { published: 0, withheld: 0, unpublished: 0, missing: 0 };
  for (const s of slots) out[slotStatus(s)] += 1;
  return out;
}

/** Units listed on these proposals for which the corpus holds no reply file (未收录). */
export function missingReplies(
  proposals: readonly { id: string; units: ProposalFrontmatter['units'] }[],
  repliesByProposal: ReadonlyMap<string, readonly { unit: string }[]>,
): number {
  let n = 0;
  for (const p of proposals) {
    const held = new Set((repliesByProposal.get(p.id) ?? []).map((r) => r.unit));
    n += p.units.filter((u) => !held.has(u.unit)).length;
  }
  return n;
}

/** A map from each item's id to the item. */
export function indexBy<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Items grouped by a key, in their original order. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The `n` most recently published replies, newest first (ties by id, so the order is stable). */
export function latestPublished(replies: ReplyEntryData[], n: number): PublishedEntryData[] {
  return replies
    .filter(isPublished)
    .sort((a, b) => (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : a.id.localeCompare(b.id)))
    .slice(0, n);
}

/** The newest session that has official figures, else the newest session. */
export function latestSessionWithFigures<S extends { id: string; official?: unknown }>(sessions: S[]): S | undefined {
  const sorted = [...sessions].sort((a, b) => compareSessionsDesc(a.id, b.id));
  return sorted.find((s) => s.official) ?? sorted[0];
}
