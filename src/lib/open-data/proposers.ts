/**
 * The `proposers` table of the open data: one row per proposer with their
 * proposals and the outcomes of the replies, counted from the gate's output
 * (src/lib/accountability/proposers.ts). Fields and table: ./accountability-tables.ts.
 */
import type { ProposerSummary } from '../accountability/proposers.ts';
import type { ProposerExportRow } from './accountability-tables.ts';
import { absoluteUrl, proposerUrl } from '../urls.ts';

/** One row per proposer, in the listing's order (by name). */
export function proposerExportRows(list: readonly ProposerSummary[], siteUrl: string): ProposerExportRow[] {
  return list.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    sector: p.sector ?? null,
    proposals: p.proposals.length,
    first: p.first,
    key_proposals: p.key.length,
    sessions: p.sessions.length,
    a: p.categories.A,
    b: p.categories.B,
    c: p.categories.C,
    d: p.categories.D,
    published: p.published,
    withheld: p.withheld,
    unpublished: p.unpublished,
    url: absoluteUrl(siteUrl, proposerUrl(p.id)),
  }));
}
