/**
 * The collections' loader. It reads and checks the whole content root once
 * (shared by all collections), fails on any problem, passes the corpus
 * through the disclosure gate, and stores only what the gate returns.
 * Bodies are rendered to HTML at load time, so pages never run MDX.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { checkContentRoot, contentRoot } from '../lib/content-root.ts';
import { buildDate } from '../lib/dates.ts';
import { publish, type PublicCorpus } from '../lib/disclosure.ts';
import { ContentError, formatProblem, sortProblems } from '../lib/problems.ts';
import { lastGateNeedles } from '../lib/model/last-gate.ts';
import type { Corpus } from '../lib/corpus.ts';
import { rememberNeedles } from '../integrations/last-gate.ts';

/**
 * A test-only hook: `OPEN_REPLIES_BREAK_GATE_FOR_TEST=1` makes every reply
 * public, so a test can see the last gate catch what a broken disclosure gate
 * lets through. It changes nothing else; the last gate still fails the build.
 */
function breakGateForTest(corpus: Corpus): Corpus {
  if (process.env.OPEN_REPLIES_BREAK_GATE_FOR_TEST !== '1') return corpus;
  console.warn('OPEN_REPLIES_BREAK_GATE_FOR_TEST=1: the disclosure gate is broken on purpose for a test');
  return {
    ...corpus,
    replies: corpus.replies.map((r) => ({
      ...r,
      html: r.html ?? '',
      data: {
        ...r.data,
        disclosure: 'public',
        category: r.data.category ?? 'A',
        repliedOn: r.data.repliedOn ?? '2000-01-01',
        publishOn: undefined,
        withheldReason: undefined,
      },
    })),
  };
}

export type CollectionName = 'site' | 'units' | 'topics' | 'proposers' | 'sessions' | 'proposals' | 'replies';

const collectionNames: CollectionName[] = ['site', 'units', 'topics', 'proposers', 'sessions', 'proposals', 'replies'];

let cache: Promise<PublicCorpus> | undefined;
let invalidating = false;
/** Bumped on every change: a sync that finishes after a newer one has started drops its result. */
let generation = 0;
/** The latest context of each collection: the watcher listener, added once, always syncs into it. */
const contexts = new Map<CollectionName, LoaderContext>();
/** Collections that have not yet taken their entries from the current cache. */
let unsynced = new Set(collectionNames);

/** The published corpus, read once per change of the content root. */
function publicCorpus(): Promise<PublicCorpus> {
  cache ??= (async () => {
    const result = await checkContentRoot(contentRoot(), { render: true });
    if (!result.corpus) throw new ContentError(result.problems);
    const date = buildDate();
    // Taken before the disclosure gate, for the last scan of the output: kept in memory only.
    rememberNeedles(lastGateNeedles(result.corpus, date));
    return publish(breakGateForTest(result.corpus), date);
  })();
  return cache;
}

/** One change event reaches every collection's listener: only the first drops the cache. */
function invalidate() {
  if (invalidating) return;
  invalidating = true;
  generation += 1;
  cache = undefined;
  queueMicrotask(() => (invalidating = false));
}

interface Entry {
  id: string;
  data: Record<string, unknown>;
  html?: string;
}

function entries(c: PublicCorpus, collection: CollectionName): Entry[] {
  switch (collection) {
    case 'site':
      return [{ id: 'site', data: { ...c.site, buildDate: c.buildDate } }];
    case 'units':
    case 'topics':
    case 'proposers':
    case 'sessions':
      return c[collection].map((item) => ({ id: item.id, data: { ...item } }));
    case 'proposals':
      return c.proposals.map(({ html, ...p }) => ({ id: p.id, data: p, html }));
    case 'replies':
      return c.replies.map((r) => {
        if (r.state !== 'published') return { id: r.id, data: { ...r } };
        const { html, ...data } = r;
        return { id: r.id, data, html };
      });
  }
}

async function sync(ctx: LoaderContext, collection: CollectionName) {
  const started = generation;
  const corpus = await publicCorpus();
  if (started !== generation) return;
  // The store is emptied first: an entry that is no longer published must not survive from a cached store.
  ctx.store.clear();
  for (const e of entries(corpus, collection)) {
    ctx.store.set({ id: e.id, data: e.data, ...(e.html !== undefined && { rendered: { html: e.html } }) });
  }
  // Once every collection has its entries, the corpus is not kept twice in memory.
  unsynced.delete(collection);
  if (unsynced.size === 0) {
    cache = undefined;
    unsynced = new Set(collectionNames);
  }
}

export function corpusLoader(collection: CollectionName): Loader {
  return {
    name: `open-replies:${collection}`,
    load: async (ctx) => {
      const root = contentRoot();
      await sync(ctx, collection);
      const listening = contexts.has(collection);
      contexts.set(collection, ctx);
      // `load` runs again on every refresh: one listener per collection is enough.
      if (!ctx.watcher || listening) return;
      // Under `astro dev`, saving a record updates its pages.
      ctx.watcher.add(root);
      ctx.watcher.on('all', (_event, path) => {
        const rel = relative(root, path);
        if (rel.startsWith('..') || rel === path) return;
        invalidate();
        const latest = contexts.get(collection)!;
        sync(latest, collection).catch((error: unknown) => {
          const lines =
            error instanceof ContentError ? sortProblems(error.problems).map(formatProblem) : [String(error)];
          if (collection === 'site') latest.logger.error(`内容有问题，页面保持上一次的版本：\n${lines.join('\n')}`);
        });
      });
    },
  };
}
