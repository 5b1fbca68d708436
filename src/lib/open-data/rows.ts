/**
 * The tables' rows, built from the disclosure gate's output only. Each row
 * carries readable labels beside its codes and the joins a journalist would
 * otherwise make by hand (session name, proposal title, topics, proposers,
 * supervisor, filing date, days to reply). Rows filter by state again
 * (defence in depth): an unpublished reply passed in by mistake is dropped
 * and a withheld one never carries text.
 */
import { daysBetween } from '../dates.ts';
import { isPublished, isWithheld, type ProposalEntryData, type ReplyEntryData } from '../disclosure.ts';
import {
  categoryZh,
  disclosureZh,
  feedbackZh,
  proposalKindZh,
  roleZh,
  unitKindZh,
  withheldReasonZh,
} from '../labels.ts';
import type { Proposer, Topic, Unit } from '../model/schemas/registry.ts';
import { absoluteUrl, proposalUrl, replyUrl, unitUrl } from '../urls.ts';
import { compareProposals } from '../views.ts';
import { LIST_SEPARATOR } from './table-schema.ts';
import { type ProposalDataRow, type ReplyDataRow, type UnitDataRow, type WithheldDataRow } from './fields.ts';
import { textFromHtml, textFromMarkdown } from '../plain-text.ts';

/** What the rows need besides the replies themselves. */
export interface ExportLookups {
  /** The site's absolute address, e.g. https://replies.example.org. */
  siteUrl: string;
  proposals: Map<string, ProposalEntryData>;
  units: Map<string, Unit>;
  /** Session id → its name (市政协七届一次会议). */
  sessions: Map<string, { name: string }>;
  proposers: Map<string, Proposer>;
  topics: Map<string, Topic>;
  /**
   * The rendered HTML of a reply or proposal by id, when the caller has it
   * (the collections store it); otherwise the body is rendered again here.
   */
  html?: (id: string) => string | undefined;
}

export interface ProposalLookups extends ExportLookups {
  /** Every reply (the gate's output): only published ones are counted. */
  replies: readonly ReplyEntryData[];
}

const published = (replies: readonly ReplyEntryData[]) => replies.filter(isPublished);
const withheld = (replies: readonly ReplyEntryData[]) => replies.filter(isWithheld);

/** Newest session first, then by number, then by unit id: the same order every build. */
function byReply(a: { session: string; number: string; unit: string }, b: typeof a): number {
  return compareProposals(a, b) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}

function lookup<T>(map: Map<string, T>, id: string, what: string, of: string): T {
  const v = map.get(id);
  if (v === undefined) throw new Error(`导出数据时找不到${what} "${id}"（${of}）`);
  return v;
}

function plain(lookups: ExportLookups, id: string, markdown: string): string {
  const html = lookups.html?.(id);
  return html !== undefined ? textFromHtml(html) : textFromMarkdown(markdown);
}

/** What every row about a proposal shares. */
function proposalJoins(p: ProposalEntryData, lookups: ExportLookups) {
  const d = p.data;
  return {
    session_name: lookup(lookups.sessions, p.session, '会次', p.id).name,
    proposers: d.proposers.map((id) => lookup(lookups.proposers, id, '提案者', p.id).name).join(LIST_SEPARATOR),
    topics: d.topics.map((id) => lookup(lookups.topics, id, '主题', p.id).name).join(LIST_SEPARATOR) || null,
    key: d.key !== undefined,
    supervisor: d.key?.supervisor ?? null,
    supervisor_title: d.key?.supervisorTitle ?? null,
    filed_on: d.filedOn ?? null,
  };
}

/** One row per published reply; anything else passed in is dropped. */
export function replyRows(replies: readonly ReplyEntryData[], lookups: ExportLookups): ReplyDataRow[] {
  return published(replies)
    .sort(byReply)
    .map((r) => {
      const p = lookup(lookups.proposals, r.proposal, '提案', r.id);
      const u = lookup(lookups.units, r.unit, '单位', r.id);
      const role = p.data.units.find((a) => a.unit === r.unit)?.role;
      if (role === undefined) throw new Error(`导出数据时单位 "${r.unit}" 不在提案 ${p.id} 的答复单位中`);
      const j = proposalJoins(p, lookups);
      const category = r.category ?? null;
      return {
        id: r.id,
        proposal: r.proposal,
        session: r.session,
        session_name: j.session_name,
        number: r.number,
        proposal_title: p.data.title,
        title: r.title ?? null,
        unit: r.unit,
        unit_name: u.name,
        role,
        role_label: roleZh[role],
        category,
        category_label: category === null ? null : categoryZh[category],
        replied_on: r.repliedOn,
        published_on: r.publishedOn,
        filed_on: j.filed_on,
        days_to_reply: j.filed_on === null ? null : daysBetween(j.filed_on, r.repliedOn),
        doc_no: r.docNo ?? null,
        index_no: r.indexNo ?? null,
        signed_by: r.signedBy ?? null,
        disclosure: r.disclosure,
        disclosure_label: disclosureZh[r.disclosure],
        feedback: r.feedback ?? null,
        feedback_label: r.feedback ? feedbackZh[r.feedback] : null,
        corrections: r.corrections.length,
        key: j.key,
        supervisor: j.supervisor,
        supervisor_title: j.supervisor_title,
        topics: j.topics,
        proposers: j.proposers,
        url: absoluteUrl(lookups.siteUrl, replyUrl(r.session, r.number, r.unit)),
        text: plain(lookups, r.id, r.body),
        text_markdown: r.body.trim(),
      };
    });
}

