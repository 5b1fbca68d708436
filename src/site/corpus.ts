/**
 * The published corpus as the pages read it: every collection indexed once
 * per build, so a page costs a lookup, not a scan of 10,000 replies. Pure:
 * it takes the collections (the disclosure gate's output) and the site's
 * address; src/site/data.ts loads them from Astro's content layer.
 */
import { facets, proposalRows } from '../lib/browse.ts';
import type { ProposalEntryData, ReplyEntryData } from '../lib/disclosure.ts';
import type { Proposer, Session, Site, Topic, Unit } from '../lib/model/schemas/index.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { groupBy, indexBy } from '../lib/views.ts';

/** A collection entry as the content layer stores it: its data, and its body as HTML when it has one. */
export interface Entry<D> {
  id: string;
  data: D;
  rendered?: { html: string } | undefined;
}

export interface Collections<P extends Entry<ProposalEntryData>, R extends Entry<ReplyEntryData>> {
  /** The site's absolute address (`site` of astro.config). */
  siteUrl: string;
  site: Site & { buildDate: string };
  units: Unit[];
  topics: Topic[];
  proposers: Proposer[];
  sessions: Session[];
  proposals: P[];
  replies: R[];
}

export function indexCorpus<P extends Entry<ProposalEntryData>, R extends Entry<ReplyEntryData>>(c: Collections<P, R>) {
  const replyData: ReplyEntryData[] = c.replies.map((r) => r.data);
  const repliesByProposal = groupBy(replyData, (r) => r.proposal);
  const proposalData = c.proposals.map((p) => p.data);
  const rows = proposalRows(proposalData, repliesByProposal);
  const lists = {
    units: indexBy(c.units),
    topics: indexBy(c.topics),
    proposers: indexBy(c.proposers),
    sessions: indexBy(c.sessions),
  };
  return {
    site: c.site,
    /** The site's address without a trailing `/`. */
    siteUrl: c.siteUrl.replace(/\/$/, ''),
    ...lists,
    proposalEntries: new Map(c.proposals.map((p) => [p.id, p])),
    replyEntries: new Map(c.replies.map((r) => [r.id, r])),
    /** Each proposal's data by id. */
    proposals: new Map(c.proposals.map((p) => [p.id, p.data])),
    replies: replyData,
    repliesByProposal,
    repliesByUnit: groupBy(replyData, (r) => r.unit),
    repliesBySession: groupBy(replyData, (r) => r.session),
    rows,
    rowsById: indexBy(rows),
    facets: facets(rows, lists),
    /** What the charts are drawn from (src/charts/specs/). */
    chartData: {
      buildDate: c.site.buildDate,
      replies: replyData,
      proposals: proposalData,
      units: lists.units,
      topics: lists.topics,
      sessions: lists.sessions,
      repliesByProposal,
    },
  };
}

/** The indexed corpus, over any entry types (Astro's in the site, plain records in tests). */
export type Corpus<
  P extends Entry<ProposalEntryData> = Entry<ProposalEntryData>,
  R extends Entry<ReplyEntryData> = Entry<ReplyEntryData>,
> = ReturnType<typeof indexCorpus<P, R>>;

/** The absolute address of a site path, on this corpus's site. */
export const absolute = (data: Pick<Corpus, 'siteUrl'>, path: string) => absoluteUrl(data.siteUrl, path);
