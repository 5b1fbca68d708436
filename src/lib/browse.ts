/**
 * Browsing proposals without JavaScript: one row per proposal with what the
 * lists show, and pre-computed facets (session, unit, topic, category, key)
 * with counts. Pure: it works on the disclosure gate's output only, so a
 * category counts only when the reply's category may be shown.
 */
import { isGraded, isPublished, type ProposalEntryData, type ReplyEntryData } from './disclosure.ts';
import { categoryLabel } from './labels.ts';
import { categories, type Category } from './model/schemas/common.ts';
import type { Session, Topic, Unit } from './model/schemas/index.ts';
import { compareProposals, compareSessionsDesc, unitSlots } from './views.ts';

export interface ProposalRow {
  id: string;
  session: string;
  number: string;
  title: string;
  kind: ProposalEntryData['data']['kind'];
  proposers: string[];
  /** The source says 等 after the named proposers. */
  andOthers?: boolean;
  topics: string[];
  units: ProposalEntryData['data']['units'];
  key?: ProposalEntryData['data']['key'];
  /** Categories of the replies whose category may be shown (published or withheld), in unit order. */
  categories: Category[];
  /** The same replies with their unit, so a list can say whose each category is (`市发展改革委 A 类`). */
  graded: { unit: string; category: Category }[];
  /** Replies published in full or as summary. */
  published: number;
}

export function proposalRows(
  proposals: ProposalEntryData[],
  repliesByProposal: Map<string, ReplyEntryData[]>,
): ProposalRow[] {
  return proposals
    .map((p) => {
      const replies = repliesByProposal.get(p.id) ?? [];
      // In the proposal's reading order: lead, then co, then split.
      const shown = unitSlots({ id: p.id, units: p.data.units }, replies)
        .map((s) => s.reply)
        .filter((r) => r !== undefined)
        .filter(isGraded);
      return {
        id: p.id,
        session: p.session,
        number: p.number,
        title: p.data.title,
        kind: p.data.kind,
        proposers: p.data.proposers,
        ...(p.data.andOthers && { andOthers: true }),
        topics: p.data.topics,
        units: p.data.units,
        ...(p.data.key && { key: p.data.key }),
        categories: shown.map((r) => r.category),
        graded: shown.map((r) => ({ unit: r.unit, category: r.category })),
        published: replies.filter(isPublished).length,
      };
    })
    .sort(compareProposals);
}

export type FacetName = 'session' | 'unit' | 'topic' | 'category' | 'key';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facet {
  name: FacetName;
  label: string;
  values: FacetValue[];
}

/** Does `row` belong under `facet` = `value`? */
export function matches(row: ProposalRow, facet: FacetName, value: string): boolean {
  switch (facet) {
    case 'session':
      return row.session === value;
    case 'unit':
      return row.units.some((u) => u.unit === value);
    case 'topic':
      return row.topics.includes(value);
    case 'category':
      return row.categories.includes(value as Category);
    case 'key':
      return value === 'yes' && row.key !== undefined;
  }
}

/** Every facet with the count of rows under each value; values with no rows are left out. */
export function facets(
  rows: ProposalRow[],
  lists: { sessions: Map<string, Session>; units: Map<string, Unit>; topics: Map<string, Topic> },
): Facet[] {
  const count = (facet: FacetName, value: string) => rows.filter((r) => matches(r, facet, value)).length;
  const build = (name: FacetName, label: string, values: { value: string; label: string }[]): Facet => ({
    name,
    label,
    values: values.map((v) => ({ ...v, count: count(name, v.value) })).filter((v) => v.count > 0),
  });
  const byCount = (f: Facet): Facet => ({
    ...f,
    values: [...f.values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  });
  return [
    build(
      'session',
      '会议',
      [...lists.sessions.values()]
        .sort((a, b) => compareSessionsDesc(a.id, b.id))
        .map((s) => ({ value: s.id, label: s.name })),
    ),
    build(
      'category',
      '办理结果',
      categories.map((c) => ({ value: c, label: categoryLabel(c) })),
    ),
    build('key', '重点提案', [{ value: 'yes', label: '重点提案' }]),
    byCount(
      build(
        'unit',
        '答复单位',
        [...lists.units.values()].map((u) => ({ value: u.id, label: u.name })),
      ),
    ),
    byCount(
      build(
        'topic',
        '主题',
        [...lists.topics.values()].map((t) => ({ value: t.id, label: t.name })),
      ),
    ),
  ];
}

/** Split a list into pages of `size` (at least one page, even when empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
