/**
 * The search page's Pagefind types and one result as a list item: title
 * linked to the paragraph that matched, category badge, unit, number, date and
 * 文号, and Pagefind's excerpt. DOM only; the pure logic is in src/lib/search.ts.
 */
import { categoryShortZh } from '../lib/labels.ts';
import { paragraphOf } from '../lib/search.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { id: string; location: number }[];
  locations: number[];
}
export interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
export interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o: object) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: object) => Promise<PagefindSearch | null>;
  /** Fetches the index chunks a search for these words needs, without searching. */
  preload: (q: string, o?: object) => Promise<void>;
  /** Lets go of the instance's indexes in Pagefind's worker. */
  destroy: () => Promise<void>;
}

function badge(category: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `badge badge-${category}`;
  const letter = document.createElement('span');
  letter.className = 'badge-letter';
  letter.textContent = categoryShortZh(category);
  span.append(letter);
  return span;
}

/** One result of the list. */
export function resultItem(d: PagefindResultData): HTMLLIElement {
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
  const isProposal = d.filters.type?.includes('proposal');
  const co = d.filters.role?.includes('co');
  if (d.meta.category) meta.append(badge(d.meta.category), ' ');
  const number = (d.meta.number ?? d.meta.proposalNumber)?.split(' ')[0];
  meta.append(
    [
      isProposal ? '提案' : d.meta.unit,
      co ? '协办意见' : isProposal ? undefined : '答复',
      number && `第 ${number} 号提案`,
      d.meta.date,
      d.meta.docNo,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  // Pagefind's excerpt is escaped text with <mark> around the matches.
  excerpt.innerHTML = d.excerpt;
  li.append(title, meta, excerpt);
  return li;
}
