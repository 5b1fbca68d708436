/**
 * The search page, a progressive enhancement of /search/: it reads the query
 * and filters from the address, asks Pagefind, and writes results, counts per
 * filter value and the address back, so a search can be shared and reloaded.
 * The logic that can be pure (address state, paragraph anchors) is in
 * src/lib/search.ts and unit-tested; this file only talks to the DOM.
 */
import { formatSearch, paragraphOf, parseSearch, searchFilters, type SearchState } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  anchors: { id: string; location: number }[];
  locations: number[];
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: object) => Promise<PagefindSearch | null>;
}

const PAGE = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filtersBox = document.querySelector<HTMLElement>('#search-filters')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const { labels, counts: initialCounts } = JSON.parse(document.querySelector('#search-labels')!.textContent!) as {
  labels: Record<string, Record<string, string>>;
  /** Counts of an empty search, computed at build time from the same records. */
  counts: Record<string, Record<string, number>>;
};

let pagefind: Pagefind;
/** The filter index is loaded after the first results are shown: they come sooner and with fewer bytes. */
let filtersLoaded: Promise<unknown> | undefined;
let current: PagefindSearch | null = null;
let shown = 0;
let generation = 0;

function label(key: string, value: string): string {
  return labels[key]?.[value] ?? value;
}

function stateFromForm(): SearchState {
  const filters: SearchState['filters'] = {};
  for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (filters[box.name as keyof SearchState['filters']] ??= []).push(box.value);
  }
  return { q: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'] };
}

function renderFilters(state: SearchState, counts: Record<string, Record<string, number>>) {
  filtersBox.replaceChildren();
  for (const { key, label: title } of searchFilters) {
    const chosen = state.filters[key] ?? [];
    // Values that would find nothing are left out, unless chosen (so they can be unticked).
    const values = Object.entries(counts[key] ?? {}).filter(([v, n]) => n > 0 || chosen.includes(v));
    for (const v of chosen) if (!values.some(([x]) => x === v)) values.push([v, 0]);
    if (values.length === 0) continue;
    values.sort((a, b) => b[1] - a[1] || label(key, a[0]).localeCompare(label(key, b[0]), 'zh'));
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = title;
    set.append(legend);
    for (const [value, count] of values) {
      const id = `f-${key}-${value}`;
      const box = Object.assign(document.createElement('input'), {
        type: 'checkbox',
        name: key,
        value,
        id,
        checked: chosen.includes(value),
      });
      const lab = document.createElement('label');
      lab.htmlFor = id;
      lab.append(box, ` ${label(key, value)} `);
      const n = document.createElement('span');
      n.className = 'count';
      n.textContent = String(count);
      lab.append(n);
      set.append(lab);
    }
    filtersBox.append(set);
  }
}

function badge(category: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `badge badge-${category}`;
  const letter = document.createElement('span');
  letter.className = 'badge-letter';
  letter.textContent = `${category} 类`;
  span.append(letter);
  return span;
}

async function showMore() {
  if (!current || more.disabled) return;
  more.disabled = true;
  const mine = generation;
  const batch = await Promise.all(current.results.slice(shown, shown + PAGE).map((r) => r.data()));
  if (mine !== generation) {
    more.disabled = false;
    return;
  }
  for (const d of batch) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    const para = paragraphOf(d.anchors, d.locations);
    a.href = para ? `${d.url}#${para}` : d.url;
    a.textContent = d.meta.title ?? d.url;
    const title = document.createElement('p');
    title.className = 'result-title';
    title.append(a);
    const meta = document.createElement('p');
    meta.className = 'result-meta';
    if (d.meta.category) meta.append(badge(d.meta.category), ' ');
    meta.append([d.meta.unit, d.meta.date, d.meta.docNo].filter(Boolean).join(' · '));
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    // Pagefind's excerpt is escaped text with <mark> around the matches.
    excerpt.innerHTML = d.excerpt;
    li.append(title, meta, excerpt);
    list.append(li);
  }
  shown += batch.length;
  more.disabled = false;
  more.hidden = shown >= current.results.length;
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
    renderFilters(state, initialCounts);
    status.textContent = '输入搜索词，或选择左侧的条件浏览答复和提案。';
    return;
  }
  status.textContent = '正在搜索…';
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v }]));
  const sort = state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : undefined;
  // Pagefind leaves out the counts per filter value when given an empty `filters` object.
  const options = { ...(hasFilters && { filters }), ...(sort && { sort }) };
  const search = await pagefind.search(state.q || null, options);
  if (mine !== generation) return;
  current = search;
  renderFilters(state, search?.filters ?? {});
  const n = search?.results.length ?? 0;
  const what = state.q ? `“${state.q}”` : '所选条件';
  await showMore();
  if (mine !== generation) return;
  // The status is announced last, once the results it counts are on the page.
  status.textContent =
    n === 0
      ? `没有找到与${what}匹配的答复或提案。可以换一个词（例如只用两个字），减少筛选条件，或者按单位、主题浏览。`
      : `找到 ${n} 条与${what}匹配的结果${state.sort === 'relevance' ? '，按相关程度排列' : state.sort === 'newest' ? '，新的在前' : '，早的在前'}。`;
  if (!filtersLoaded) {
    // Then the counts per filter value: Pagefind gives them once its filter index is loaded.
    filtersLoaded = pagefind.filters();
    await filtersLoaded;
    const counted = await pagefind.search(state.q || null, options);
    if (mine === generation) renderFilters(state, counted?.filters ?? {});
  }
}

function apply(state: SearchState) {
  input.value = state.q;
  sortSelect.value = state.sort;
}

async function start() {
  pagefind = (await import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`)) as Pagefind;
  await pagefind.options({ excerptLength: 40 });
  await pagefind.init();
  const state = parseSearch(location.search);
  // On an empty page, let Pagefind start its worker and load its WebAssembly and metadata while
  // the reader types (a query for a token no record has); with a query in the address, that query does it.
  if (!state.q && Object.keys(state.filters).length === 0) void pagefind.search('zzzzzz', {});
  document.querySelector('#search-app')!.removeAttribute('hidden');
  apply(state);
  await run(state, false);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(stateFromForm(), true);
  });
  filtersBox.addEventListener('change', () => void run(stateFromForm(), true));
  sortSelect.addEventListener('change', () => void run(stateFromForm(), true));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    const s = parseSearch(location.search);
    apply(s);
    void run(s, false);
  });
}

start().catch((error: unknown) => {
  status.textContent = `搜索暂时无法使用（${String(error)}）。请改用浏览页面。`;
});
