/**
 * The search page, a progressive enhancement of /search/: it reads the query
 * and filters from the address, asks Pagefind, and writes results, counts per
 * filter value and the address back, so a search can be shared and reloaded.
 * The filter panel is rendered at build time and never rebuilt: this script
 * only ticks boxes, updates counts and disables the values that would find
 * nothing, so the keyboard focus stays where the reader left it.
 * The logic that can be pure (address state, labels, paragraph anchors) is in
 * src/lib/search.ts and unit-tested; this file only talks to the DOM.
 */
import {
  bundlesFor,
  chosenLabels,
  formatSearch,
  metaWeights,
  parseSearch,
  topicsNamed,
  type FilterKey,
  type SearchState,
} from '../lib/search.ts';
import { byDate, inOrder, type Take } from '../lib/search-order.ts';
import { resultItem, type Pagefind, type PagefindResultData, type PagefindSearch } from './search-results.ts';

const PAGE = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filtersBox = document.querySelector<HTMLElement>('#search-filters')!;
const disclosure = document.querySelector<HTMLDetailsElement>('#search-filters-box')!;
const filterCount = document.querySelector<HTMLElement>('#search-filter-count')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const chips = document.querySelector<HTMLElement>('#search-chips')!;
const chipList = chips.querySelector<HTMLUListElement>('ul')!;
const clearAll = document.querySelector<HTMLButtonElement>('#search-clear')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const boxes = [...filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const { labels, counts: initialCounts } = JSON.parse(document.querySelector('#search-labels')!.textContent) as {
  labels: Record<string, Record<string, string>>;
  /** Counts of an empty search, computed at build time from the same records. */
  counts: Record<string, Record<string, number>>;
};

/** The sessions that have records, each with its own Pagefind bundle at /pagefind/<session>/. */
const sessions = Object.entries(initialCounts.session ?? {})
  .filter(([, n]) => n > 0)
  .map(([s]) => s)
  .sort();
/** The filter index is loaded after the first results are shown: they come sooner and with fewer bytes. */
const filtersLoaded = new Map<Pagefind, Promise<unknown>>();
let current: PagefindSearch | null = null;
/** The next results of `current` in the order the page shows them. */
let take: Take<PagefindResultData> = async function* () {};
let shown = 0;
let generation = 0;
let chipsKey = '';

const instances = new Map<string, Promise<Pagefind>>();
/** Sessions whose bundle could not be fetched (a host that lost a folder, a shard not yet deployed): left out, and said so. */
const unreachable = new Set<string>();
/** How long Pagefind may take to load before the reader is told search is not available. */
const LOAD_TIMEOUT_MS = 20_000;

/**
 * The bundles whose entry file answers; the others are noted in `unreachable`. Pagefind itself would wait forever
 * on a first bundle that does not answer (the others wait for its WebAssembly).
 */
async function reachable(bundles: string[]): Promise<string[]> {
  const answers = await Promise.all(
    bundles.map((s) =>
      fetch(`/pagefind/${s}/pagefind-entry.json`).then(
        (r) => r.ok,
        () => false,
      ),
    ),
  );
  for (const [i, s] of bundles.entries()) {
    if (answers[i]) unreachable.delete(s);
    else unreachable.add(s);
  }
  return bundles.filter((_, i) => answers[i]);
}

type PagefindModule = { createInstance: (o: object) => Pagefind };
/**
 * Pagefind's script from one session's bundle (the same file in every bundle; the page preloads the first
 * session's, search.astro); nothing if that bundle cannot be fetched.
 */
function importPagefind(session: string): Promise<PagefindModule | undefined> {
  return (import(/* @vite-ignore */ `${'/pagefind/'}${session}/pagefind.js`) as Promise<PagefindModule>).catch(
    () => undefined,
  );
}

/** A Pagefind instance on one session's bundle, configured and loaded. */
async function instanceOn(session: string, options: object): Promise<Pagefind> {
  const pagefind = await importPagefind(session);
  if (!pagefind) throw new Error('搜索程序没有载入');
  const pf = pagefind.createInstance({ basePath: `/pagefind/${session}/`, ...options });
  await pf.options(options);
  await pf.init();
  return pf;
}

/**
 * Pagefind, loaded and configured in this one place: the ranking weights of
 * the metadata fields a record is found by (topics, units, proposers, number).
 * One instance per set of session bundles: the first bundle is its primary
 * index, the others are merged into it with Pagefind's `mergeIndex`, each with
 * the same options (Pagefind applies an instance's options to its primary only).
 * A load that fails or takes too long is not kept, so the next search tries again.
 */
function loadPagefind(bundles: string[]): Promise<Pagefind> {
  const key = bundles.join(',');
  let loading = instances.get(key);
  if (!loading) {
    const options = { excerptLength: 40, ranking: { metaWeights }, baseUrl: '/' };
    const merged = async (first: Promise<Pagefind>, rest: string[]) => {
      const pf = await first;
      const merges = await Promise.allSettled(rest.map((s) => pf.mergeIndex(`/pagefind/${s}/`, options)));
      return { pf, failed: rest.filter((_, i) => merges[i].status === 'rejected') };
    };
    /** Every bundle's entry file checked first, then the ones that answered: when some did not. */
    const checked = async () => {
      const [first, ...rest] = await reachable(bundles);
      if (!first) throw new Error('搜索索引没有载入');
      const { pf, failed } = await merged(instanceOn(first, options), rest);
      if (failed.length) throw new Error('搜索索引没有载入');
      return pf;
    };
    const load = async () => {
      // The usual case: every bundle answers. The first bundle's instance starts at once, only its entry file is
      // checked beside it, and the others are merged as they come, so each entry file is fetched once.
      const eager = instanceOn(bundles[0], options);
      eager.catch(() => {});
      if ((await reachable([bundles[0]])).length === 0) return checked();
      const { pf, failed } = await merged(eager, bundles.slice(1));
      if (!failed.length) {
        for (const s of bundles) unreachable.delete(s);
        return pf;
      }
      // A merged bundle that did not answer stays in Pagefind's list and fails every search: start again without it.
      void pf.destroy();
      return checked();
    };
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('搜索索引载入超时')), LOAD_TIMEOUT_MS),
    );
    loading = Promise.race([load(), timeout]);
    loading.catch(() => instances.delete(key));
    instances.set(key, loading);
  }
  return loading;
}
/** The status when search cannot run: what happened and the way round it. */
function unavailable(error: unknown) {
  status.replaceChildren(
    `搜索暂时无法使用（${error instanceof Error ? error.message : String(error)}）。可以稍后再试，或者`,
    link('浏览全部提案', '/proposals/'),
    '。',
  );
}
/** A search started by the reader: if it fails, the status says so instead of “正在搜索…” forever. */
function startSearch(state: SearchState, push: boolean) {
  // run() takes the next generation at once; a search overtaken by a later one reports nothing.
  const mine = generation + 1;
  run(state, push).catch((error: unknown) => mine === generation && unavailable(error));
}
/** The sentence added to a result count when some sessions' records could not be searched. */
function missingNote(): string {
  if (unreachable.size === 0) return '';
  const names = [...unreachable].map((s) => labels.session?.[s] ?? s).join('、');
  return `（${names}的记录暂时无法搜索，不在结果中。）`;
}
/** Pagefind counts per filter value once the instance's filter index is loaded: loaded once per instance. */
function filtersOf(pf: Pagefind): Promise<unknown> {
  if (!filtersLoaded.has(pf)) filtersLoaded.set(pf, pf.filters());
  return filtersLoaded.get(pf)!;
}
/** Every session's bundle, merged: for counts across sessions and for a search without the filters. */
const everywhere = () => loadPagefind(sessions);

