/**
 * Proposers, commitments, related proposals, similar replies and satisfaction,
 * computed once per build from the published corpus (site-data.ts, the
 * disclosure gate's output) with src/lib/accountability.
 */
import { commitmentItems } from '../lib/accountability/commitments.ts';
import { proposerSummaries } from '../lib/accountability/proposers.ts';
import { relatedProposals, similarReplies } from '../lib/accountability/related.ts';
import { groupBy, indexBy } from '../lib/views.ts';
import { siteData } from './site-data.ts';

async function build() {
  const data = await siteData();
  const proposals = [...data.proposalEntries.values()].map((e) => e.data);
  const proposers = proposerSummaries([...data.proposers.values()], data.rows, data.repliesByProposal);
  const commitments = commitmentItems(data.replies, data.site.buildDate);
  const related = relatedProposals(proposals);
  const similar = similarReplies(data.replies);
  return {
    proposers,
    proposersById: indexBy(proposers),
    commitments,
    commitmentsByReply: groupBy(commitments, (c) => c.reply),
    related,
    similar,
    similarByUnit: groupBy(similar.pairs, (p) => p.unit),
  };
}

export type Accountability = Awaited<ReturnType<typeof build>>;

let cached: ReturnType<typeof build> | undefined;

/** Computed once per build (and once per request under `astro dev`). */
export function accountability(): ReturnType<typeof build> {
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}
