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
import { ContentError, formatProblem, sortProblems, type Problem } from '../lib/model/problems.ts';
import { setLiveProblems } from '../integrations/dev-problems.ts';
import { lastGateNeedles } from '../lib/model/last-gate.ts';
import type { Corpus } from '../lib/model/corpus/index.ts';
import { gateBrokenForTest, rememberNeedles } from '../integrations/last-gate.ts';

/**
 * A test-only hook: `OPEN_REPLIES_BREAK_GATE_FOR_TEST=1` makes every reply
 * public, so a test can see the last gate catch what a broken disclosure gate
 * lets through. It changes nothing else; the last gate always fails such a build.
 */
function breakGateForTest(corpus: Corpus): Corpus {
  if (!gateBrokenForTest()) return corpus;
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

/**
 * The loader's state between calls: one object, because the seven collections
 * share one read of the content root, and the dev server's watcher resyncs them all.
 */
const state = {
  /** The published corpus of the current read, until every collection has taken its entries. */
  cache: undefined as Promise<PublicCorpus> | undefined,
  /** Bumped on every change: a sync that finishes after a newer one has started drops its result. */
  generation: 0,
  /** The latest context of each collection: the one watcher listener syncs every collection into it. */
  contexts: new Map<CollectionName, LoaderContext>(),
  /** Collections that have not yet taken their entries from the current cache. */
  unsynced: new Set(collectionNames),
  /** The content root being watched, once the dev server's listener is added. */
  watching: undefined as string | undefined,
  /** Whether the live preview currently shows problems: "已恢复" is printed when they are gone. */
  broken: false,
  /** The pending resync after a save (several file events make one). */
  timer: undefined as ReturnType<typeof setTimeout> | undefined,
};

/** The published corpus, read once per change of the content root. */
function publicCorpus(): Promise<PublicCorpus> {
  state.cache ??= (async () => {
    const result = await checkContentRoot(contentRoot(), { render: true });
    if (!result.corpus) throw new ContentError(result.problems);
    const date = buildDate();
    // Taken before the disclosure gate, for the last scan of the output: kept in memory only.
    rememberNeedles(lastGateNeedles(result.corpus, date));
    return publish(breakGateForTest(result.corpus), date);
  })();
  return state.cache;
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
  const started = state.generation;
  const corpus = await publicCorpus();
  if (started !== state.generation) return;
  // The store is emptied first: an entry that is no longer published must not survive from a cached store.
  ctx.store.clear();
  for (const e of entries(corpus, collection)) {
    ctx.store.set({ id: e.id, data: e.data, ...(e.html !== undefined && { rendered: { html: e.html } }) });
  }
  // Once every collection has its entries, the corpus is not kept twice in memory.
  state.unsynced.delete(collection);
  if (state.unsynced.size === 0) {
    state.cache = undefined;
    state.unsynced = new Set(collectionNames);
  }
}

/** Under `astro dev`: problems go to the terminal (once per save) and to the browser's error page. */
function showProblems(root: string, problems: Problem[], logger: LoaderContext['logger']) {
  state.broken = true;
  setLiveProblems(root, problems);
  const lines = sortProblems(problems).map(formatProblem);
  logger.error(`内容有 ${problems.length} 个问题，浏览器中显示问题列表，修正前不更新页面：\n${lines.join('\n')}`);
}

/**
 * Astro writes the store to disk 500 ms after the last change (SAVE_DEBOUNCE_MS in its
 * mutable-data-store) and only then serves the new pages: the error page stays until they are there.
 */
const STORE_SAVED_MS = 1000;

function showRecovered(root: string, logger: LoaderContext['logger']) {
  if (!state.broken) {
    setLiveProblems(root, []);
    return;
  }
  state.broken = false;
  const at = state.generation;
  setTimeout(() => {
    if (at === state.generation) setLiveProblems(root, []);
  }, STORE_SAVED_MS);
  logger.info('已恢复：内容没有问题，页面已更新');
}

/** Sync every collection after a change; one report per change, however many collections. */
async function resync(root: string) {
  state.generation += 1;
  state.cache = undefined;
  state.unsynced = new Set(collectionNames);
  const started = state.generation;
  const logger = [...state.contexts.values()][0].logger;
  try {
    for (const [collection, ctx] of state.contexts) await sync(ctx, collection);
  } catch (error) {
    if (started !== state.generation) return;
    if (error instanceof ContentError) showProblems(root, error.problems, logger);
    else logger.error(String(error));
    return;
  }
  if (started === state.generation) showRecovered(root, logger);
}

export function corpusLoader(collection: CollectionName): Loader {
  return {
    name: `open-replies:${collection}`,
    load: async (ctx) => {
      const root = contentRoot();
      state.contexts.set(collection, ctx);
      if (ctx.watcher && state.watching !== root) {
        // Under `astro dev`, saving a record updates its pages. One listener for all collections; an
        // editor's save often fires several events (write, rename, change): they make one resync.
        state.watching = root;
        ctx.watcher.add(root);
        ctx.watcher.on('all', (_event, path) => {
          const rel = relative(root, path);
          if (rel.startsWith('..') || rel === path) return;
          clearTimeout(state.timer);
          state.timer = setTimeout(() => void resync(root), 150);
        });
      }
      try {
        await sync(ctx, collection);
      } catch (error) {
        // A build fails on any problem; the dev server starts anyway and shows the problems in the browser.
        if (!ctx.watcher || !(error instanceof ContentError)) throw error;
        if (collection === 'site') showProblems(root, error.problems, ctx.logger);
        return;
      }
      if (collection === 'site' && ctx.watcher) showRecovered(root, ctx.logger);
    },
  };
}