function stateFromForm(): SearchState {
  const filters: SearchState['filters'] = {};
  for (const box of boxes) if (box.checked) (filters[box.name as FilterKey] ??= []).push(box.value);
  return { q: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'] };
}

/** Tick the chosen values and write the counts; a value that would find nothing is disabled unless chosen or focused. */
function updateFilters(state: SearchState, counts: Record<string, Record<string, number>> | null) {
  for (const box of boxes) {
    const chosen = state.filters[box.name as FilterKey]?.includes(box.value) ?? false;
    box.checked = chosen;
    if (!counts) continue;
    const n = counts[box.name]?.[box.value] ?? 0;
    box.parentElement!.querySelector('.count')!.textContent = String(n);
    box.disabled = n === 0 && !chosen && box !== document.activeElement;
    box.parentElement!.classList.toggle('is-empty', n === 0 && !chosen);
  }
  const chosen = chosenLabels(state, labels);
  filterCount.textContent = chosen.length ? `（已选 ${chosen.length} 项）` : '';
  // The chips are redrawn only when the choice changed, never under the reader's focus for a mere recount.
  const key = JSON.stringify(chosen);
  if (key === chipsKey) return;
  chipsKey = key;
  chipList.replaceChildren(
    ...chosen.map((c) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chip';
      b.dataset.key = c.key;
      b.dataset.value = c.value;
      b.setAttribute('aria-label', `去掉条件 ${c.text}`);
      b.textContent = `${c.text} ×`;
      li.append(b);
      return li;
    }),
  );
  chips.hidden = chosen.length === 0;
}

