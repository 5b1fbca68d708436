/**
 * The `commitments` table of the open data: one row per commitment of a
 * published reply (src/lib/accountability/commitments.ts reads them from the
 * gate's output only). Fields and table: ./accountability-tables.ts.
 */
import type { CommitmentItem } from '../accountability/commitments.ts';
import type { CommitmentExportRow } from './accountability-tables.ts';
import { absoluteUrl, commitmentUrl } from '../urls.ts';

/** One row per commitment, by due date, then reply and position (the order of commitmentItems). */
export function commitmentExportRows(items: readonly CommitmentItem[], siteUrl: string): CommitmentExportRow[] {
  return items.map((c) => ({
    id: c.id,
    reply: c.reply,
    proposal: c.proposal,
    session: c.session,
    unit: c.unit,
    text: c.text,
    due: c.due,
    status: c.status,
    overdue: c.state === 'overdue' ? 'yes' : 'no',
    checked_on: c.checkedOn ?? null,
    evidence: c.evidence ?? null,
    url: absoluteUrl(siteUrl, commitmentUrl(c)),
  }));
}
