/**
 * Search: what each Pagefind record carries (filters, metadata, sort keys),
 * and the search page's state as it lives in the address
 * (`/search/?q=停车&category=A&unit=gaj`). Filter values are ids, so an
 * address stays valid when a name is reworded; the page shows their labels.
 */
import type { ProposalRow } from './browse.ts';
import type { PublishedEntryData } from './disclosure.ts';
import { categoryLabel, disclosureZh, roleZh } from './labels.ts';
import { categories } from './model/schemas/values.ts';

/** The filters, in the order the search page shows them. */
export const searchFilters = [
  { key: 'type', label: '类型' },
  { key: 'category', label: '办理结果' },
  { key: 'unit', label: '答复单位' },
  { key: 'session', label: '会议' },
  { key: 'topic', label: '主题' },
  { key: 'role', label: '办理方式' },
  { key: 'key', label: '重点提案' },
  { key: 'disclosure', label: '公开方式' },
  { key: 'year', label: '答复年份' },
] as const;
export type FilterKey = (typeof searchFilters)[number]['key'];
const filterKeys = new Set<string>(searchFilters.map((f) => f.key));

export interface SearchRecord {
  filters: Partial<Record<FilterKey, string[]>>;
  meta: Record<string, string>;
  sort: Record<string, string>;
  /**
   * Weight of the record's text (Pagefind's `data-pagefind-weight`): a co-unit's
   * opinion (协办意见) counts half, so for equal relevance the proposal and the
   * lead or split unit's reply rank above it.
   */
  weight: number;
}

/** The names a record is found by, besides its text: lists' names by id. */
export interface SearchNames {
  units: ReadonlyMap<string, { name: string; fullName?: string }>;
  topics: ReadonlyMap<string, { name: string }>;
  proposers: ReadonlyMap<string, { name: string }>;
}

/**
 * Metadata fields that Pagefind searches besides the text, with their weights
 * (Pagefind's `ranking.metaWeights`; a field not listed weighs 1). A proposal's
 * number weighs most on the proposal itself; its replies carry it as
 * `proposalNumber`, lighter, so `第20210099号` finds the proposal first.
 */
export const metaWeights: Record<string, number> = {
  title: 5,
  number: 10,
  proposalNumber: 3,
  doc: 5,
  units: 3,
  topics: 2,
  proposers: 4,
  proposalProposers: 1,
};

/** A proposal number as people write it (`20210099`, `第20210099号`, `20210099号`), in words as a query is cut. */
export function numberForms(number: string): string {
  return searchWords(`${number} 第${number}号 ${number}号`);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/**
 * Texts already cut. The same names (units, topics, proposers) recur in thousands of records, and each record
 * is cut several times a build (the search page's counts, a page's cache key, the page): the segmenter was
 * 2.4 s of a 10,000-reply rebuild's CPU.
 */
const cut = new Map<string, string>();

/**
 * Names as the search box will split a query: words separated by spaces, as
 * the browser's `Intl.Segmenter` cuts them (`深圳市民政局` → `深圳 市 民政局`).
 * Pagefind's indexer would otherwise cut a run of Chinese its own way
 * (`市民 政局`) and a query for `市民政局` would never meet it.
 */
export function searchWords(text: string): string {
  let words = cut.get(text);
  if (words === undefined) {
    words = [...segmenter.segment(text)]
      .filter((s) => s.isWordLike)
      .map((s) => s.segment)
      .join(' ');
    cut.set(text, words);
  }
  return words;
}

const names = (ids: readonly string[], list: ReadonlyMap<string, { name: string }>) =>
  searchWords(ids.map((id) => list.get(id)?.name ?? id).join('、'));

/** What a reply and its proposal are both found by: the proposal's topics and proposers (on a reply, lighter). */
function proposalMeta(proposal: ProposalRow, n: SearchNames, onReply: boolean) {
  const proposers = names(proposal.proposers, n.proposers);
  return { topics: names(proposal.topics, n.topics), ...(onReply ? { proposalProposers: proposers } : { proposers }) };
}

/** The search record of a published reply's page. */
export function replyRecord(reply: PublishedEntryData, proposal: ProposalRow, n: SearchNames): SearchRecord {
  const role = proposal.units.find((u) => u.unit === reply.unit)?.role ?? 'lead';
  const unit = n.units.get(reply.unit);
  const unitName = unit?.name ?? reply.unit;
  return {
    filters: {
      type: ['reply'],
      ...(reply.category && { category: [reply.category] }),
      unit: [reply.unit],
      session: [reply.session],
      topic: proposal.topics,
      role: [role],
      key: [proposal.key ? 'yes' : 'no'],
      disclosure: [reply.disclosure],
      year: [reply.repliedOn.slice(0, 4)],
    },
    meta: {
      title: `${unitName}：${proposal.title}`,
      unit: unitName,
      units: searchWords(unit?.fullName ? `${unitName} ${unit.fullName}` : unitName),
      ...(reply.category && { category: reply.category }),
      date: reply.repliedOn,
      ...(reply.docNo && { docNo: reply.docNo, doc: searchWords(reply.docNo) }),
      proposalNumber: numberForms(reply.number),
      ...proposalMeta(proposal, n, true),
    },
    sort: { date: reply.repliedOn },
    weight: role === 'co' ? 0.5 : 1,
  };
}

/** The search record of a proposal's page: its own text only; replies have records of their own. */
export function proposalRecord(proposal: ProposalRow, filedOn: string | undefined, n: SearchNames): SearchRecord {
  return {
    filters: {
      type: ['proposal'],
      session: [proposal.session],
      topic: proposal.topics,
      key: [proposal.key ? 'yes' : 'no'],
    },
    meta: {
      title: proposal.title,
      number: numberForms(proposal.number),
      ...proposalMeta(proposal, n, false),
      ...(filedOn && { date: filedOn }),
    },
    sort: filedOn ? { date: filedOn } : {},
    weight: 1,
  };
}

/** Labels of the filter values that are not ids of a list (lists' names are added by the page). */
export const fixedLabels: Record<string, Record<string, string>> = {
  type: { reply: '答复', proposal: '提案' },
  category: Object.fromEntries(categories.map((c) => [c, categoryLabel(c)])),
  role: roleZh,
  key: { yes: '重点提案', no: '非重点提案' },
  disclosure: disclosureZh,
};

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortOrder;
}

