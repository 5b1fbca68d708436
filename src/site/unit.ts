/**
 * The answering units: `/units/` (each unit's replies by state and category)
 * and `/units/<id>/` (what the site holds of one unit, its charts and its
 * replies that may be shown).
 */
import { satisfactionChart, unitChart } from '../charts/index.ts';
import { isShown } from '../lib/disclosure.ts';
import { replyNounZh, roleZh, unitKindZh } from '../lib/labels.ts';
import { categoryCounts, ledgerRow } from '../lib/ledger.ts';
import { listUrl, proposalUrl, replyUrl, unitFeedUrl } from '../lib/urls.ts';
import { compareProposals } from '../lib/views.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';
import { unitCsvPath } from './open-data.ts';
import { similarPairs } from './outcomes.ts';

export function unitPage(data: Corpus, a: Accountability, id: string) {
  const unit = data.units.get(id)!;
  const all = data.repliesByUnit.get(unit.id) ?? [];
  const ledger = ledgerRow(all);
  // Listed: what may be shown. A reply not yet published is only counted, never listed.
  const replies = all.filter(isShown).sort(compareProposals);
  return {
    unit,
    title: unit.name,
    heading: unit.fullName ?? unit.name,
    trail: [{ href: '/units/', label: '答复单位' }, { label: unit.name }],
    feed: { href: unitFeedUrl(unit.id), title: `${unit.name}的答复（Atom）` },
    list: listUrl({ facet: 'unit', value: unit.id }),
    csv: unitCsvPath(unit.id),
    summary: `本站收录这个单位的答复 ${ledger.held} 份：全文公开 ${ledger.public}，摘要公开 ${ledger.summary}，不予公开 ${ledger.withheld}，暂未公开 ${ledger.unpublished}（只计数，不列出）。`,
    charts: [unitChart(unit.id, unit.name, data.chartData), satisfactionChart('unit', data.chartData, unit.id)],
    similar: similarPairs(data, a, unit.id),
    replies: replies.map((r) => {
      const row = data.rowsById.get(r.proposal)!;
      const role = row.units.find((u) => u.unit === unit.id)?.role;
      return {
        reply: r,
        title: row.title,
        href: r.state === 'published' ? replyUrl(r.session, r.number, r.unit) : proposalUrl(r.session, r.number),
        session: data.sessions.get(r.session)?.name,
        role: role && (role === 'co' ? replyNounZh(role) : roleZh[role]),
      };
    }),
  };
}

/** `/units/`: every unit, most replies first, with its replies by state and category. */
export function unitsIndex(data: Corpus) {
  return [...data.units.values()]
    .map((u) => {
      const replies = data.repliesByUnit.get(u.id) ?? [];
      return { unit: u, kind: unitKindZh[u.kind], ledger: ledgerRow(replies), counts: categoryCounts(replies) };
    })
    .sort((a, b) => b.ledger.held - a.ledger.held || a.unit.id.localeCompare(b.unit.id));
}
