/**
 * The proposers: `/proposers/` by kind, `/proposers/by/<order>/` in another
 * order, and `/proposers/<id>/` with one proposer's proposals and outcomes.
 */
import { proposerChart } from '../charts/index.ts';
import { byKind, bySector, proposerOrders, type ProposerOrder } from '../lib/accountability/proposers.ts';
import { proposerKindZh } from '../lib/labels.ts';
import { proposerFeedUrl } from '../lib/urls.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';
import { outcome } from './outcomes.ts';

/** `/proposers/<id>/`. */
export function proposerPage(data: Corpus, a: Accountability, id: string) {
  const p = a.proposersById.get(id)!;
  const outcomes = p.proposals.map((pid) => outcome(data, pid));
  const key = outcomes.filter((o) => o.row.key);
  return {
    proposer: p,
    feed: { href: proposerFeedUrl(p.id), title: `${p.name}所提提案的答复（Atom）` },
    trail: [{ href: '/proposers/', label: '提案者' }, { label: p.name }],
    eyebrow: `${proposerKindZh[p.kind]}${p.sector && p.kind === 'member' ? ` · ${p.sector}` : ''}`,
    summary:
      p.proposals.length === 0
        ? '本站还没有收录这位提案者的提案。'
        : `本站收录 ${p.proposals.length} 件提案（其中 ${p.first} 件列为第一提案者，${p.key.length} 件重点提案），涉及 ${p.sessions.length} 次会议；答复中已公开 ${p.published} 份，不予公开 ${p.withheld} 份，暂未公开 ${p.unpublished} 份（只计数）。`,
    chart: proposerChart(p, data.chartData),
    /** Key proposals (only when there are some), then every proposal. */
    groups: [
      ...(key.length > 0 ? [{ id: 'key', title: '重点提案', outcomes: key }] : []),
      { id: 'all', title: '全部提案', outcomes },
    ],
  };
}

/** `/proposers/`: one table per kind. */
export const proposersByKind = (a: Accountability) =>
  byKind(a.proposers).map((g) => ({ items: g.items, caption: `${g.label}（${g.items.length}）` }));

/** `/proposers/by/<order>/`: one table per sector, or one table of all in that order. */
export function proposersInOrder(a: Accountability, order: ProposerOrder) {
  const { label, sort } = proposerOrders[order];
  const sorted = [...a.proposers].sort(sort);
  return {
    title: `提案者 · ${label}`,
    tables:
      order === 'sector'
        ? bySector(a.proposers).map((g) => ({ items: g.items, caption: `${g.sector}（${g.items.length}）` }))
        : [{ items: sorted, caption: `全部提案者（${sorted.length}），${label}排列`, order }],
  };
}