/** Read the state from an address's query string; unknown parameters are ignored. */
export function parseSearch(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    if (!filterKeys.has(key) || value === '') continue;
    const list = (filters[key as FilterKey] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** The query string of a state, in a stable order: `q`, the filters as listed, then `sort`. */
export function formatSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of searchFilters) for (const v of [...(state.filters[key] ?? [])].sort()) params.append(key, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The paragraph of the first match inside the text: the last `pN` anchor at
 * or before the first matched word that is past the first paragraph anchor
 * (matches in the title come first and belong to no paragraph), so a result
 * can link to `…/fgw/#p3`.
 */
export function paragraphOf(anchors: { id: string; location: number }[], locations: number[]): string | undefined {
  const paragraphs = anchors.filter((a) => /^p\d+$/.test(a.id)).sort((a, b) => a.location - b.location);
  if (paragraphs.length === 0) return undefined;
  const match = [...locations].sort((a, b) => a - b).find((l) => l >= paragraphs[0].location);
  if (match === undefined) return undefined;
  return paragraphs.filter((a) => a.location <= match).at(-1)?.id;
}

/**
 * Counts per filter value over a set of records, as Pagefind counts them for
 * an empty query: the search page shows them before loading Pagefind's filter
 * index (whose counting slows a first query by about half a second).
 */
export function filterCounts(records: SearchRecord[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const record of records) {
    for (const [key, values] of Object.entries(record.filters)) {
      const counts = (out[key] ??= {});
      for (const v of values ?? []) counts[v] = (counts[v] ?? 0) + 1;
    }
  }
  return out;
}

export interface FilterGroup {
  key: FilterKey;
  label: string;
  values: { value: string; label: string; count: number }[];
}

/**
 * The search page's filter panel, rendered once at build time: every value
 * that has a record, most records first. The page never rebuilds it (so focus
 * stays on the box a reader ticked); it only updates counts and disables the
 * values that would find nothing.
 */
export function filterGroups(
  counts: Record<string, Record<string, number>>,
  labels: Record<string, Record<string, string>>,
): FilterGroup[] {
  return searchFilters
    .map(({ key, label }) => ({
      key,
      label,
      values: Object.entries(counts[key] ?? {})
        .filter(([, n]) => n > 0)
        .map(([value, count]) => ({ value, label: labels[key]?.[value] ?? value, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh')),
    }))
    .filter((g) => g.values.length > 0);
}

/** A chosen filter value in words, for chips and messages: `办理结果：B 类 · 正在解决或列入计划`. */
export function chosenLabels(
  state: SearchState,
  labels: Record<string, Record<string, string>>,
): { key: FilterKey; value: string; text: string }[] {
  return searchFilters.flatMap(({ key, label }) =>
    (state.filters[key] ?? []).map((value) => ({ key, value, text: `${label}：${labels[key]?.[value] ?? value}` })),
  );
}

/**
 * Topics a query names (`养老` → 养老服务): the query is part of the topic's
 * name or the name part of the query. Offered when filters leave nothing.
 */
export function topicsNamed(q: string, topics: Record<string, string>): { id: string; name: string }[] {
  const t = q.trim();
  if (t.length < 2) return [];
  return Object.entries(topics)
    .filter(([, name]) => name.includes(t) || t.includes(name))
    .map(([id, name]) => ({ id, name }));
}

/**
 * The Pagefind bundles (one per session, at /pagefind/<session>/) a search
 * needs: with a session filter, only the chosen sessions' bundles; without,
 * every session's. `sessions` are the sessions that have records.
 */
export function bundlesFor(state: SearchState, sessions: string[]): string[] {
  const chosen = state.filters.session?.filter((s) => sessions.includes(s)) ?? [];
  return chosen.length ? sessions.filter((s) => chosen.includes(s)) : sessions;
}