/** The search whose next results are being loaded (0: none), so a second click on 显示更多结果 waits for them. */
let paging = 0;

async function showMore() {
  const mine = generation;
  if (!current || paging === mine) return;
  paging = mine;
  more.disabled = true;
  // Each result goes on the page as soon as its fragment is in, in the page's order.
  for await (const d of take(PAGE)) {
    // A newer search has the list now, and shows its own results (it does not wait for these).
    if (mine !== generation) return;
    list.append(resultItem(d));
    shown++;
  }
  paging = 0;
  more.disabled = false;
  more.hidden = shown >= current.results.length;
}

function link(text: string, href: string): HTMLAnchorElement {
  return Object.assign(document.createElement('a'), { href, textContent: text });
}

/** Nothing found with the filters: say how many the words alone find, and offer the ways out. */
async function explainNothing(state: SearchState, what: string, mine: number) {
  const withoutFilters = { ...state, filters: {} };
  const plain = state.q && Object.keys(state.filters).length ? await (await everywhere()).search(state.q, {}) : null;
  if (mine !== generation) return;
  const n = plain?.results.length ?? 0;
  const conditions = chosenLabels(state, labels)
    .map((c) => c.text)
    .join('、');
  const parts: (string | Node)[] = [];
  if (n > 0) {
    parts.push(`${what}有 ${n} 条匹配，但没有符合所选条件（${conditions}）的。`);
    parts.push(link('去掉筛选', `${location.pathname}${formatSearch(withoutFilters)}`));
  } else {
    parts.push(`没有找到与${what}匹配的答复或提案。可以换一个词（例如只用两个字），或者`);
    parts.push(link('浏览全部提案', '/proposals/'));
  }
  if (unreachable.size) parts.push(missingNote());
  for (const t of topicsNamed(state.q, labels.topic ?? {}))
    parts.push(' / ', link(`看主题 ${t.name}`, `/topics/${t.id}/`));
  status.replaceChildren(...parts);
}

/** Counts per value as a reader would add it: for a group with a choice, counted without that group's own choice. */
async function countsFor(state: SearchState, pagefind: Pagefind, search: PagefindSearch | null) {
  const counts = { ...(search?.filters ?? {}) };
  for (const key of Object.keys(state.filters) as FilterKey[]) {
    const others = Object.entries(state.filters).filter(([k]) => k !== key);
    // No words and no other choice: the counts of an empty search, computed at build time.
    // The session group's own counts are counted in every session's bundle, not only the chosen ones'.
    const index = key === 'session' ? await everywhere() : pagefind;
    await filtersOf(index);
    const r =
      state.q || others.length
        ? await index.search(state.q || null, {
            ...(others.length && { filters: Object.fromEntries(others.map(([k, v]) => [k, { any: v }])) }),
          })
        : null;
    counts[key] = r ? (r.filters[key] ?? {}) : (initialCounts[key] ?? {});
  }
  return counts;
}

