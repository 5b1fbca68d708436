/**
 * The disclosure ledger: `/disclosure/` (each session's replies by state and
 * withheld reason, and the withheld replies listed) and the coverage table of
 * /about/methodology/. Counted from the gate's output: an unpublished reply is
 * counted, never described.
 */
import { isWithheld } from '../lib/disclosure.ts';
import { categoryLabel, withheldReasonZh } from '../lib/labels.ts';
import { formatPercent, ledgerRow, type LedgerRow } from '../lib/ledger.ts';
import { withheldReasons } from '../lib/model/schemas/common.ts';
import { proposalUrl, unitUrl } from '../lib/urls.ts';
import { compareProposals, compareSessionsDesc, groupBy, missingReplies } from '../lib/views.ts';
import type { Corpus } from './corpus.ts';

/** Sessions, newest first, each with its replies counted by state. */
export function sessionLedgers(data: Corpus) {
  return [...data.sessions.values()]
    .sort((a, b) => compareSessionsDesc(a.id, b.id))
    .map((session) => ({ session, ledger: ledgerRow(data.repliesBySession.get(session.id) ?? []) }));
}

/** `/about/methodology/`'s coverage: what the site holds of the replies the government says were due. */
export const coverageRows = (data: Corpus) =>
  sessionLedgers(data).map(({ session, ledger }) => {
    const due = session.official?.repliesDue;
    return { session, ledger, due, coverage: due ? formatPercent(ledger.held, due) : '—' };
  });

/** The ledger's columns after the session: each one's heading and its value in a row. */
export function ledgerColumns(row: { due: number | string; ledger: LedgerRow; missing: number }) {
  const { due, ledger: l, missing } = row;
  return [
    { label: '应有答复（政府公布）', value: due },
    { label: '本站收录', value: l.held },
    { label: '全文公开', value: l.public },
    { label: '摘要公开', value: l.summary },
    { label: '不予公开', value: l.withheld },
    ...withheldReasons.map((r) => ({ label: `其中${withheldReasonZh[r]}`, value: l.withheldBy[r] })),
    { label: '暂未公开', value: l.unpublished },
    { label: '未收录', value: missing },
  ];
}

export function disclosurePage(data: Corpus) {
  const proposalsBySession = groupBy(data.rows, (r) => r.session);
  // 未收录: a unit the proposal lists, with no reply file in this corpus (the gate has no entry for it).
  const missing = (rows: typeof data.rows) => missingReplies(rows, data.repliesByProposal);
  const sessions = sessionLedgers(data);
  const total = {
    due: sessions.reduce((s, x) => s + (x.session.official?.repliesDue ?? 0), 0) || '—',
    ledger: ledgerRow(data.replies),
    missing: missing(data.rows),
  };
  return {
    heads: ['会议', ...ledgerColumns(total).map((c) => c.label)],
    rows: sessions.map(({ session, ledger }) => ({
      session,
      cells: ledgerColumns({
        due: session.official?.repliesDue ?? '—',
        ledger,
        missing: missing(proposalsBySession.get(session.id) ?? []),
      }),
    })),
    total,
    totalCells: ledgerColumns(total),
    withheld: data.replies
      .filter(isWithheld)
      .sort(compareProposals)
      .map((r) => ({
        proposal: { href: proposalUrl(r.session, r.number), title: data.rowsById.get(r.proposal)?.title },
        number: r.number,
        unit: { href: unitUrl(r.unit), name: data.units.get(r.unit)?.name },
        category: r.category ? categoryLabel(r.category) : '—',
        reason: withheldReasonZh[r.withheldReason],
      })),
  };
}
