/**
 * The proposal listings: all proposals in pages (`/proposals/`), the pages of
 * one facet value (`/proposals/filter/<facet>/<value>/`), the key proposals
 * by supervisor (`/key/`), topics and sessions with their proposals.
 */
import { sessionCharts, topicChart } from '../charts/index.ts';
import { matches, paginate, type ProposalRow } from '../lib/browse.ts';
import { keySupervisorZh } from '../lib/labels.ts';
import { listUrl, sessionUrl, topicUrl } from '../lib/urls.ts';
import { compareSessionsDesc, groupBy } from '../lib/views.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';
import { sessionCsvPath } from './open-data.ts';
import { recurringMatters } from './outcomes.ts';

/** Proposals per page of a listing. */
export const PAGE_SIZE = 50;

/** A listing's pages: params and props for getStaticPaths (the first page has no number in its address). */
function pages<P extends object>(rows: ProposalRow[], params: P) {
  return paginate(rows, PAGE_SIZE).map((items, i, all) => ({
    params: { ...params, page: i === 0 ? undefined : String(i + 1) },
    props: { items, current: i + 1, total: all.length },
  }));
}

/** `/proposals/`, `/proposals/2/`, …: every proposal, newest session first. */
export const proposalPages = (data: Corpus) => pages(data.rows, {});

/** `/proposals/filter/<facet>/<value>/…`: the proposals under each facet value. */
export const facetPages = (data: Corpus) =>
  data.facets.flatMap((f) =>
    f.values.flatMap((v) =>
      pages(
        data.rows.filter((r) => matches(r, f.name, v.value)),
        { facet: f.name, value: v.value },
      ).map((p) => ({ ...p, props: { ...p.props, facetLabel: f.label, valueLabel: v.label, count: v.count } })),
    ),
  );

/** `（第 2 页）` after a title, on every page but the first. */
export const pageSuffix = (current: number) => (current > 1 ? `（第 ${current} 页）` : '');

/** `/key/`: key proposals grouped by who supervises them. */
export function keyPage(data: Corpus) {
  const rows = data.rows.filter((r) => r.key);
  return { rows, bySupervisor: [...groupBy(rows, (r) => keySupervisorZh(r.key!))] };
}

/** Topics with at least one proposal, most proposals first. */
export function topicsIndex(data: Corpus) {
  return [...data.topics.values()]
    .map((t) => ({ topic: t, href: topicUrl(t.id), count: data.rows.filter((r) => r.topics.includes(t.id)).length }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.topic.id.localeCompare(b.topic.id));
}

/** `/topics/<id>/`: its proposals (the first 50) and replies, and its chart. */
export function topicPage(data: Corpus, a: Accountability, id: string) {
  const topic = data.topics.get(id)!;
  const rows = data.rows.filter((r) => r.topics.includes(topic.id));
  const replies = rows.flatMap((r) => data.repliesByProposal.get(r.id) ?? []);
  return {
    topic,
    trail: [{ href: '/topics/', label: '主题' }, { label: topic.name }],
    count: rows.length,
    replies: replies.length,
    chart: topicChart(topic.id, topic.name, data.chartData),
    recurring: recurringMatters(data, a, topic.id),
    shown: rows.slice(0, 50),
    all: listUrl({ facet: 'topic', value: topic.id }),
  };
}

/** Sessions, newest first, with their proposal counts. */
export function sessionsIndex(data: Corpus) {
  return [...data.sessions.values()]
    .sort((a, b) => compareSessionsDesc(a.id, b.id))
    .map((s) => ({ session: s, href: sessionUrl(s.id), count: data.rows.filter((r) => r.session === s.id).length }));
}

/** `/sessions/<id>/`: its figures, charts and key proposals. */
export function sessionPage(data: Corpus, id: string) {
  const session = data.sessions.get(id)!;
  const rows = data.rows.filter((r) => r.session === session.id);
  return {
    session,
    trail: [{ href: '/sessions/', label: '会议' }, { label: session.name }],
    count: rows.length,
    list: listUrl({ facet: 'session', value: session.id }),
    csv: sessionCsvPath(session.id),
    held: data.repliesBySession.get(session.id) ?? [],
    charts: sessionCharts(session, data.chartData),
    keyRows: rows.filter((r) => r.key),
  };
}
