/**
 * The published corpus as the pages read it: every collection loaded once per
 * build and indexed, so a page costs a lookup, not a scan of 10,000 replies.
 * Only the collections (the disclosure gate's output) are read here.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { indexBy, groupBy } from '../lib/views.ts';

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
  return {
    site: site!.data,
    units: indexBy(units.map((e) => e.data)),
    topics: indexBy(topics.map((e) => e.data)),
    proposers: indexBy(proposers.map((e) => e.data)),
    sessions: indexBy(sessions.map((e) => e.data)),
    proposals: proposals as CollectionEntry<'proposals'>[],
    replies: replies as CollectionEntry<'replies'>[],
    repliesByProposal: groupBy(replies, (r) => r.data.proposal),
  };
}

let cached: ReturnType<typeof load> | undefined;

/** Loaded once per build (and once per request under `astro dev`, where records change). */
export function siteData(): ReturnType<typeof load> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
