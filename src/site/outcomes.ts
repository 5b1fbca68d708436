/**
 * Proposals listed with what became of them (ProposalOutcomes), as the
 * proposer pages, topic pages (recurring matters), proposal pages (related
 * proposals) and unit pages (similar replies) list them.
 */
import { isGraded, isPublished, isWithheld, type ReplyEntryData } from '../lib/disclosure.ts';
import { proposalUrl, replyUrl } from '../lib/urls.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';

/** `已公开 2 · 暂未公开 1`: a proposal's replies by state (an unpublished one counted, never described). */
export function outcomeStates(replies: readonly ReplyEntryData[]): string {
  const published = replies.filter(isPublished).length;
  const withheld = replies.filter(isWithheld).length;
  const unpublished = replies.length - published - withheld;
  const states = [
    published && `已公开 ${published}`,
    withheld && `不予公开 ${withheld}`,
    unpublished && `暂未公开 ${unpublished}`,
  ].filter(Boolean);
  return states.length ? states.join(' · ') : '尚无答复记录';
}

/** The props of one ProposalOutcomes item: the proposal, its graded replies' categories, its replies by state. */
export function outcome(data: Corpus, id: string, note?: string) {
  const row = data.rowsById.get(id)!;
  const replies = data.repliesByProposal.get(id) ?? [];
  return {
    row,
    href: proposalUrl(row.session, row.number),
    categories: replies.filter(isGraded).map((r) => r.category),
    states: outcomeStates(replies),
    sessionName: data.sessions.get(row.session)?.name,
    ...(note !== undefined && { note }),
  };
}

/** Up to five proposals of other sessions on the same matter, with their similarity. */
export const relatedOutcomes = (data: Corpus, a: Accountability, proposal: string) =>
  (a.related.related.get(proposal) ?? []).map((l) => outcome(data, l.id, `相似度 ${l.score.toFixed(2)}`));

/** Matters of a topic raised in three or more sessions: at most `limit`, each with at most 20 proposals. */
export function recurringMatters(data: Corpus, a: Accountability, topic: string, limit = 10) {
  const all = a.related.recurring.filter((m) => m.topics.includes(topic));
  return {
    total: all.length,
    matters: all.slice(0, limit).map((m) => ({
      title: data.rowsById.get(m.proposals[0])!.title,
      sessions: m.sessions.length,
      count: m.proposals.length,
      outcomes: m.proposals.slice(0, 20).map((id) => outcome(data, id)),
      more: m.proposals.length - 20,
    })),
  };
}

/** A unit's pairs of nearly identical published replies: at most `limit`, each reply linked. */
export function similarPairs(data: Corpus, a: Accountability, unit: string, limit = 50) {
  const pairs = a.similarByUnit.get(unit) ?? [];
  const link = (id: string) => {
    const r = data.replyEntries.get(id)!.data;
    const title = data.rowsById.get(r.proposal)!.title;
    return {
      href: replyUrl(r.session, r.number, r.unit),
      label: `${data.sessions.get(r.session)?.name ?? r.session} 第 ${r.number} 号：${title}`,
    };
  };
  return {
    total: pairs.length,
    row: a.similar.byUnit.find((r) => r.unit === unit),
    shown: pairs.slice(0, limit).map((p) => ({ a: link(p.a), b: link(p.b), score: p.score.toFixed(2) })),
  };
}