async function run(state: SearchState, push: boolean) {
  const mine = ++generation;
  const query = formatSearch(state);
  if (push) history.pushState(null, '', `${location.pathname}${query}`);
  const hasFilters = Object.keys(state.filters).length > 0;
  list.replaceChildren();
  more.hidden = true;
  shown = 0;
  if (!state.q && !hasFilters) {
    current = null;
    updateFilters(state, initialCounts);
    status.textContent = '输入搜索词，或选择条件浏览答复和提案。';
    return;
  }
  updateFilters(state, null);
  status.textContent = '正在搜索…';
  const bundles = bundlesFor(state, sessions);
  // The index this search runs on: the chosen sessions' bundles, or all of them merged.
  const pagefind = await loadPagefind(bundles);
  if (mine !== generation) return;
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v }]));
  const sort = state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : undefined;
  // Pagefind leaves out the counts per filter value when given an empty `filters` object.
  const options = { ...(hasFilters && { filters }), ...(sort && { sort }) };
  const search = await pagefind.search(state.q || null, options);
  // Sorted over several bundles: each session's results apart, merged by date. Filtered to one session, only one
  // bundle has results, and Pagefind's merge by score keeps their date order (their scores fall with their rank).
  const lists =
    sort && bundles.length > 1
      ? await Promise.all(
          bundles.map(async (s) => {
            const one = await pagefind.search(state.q || null, {
              sort,
              filters: { ...filters, session: { any: [s] } },
            });
            return one?.results ?? [];
          }),
        )
      : undefined;
  if (mine !== generation) return;
  current = search;
  take = lists ? byDate(lists, sort!.date === 'desc' ? 'desc' : 'asc') : inOrder(search?.results ?? []);
  const n = search?.results.length ?? 0;
  const what = state.q ? `“${state.q}”` : '所选条件';
  await showMore();
  if (mine !== generation) return;
  // The status is announced last, once the results it counts are on the page.
  if (n === 0) await explainNothing(state, what, mine);
  else
    status.textContent = `找到 ${n} 条与${what}匹配的结果${state.sort === 'relevance' ? '，按相关程度排列' : state.sort === 'newest' ? '，新的在前' : '，早的在前'}。${missingNote()}`;
  // Then the counts per filter value: Pagefind gives them once its filter index is loaded.
  await filtersOf(pagefind);
  if (mine !== generation) return;
  const counted = await pagefind.search(state.q || null, options);
  const counts = await countsFor(state, pagefind, counted);
  if (mine === generation) updateFilters(state, counts);
}

function apply(state: SearchState) {
  input.value = state.q;
  sortSelect.value = state.sort;
}

/** Filters beside the results on a wide screen; on a narrow one, folded below the search box. */
const wide = matchMedia('(min-width: 48rem)');
function placeFilters() {
  if (wide.matches) disclosure.open = true;
}

/**
 * While the reader types, Pagefind fetches the index chunks of the words typed so far (its own `preload`), so
 * the search that Enter starts finds most of them loaded. A pause of 150 ms between keys is taken as a word.
 */
let typing: ReturnType<typeof setTimeout> | undefined;
function preloadTyped() {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const q = input.value.trim();
    // A failure here is the search's to report, once the reader asks for it.
    if (q)
      loadPagefind(bundlesFor(stateFromForm(), sessions))
        .then((pf) => pf.preload(q))
        .catch(() => {});
  }, 150);
}

/** The reader's ways to search, listened to from the start: a choice made while the first search runs starts its own. */
function listen() {
  input.addEventListener('input', preloadTyped);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    startSearch(stateFromForm(), true);
  });
  filtersBox.addEventListener('change', () => startSearch(stateFromForm(), true));
  sortSelect.addEventListener('change', () => startSearch(stateFromForm(), true));
  more.addEventListener('click', () => void showMore());
  chipList.addEventListener('click', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLButtonElement>('button.chip');
    if (!chip) return;
    const box = boxes.find((b) => b.name === chip.dataset.key && b.value === chip.dataset.value);
    if (box) box.checked = false;
    // The chip goes away: focus moves to the next chip (or the one before), else to the search box.
    const next = chip.parentElement?.nextElementSibling ?? chip.parentElement?.previousElementSibling;
    const key = next?.querySelector<HTMLButtonElement>('button.chip')?.dataset;
    // run() redraws the chips before its first await, so the next chip is there to take focus.
    startSearch(stateFromForm(), true);
    const again =
      key && chipList.querySelector<HTMLButtonElement>(`button[data-key="${key.key}"][data-value="${key.value}"]`);
    (again || input).focus();
  });
  clearAll.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    input.focus();
    startSearch(stateFromForm(), true);
  });
  window.addEventListener('popstate', () => {
    const s = parseSearch(location.search);
    apply(s);
    startSearch(s, false);
  });
}

function start() {
  placeFilters();
  wide.addEventListener('change', placeFilters);
  listen();
  const state = parseSearch(location.search);
  apply(state);
  startSearch(state, false);
  if (state.q || Object.keys(state.filters).length) return;
  // On an empty page, let Pagefind start its worker and load its WebAssembly and metadata while the reader
  // types; the words' index chunks follow as they are typed. If it cannot load, say so, unless a search has begun since.
  loadPagefind(bundlesFor(state, sessions)).catch((error: unknown) => generation === 1 && unavailable(error));
}

start();
