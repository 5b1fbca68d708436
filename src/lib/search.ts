/**
 * Search: what each Pagefind record carries (filters, metadata, sort keys),
 * and the search page's state as it lives in the address
 * (`/search/?q=停车&category=A&unit=gaj`). Filter values are ids, so an
 * address stays valid when a name is reworded; the page shows their labels.
 */
import type { ProposalRow } from './browse.ts';
import type { PublishedEntryData } from './disclosure.ts';
import { categoryLabel, disclosureZh, roleZh } from './labels.ts';
import { categories } from './schemas/common.ts';

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
}

/** The search record of a published reply's page. */
export function replyRecord(reply: PublishedEntryData, proposal: ProposalRow, unitName: string): SearchRecord {
  const role = proposal.units.find((u) => u.unit === reply.unit)?.role ?? 'lead';
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
      ...(reply.category && { category: reply.category }),
      date: reply.repliedOn,
      ...(reply.docNo && { docNo: reply.docNo }),
    },
    sort: { date: reply.repliedOn },
  };
}

/** The search record of a proposal's page: its own text only; replies have records of their own. */
export function proposalRecord(proposal: ProposalRow, filedOn: string | undefined): SearchRecord {
  return {
    filters: {
      type: ['proposal'],
      session: [proposal.session],
      topic: proposal.topics,
      key: [proposal.key ? 'yes' : 'no'],
    },
    meta: { title: proposal.title, unit: '提案', ...(filedOn && { date: filedOn }) },
    sort: filedOn ? { date: filedOn } : {},
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
