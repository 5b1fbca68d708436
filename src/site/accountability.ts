/**
 * Proposers, commitments, related proposals, similar replies and satisfaction,
 * computed once per build from the published corpus with src/lib/accountability.
 */
import { commitmentItems } from '../lib/accountability/commitments.ts';
import { proposerSummaries } from '../lib/accountability/proposers.ts';
import { relatedProposals, similarReplies } from '../lib/accountability/related.ts';
import { groupBy, indexBy } from '../lib/views.ts';
import type { Corpus } from './corpus.ts';

export function buildAccountability(data: Corpus) {
  const proposals = [...data.proposals.values()];
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

export type Accountability = ReturnType<typeof buildAccountability>;
