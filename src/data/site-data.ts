/**
 * The published corpus as the pages read it: every collection loaded once per
 * build and indexed, so a page costs a lookup, not a scan of 10,000 replies.
 * Only the collections (the disclosure gate's output) are read here; the
 * logic is in src/lib.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { facets, proposalRows } from '../lib/browse.ts';
import type { ReplyEntryData } from '../lib/disclosure.ts';
import { groupBy, indexBy } from '../lib/views.ts';

async function load() {
  const [site, units, topics, proposers, sessions, proposals, replies] = await Promise.all([
    getEntry('site', 'site'),
    getCollection('units'),
    getCollection('topics'),
    getCollection('proposers'),
    getCollection('sessions'),
    getCollection('proposals'),
    getCollection('replies'),
  ]);
  const replyData: ReplyEntryData[] = replies.map((r) => r.data);
  const repliesByProposal = groupBy(replyData, (r) => r.proposal);
  const rows = proposalRows(
    proposals.map((p) => p.data),
    repliesByProposal,
  );
  const lists = {
    units: indexBy(units.map((e) => e.data)),
    topics: indexBy(topics.map((e) => e.data)),
    proposers: indexBy(proposers.map((e) => e.data)),
    sessions: indexBy(sessions.map((e) => e.data)),
  };
  const proposalData = proposals.map((p) => p.data);
  return {
    site: site!.data,
    ...lists,
    proposalEntries: new Map(proposals.map((p) => [p.id, p as CollectionEntry<'proposals'>])),
    replyEntries: new Map(replies.map((r) => [r.id, r as CollectionEntry<'replies'>])),
    replies: replyData,
    repliesByProposal,
    repliesByUnit: groupBy(replyData, (r) => r.unit),
    repliesBySession: groupBy(replyData, (r) => r.session),
    rows,
    rowsById: indexBy(rows),
    facets: facets(rows, lists),
    /** What the charts are drawn from (src/charts/specs.ts). */
    chartData: {
      buildDate: site!.data.buildDate,
      replies: replyData,
      proposals: proposalData,
      units: lists.units,
      topics: lists.topics,
      sessions: lists.sessions,
      repliesByProposal,
    },
  };
}

export type SiteData = Awaited<ReturnType<typeof load>>;

let cached: Promise<SiteData> | undefined;

/** Loaded once per build (and once per request under `astro dev`, where records change). */
export function siteData(): Promise<SiteData> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
