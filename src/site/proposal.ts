/**
 * A proposal's page, `/proposals/<session>/<number>/`: where it sits, its
 * facts, and each listed unit's reply with a count line of their statuses.
 */
import type { ProposalEntryData } from '../lib/disclosure.ts';
import { keySupervisorZh, proposalKindZh } from '../lib/labels.ts';
import { proposalRecord } from '../lib/search.ts';
import { listUrl, sessionUrl, topicUrl } from '../lib/urls.ts';
import { slotCounts, slotStatusZh, unitSlots, type SlotStatus } from '../lib/views.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';
import { relatedOutcomes } from './outcomes.ts';

const statusOrder: SlotStatus[] = ['published', 'withheld', 'unpublished', 'missing'];

/** `已公开 2 · 暂未公开 1 · 未收录 1`: only the statuses that occur, then what the rarer ones mean. */
export function slotCountLine(counts: Record<SlotStatus, number>): {
  line: string;
  missing: string;
  unpublished: string;
} {
  return {
    line: statusOrder
      .filter((s) => counts[s] > 0)
      .map((s) => `${slotStatusZh[s]} ${counts[s]}`)
      .join(' · '),
    missing: counts.missing > 0 ? '。未收录：提案列出了这个单位，但本站没有它的答复记录' : '',
    unpublished: counts.unpublished > 0 ? '。暂未公开：本站有答复记录，尚在审核或未到公开日期' : '',
  };
}

export function proposalPage(data: Corpus, a: Accountability, p: ProposalEntryData) {
  const session = data.sessions.get(p.session)!;
  const slots = unitSlots({ id: p.id, units: p.data.units }, data.repliesByProposal.get(p.id) ?? []);
  const key = p.data.key;
  return {
    title: p.data.title,
    trail: [
      { href: '/proposals/', label: '提案' },
      { href: sessionUrl(p.session), label: session.name },
      { label: `第 ${p.number} 号` },
    ],
    sessionName: session.name,
    kind: proposalKindZh[p.data.kind],
    record: proposalRecord(data.rowsById.get(p.id)!, p.data.filedOn, data),
    /** Its proposers' records, for their names and links. */
    proposers: new Map(
      p.data.proposers.flatMap((id) => (data.proposers.has(id) ? [[id, data.proposers.get(id)!]] : [])),
    ),
    topics: p.data.topics.map((t) => ({ href: topicUrl(t), name: data.topics.get(t)?.name ?? t })),
    key: key && {
      supervisor: key.supervisor ? keySupervisorZh(key) : `重点提案（${keySupervisorZh(key)}）`,
      href: listUrl({ facet: 'key', value: 'yes' }),
    },
    slots: slots.map((s) => ({
      slot: s,
      unit: data.units.get(s.unit)!,
      entry: s.reply && data.replyEntries.get(s.reply.id),
    })),
    counts: slotCountLine(slotCounts(slots)),
    related: relatedOutcomes(data, a, p.id),
  };
}
