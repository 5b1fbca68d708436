/**
 * Proposer pages: every member, committee, party, group and sector with their
 * proposals and what became of them. Pure, over the disclosure gate's output:
 * a category counts only when it may be shown (published or withheld), and a
 * reply not yet published is only counted, never described.
 */
import { isGraded, isPublished, isWithheld, type ReplyEntryData } from '../disclosure.ts';
import { percent } from '../ledger.ts';
import { categories, type Category } from '../model/schemas/common.ts';
import { proposerKinds, type Proposer, type ProposerKind } from '../model/schemas/registry.ts';
import { proposerKindZh } from '../labels.ts';
import { compareProposals } from '../views.ts';

/** A proposal as these pages need it. */
export interface ProposalLike {
  id: string;
  session: string;
  number: string;
  title: string;
  proposers: string[];
  key?: object;
}

export interface ProposerSummary {
  id: string;
  name: string;
  kind: ProposerKind;
  sector?: string;
  /** Proposals naming them, newest session first. */
  proposals: string[];
  /** Of those, first-named (领衔). */
  first: number;
  key: string[];
  /** Replies to their proposals by category (only categories that may be shown). */
  categories: Record<Category, number>;
  graded: number;
  /** Share of A among graded replies, two decimals; null when none is graded. */
  aShare: number | null;
  /** Replies by disclosure state: published (full or summary), withheld, not yet published. */
  published: number;
  withheld: number;
  unpublished: number;
  /** Sessions they filed in, newest first (distinct). */
  sessions: string[];
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
/** By name in pinyin order, ties by id: the same on every build (the pinned Node carries full ICU). */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function proposerSummaries(
  proposers: readonly Proposer[],
  proposals: readonly ProposalLike[],
  repliesByProposal: ReadonlyMap<string, readonly ReplyEntryData[]>,
): ProposerSummary[] {
  const byProposer = new Map<string, ProposalLike[]>();
  for (const p of proposals) {
    for (const id of new Set(p.proposers)) {
      const l = byProposer.get(id);
      if (l) l.push(p);
      else byProposer.set(id, [p]);
    }
  }
  return proposers
    .map((who) => {
      const list = [...(byProposer.get(who.id) ?? [])].sort(compareProposals);
      const counts: Record<Category, number> = { A: 0, B: 0, C: 0, D: 0 };
      let published = 0;
      let withheld = 0;
      let unpublished = 0;
      for (const p of list) {
        for (const r of repliesByProposal.get(p.id) ?? []) {
          if (isGraded(r)) counts[r.category]++;
          if (isPublished(r)) published++;
          else if (isWithheld(r)) withheld++;
          else unpublished++;
        }
      }
      const graded = categories.reduce((s, c) => s + counts[c], 0);
      return {
        id: who.id,
        name: who.name,
        kind: who.kind,
        ...(who.sector !== undefined && { sector: who.sector }),
        proposals: list.map((p) => p.id),
        first: list.filter((p) => p.proposers[0] === who.id).length,
        key: list.filter((p) => p.key !== undefined).map((p) => p.id),
        categories: counts,
        graded,
        aShare: graded ? percent(counts.A, graded) : null,
        published,
        withheld,
        unpublished,
        sessions: [...new Set(list.map((p) => p.session))],
      };
    })
    .sort(byName);
}

/** The pre-rendered orders of the listing (`/proposers/by/<order>/`), besides the default by kind. */
export const proposerOrders = {
  count: {
    label: '按提案数',
    sort: (a: ProposerSummary, b: ProposerSummary) => b.proposals.length - a.proposals.length || byName(a, b),
  },
  'a-share': {
    label: '按 A 类占比',
    sort: (a: ProposerSummary, b: ProposerSummary) =>
      (b.aShare ?? -1) - (a.aShare ?? -1) || b.graded - a.graded || byName(a, b),
  },
  name: { label: '按名称', sort: byName },
  sector: { label: '按界别', sort: (a: ProposerSummary, b: ProposerSummary) => byName(a, b) },
} as const;
export type ProposerOrder = keyof typeof proposerOrders;

/** Proposers grouped by kind (in the schema's `proposerKinds` order), each group by name; empty kinds left out. */
export function byKind(
  list: readonly ProposerSummary[],
): { kind: ProposerKind; label: string; items: ProposerSummary[] }[] {
  return proposerKinds
    .map((kind) => ({ kind, label: proposerKindZh[kind], items: list.filter((p) => p.kind === kind).sort(byName) }))
    .filter((g) => g.items.length > 0);
}

/**
 * Proposers grouped by sector (界别): a member under their `sector`, a sector
 * under its own name; those with no sector last, under 未注明界别.
 */
export function bySector(list: readonly ProposerSummary[]): { sector: string; items: ProposerSummary[] }[] {
  const out = new Map<string, ProposerSummary[]>();
  for (const p of list) {
    const s = p.kind === 'sector' ? p.name : (p.sector ?? '');
    const l = out.get(s);
    if (l) l.push(p);
    else out.set(s, [p]);
  }
  return [...out.entries()]
    .map(([sector, items]) => ({ sector: sector || '未注明界别', named: sector !== '', items: items.sort(byName) }))
    .sort((a, b) => Number(b.named) - Number(a.named) || collator.compare(a.sector, b.sector))
    .map(({ sector, items }) => ({ sector, items }));
}
