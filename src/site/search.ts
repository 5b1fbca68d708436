/**
 * `/search/`: the filter panel (groups, values and the counts of an empty
 * search, from the same records the pages give Pagefind), the labels the
 * script shows, and the topics listed for readers without JavaScript.
 */
import { isPublished } from '../lib/disclosure.ts';
import { filterCounts, filterGroups, fixedLabels, proposalRecord, replyRecord } from '../lib/search.ts';
import { topicUrl } from '../lib/urls.ts';
import type { Corpus } from './corpus.ts';
import { scriptJson } from '../lib/xml.ts';

/** The copy of `pagefind.js` a search over every session loads: the first session's, in the order the page sorts them. */
export function pagefindModule(sessions: string[]): string | undefined {
  const first = [...sessions].sort()[0];
  return first && `/pagefind/${first}/pagefind.js`;
}

export function searchPage(data: Corpus) {
  const names = (m: Map<string, { id: string; name: string }>) =>
    Object.fromEntries([...m.values()].map((x) => [x.id, x.name]));
  const labels = { ...fixedLabels, unit: names(data.units), session: names(data.sessions), topic: names(data.topics) };
  const counts = filterCounts([
    ...data.replies.filter(isPublished).map((r) => replyRecord(r, data.rowsById.get(r.proposal)!, data)),
    ...data.rows.map((row) => proposalRecord(row, data.proposals.get(row.id)!.data.filedOn, data)),
  ]);
  return {
    groups: filterGroups(counts, labels),
    topics: [...data.topics.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map((t) => ({ href: topicUrl(t.id), name: t.name })),
    // A data block, never executed; `<` escaped so no text can close the element.
    labelsJson: scriptJson({ labels, counts }),
    /**
     * Pagefind's script, the same file in every session's bundle: the copy a search over every session imports,
     * so the page can ask for it in its own HTML, before the search script runs.
     */
    pagefindModule: pagefindModule(Object.keys(counts.session ?? {}).filter((s) => (counts.session?.[s] ?? 0) > 0)),
  };
}