/** One row per proposal, with the count of its published replies. */
export function proposalRows(proposals: readonly ProposalEntryData[], lookups: ProposalLookups): ProposalDataRow[] {
  const publishedCount = new Map<string, number>();
  for (const r of published(lookups.replies)) publishedCount.set(r.proposal, (publishedCount.get(r.proposal) ?? 0) + 1);
  return [...proposals].sort(compareProposals).map((p) => {
    const d = p.data;
    const j = proposalJoins(p, lookups);
    return {
      id: p.id,
      session: p.session,
      session_name: j.session_name,
      number: p.number,
      title: d.title,
      kind: d.kind,
      kind_label: proposalKindZh[d.kind],
      proposers: j.proposers,
      proposers_and_others: d.andOthers === true,
      topics: j.topics,
      units: d.units.map((a) => a.unit).join(LIST_SEPARATOR),
      unit_names: d.units
        .map((a) => `${lookup(lookups.units, a.unit, '单位', p.id).name}（${roleZh[a.role]}）`)
        .join(LIST_SEPARATOR),
      key: j.key,
      key_supervisor: j.supervisor,
      key_supervisor_title: j.supervisor_title,
      filed_on: j.filed_on,
      published_replies: publishedCount.get(p.id) ?? 0,
      url: absoluteUrl(lookups.siteUrl, proposalUrl(p.session, p.number)),
      text: plain(lookups, p.id, p.body),
      text_markdown: p.body.trim(),
    };
  });
}

/**
 * One row per unit, in the order of `units.yaml`, with its counts. Counted
 * from the gate's output: `replies` is published + withheld; replies not yet
 * published are not counted here.
 */
export function unitRows(units: readonly Unit[], replies: readonly ReplyEntryData[], siteUrl: string): UnitDataRow[] {
  const count = (list: { unit: string }[]) => {
    const m = new Map<string, number>();
    for (const r of list) m.set(r.unit, (m.get(r.unit) ?? 0) + 1);
    return m;
  };
  const pub = count(published(replies));
  const wh = count(withheld(replies));
  return units.map((u) => {
    const p = pub.get(u.id) ?? 0;
    const w = wh.get(u.id) ?? 0;
    return {
      id: u.id,
      name: u.name,
      full_name: u.fullName ?? null,
      kind: u.kind,
      kind_label: unitKindZh[u.kind],
      replies: p + w,
      published: p,
      withheld: w,
      url: absoluteUrl(siteUrl, unitUrl(u.id)),
    };
  });
}

/** One row per withheld reply: metadata only. Published and unpublished replies are dropped. */
export function withheldRows(replies: readonly ReplyEntryData[], lookups: ExportLookups): WithheldDataRow[] {
  return withheld(replies)
    .sort(byReply)
    .map((r) => {
      const p = lookup(lookups.proposals, r.proposal, '提案', r.id);
      const role = p.data.units.find((a) => a.unit === r.unit)?.role;
      if (role === undefined) throw new Error(`导出数据时单位 "${r.unit}" 不在提案 ${p.id} 的答复单位中`);
      const category = r.category ?? null;
      return {
        id: r.id,
        proposal: r.proposal,
        session: r.session,
        session_name: lookup(lookups.sessions, r.session, '会次', r.id).name,
        number: r.number,
        proposal_title: p.data.title,
        unit: r.unit,
        unit_name: lookup(lookups.units, r.unit, '单位', r.id).name,
        role,
        role_label: roleZh[role],
        category,
        category_label: category === null ? null : categoryZh[category],
        withheld_reason: r.withheldReason,
        withheld_reason_label: withheldReasonZh[r.withheldReason],
        url: absoluteUrl(lookups.siteUrl, proposalUrl(r.session, r.number)),
      };
    });
}
