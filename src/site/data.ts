/**
 * What every page model reads, loaded once per build (and once per request
 * under `astro dev`, where records change): the collections (the disclosure
 * gate's output) indexed, the accountability figures and the open-data files;
 * and the record pages' keys for incremental builds, made from the same data.
 * The only module of src/site/ that touches Astro's content layer.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { pageCacheKey } from '../lib/cache-key.ts';
import { buildAccountability, type Accountability } from './accountability.ts';
import { indexCorpus, type Corpus } from './corpus.ts';
import { buildOpenData } from './open-data.ts';

export type SiteData = Corpus<CollectionEntry<'proposals'>, CollectionEntry<'replies'>>;

async function load(): Promise<SiteData> {
  const [site, units, topics, proposers, sessions, proposals, replies] = await Promise.all([
    getEntry('site', 'site'),
    getCollection('units'),
    getCollection('topics'),
    getCollection('proposers'),
    getCollection('sessions'),
    getCollection('proposals'),
    getCollection('replies'),
  ]);
  return indexCorpus({
    siteUrl: import.meta.env.SITE,
    site: site!.data,
    units: units.map((e) => e.data),
    topics: topics.map((e) => e.data),
    proposers: proposers.map((e) => e.data),
    sessions: sessions.map((e) => e.data),
    proposals,
    replies,
  });
}

/** `build` once per build; every time under `astro dev`. */
function once<T>(build: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return build();
    cached ??= build();
    return cached;
  };
}

export const siteData = once(load);

/** Proposers, commitments, related proposals, similar replies and satisfaction. */
export const accountability = once(async () => buildAccountability(await siteData()));

/** The downloads of /data/: their contents serve the endpoints and the sizes the /data/ page states. */
export const openData = once(async () => {
  const data = await siteData();
  return buildOpenData(data, await accountability());
});

/**
 * The `cacheKey` of each record page (astro.config.mjs), from what its page
 * model makes of the site data: the site-wide data every page shows (its
 * layout reads the site's settings and address), its entry and its model.
 * Everything the page shows must come from these. Under `astro dev`, which
 * renders every request afresh, there is no key and no model is computed.
 */
export async function recordPageKeys(): Promise<
  (
    entry: CollectionEntry<'proposals' | 'replies'>,
    model: (data: SiteData, a: Accountability) => unknown,
  ) => string | undefined
> {
  if (import.meta.env.DEV) return () => undefined;
  const data = await siteData();
  const a = await accountability();
  return (entry, model) => pageCacheKey([data.site, data.siteUrl, entry, model(data, a)]);
}
