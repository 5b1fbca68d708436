/**
 * Charts of the accountability pages: outcomes of a proposer's proposals,
 * overdue commitments by unit, near-identical replies (相似答复) by unit, and
 * feedback by unit and session. Each is a ChartSpec (SVG + table + CSV),
 * built from the disclosure gate's output through src/lib/accountability.
 */
import type { ReplyEntryData } from '../../lib/disclosure.ts';
import { formatDateZh } from '../../lib/dates.ts';
import { commitmentsBy, type CommitmentItem } from '../../lib/accountability/commitments.ts';
import type { ProposerSummary } from '../../lib/accountability/proposers.ts';
import { NEAR_IDENTICAL, type SimilarShareRow } from '../../lib/accountability/related.ts';
import { satisfactionBy, type SatisfactionRow } from '../../lib/accountability/satisfaction.ts';
import { barChart } from '../marks/index.ts';
import type { Named } from '../transforms/index.ts';
import { categoryChart, drawn, type ChartData, type ChartSpec } from './common.ts';

const pct = (share: number) => `${share.toFixed(2)}%`;
const name = (m: ReadonlyMap<string, Named>, id: string) => m.get(id)?.name ?? id;

/** What the accountability charts need besides ChartData. */
export interface AccountabilityChartData {
  proposers: readonly ProposerSummary[];
  commitments: readonly CommitmentItem[];
  similar: readonly SimilarShareRow[];
}

/** The outcomes (A–D) of the replies to one proposer's proposals. */
export function proposerChart(p: ProposerSummary, d: ChartData): ChartSpec {
  const ids = new Set(p.proposals);
  const replies: ReplyEntryData[] = [];
  for (const id of ids) replies.push(...(d.repliesByProposal.get(id) ?? []));
  return categoryChart(
    `proposer-${p.id}-categories`,
    `${p.name}所提提案的办理结果`,
    replies,
    `来源：本站收录的答复，截至 ${formatDateZh(d.buildDate)}；类别只计已公开和不予公开的答复。`,
  );
}

/** Overdue commitments by unit: open, with `due` before the build date. */
export function overdueChart(items: readonly CommitmentItem[], d: ChartData): ChartSpec {
  const rows = commitmentsBy(items, 'unit').filter((r) => r.overdue > 0);
  const id = 'commitments-overdue-units';
  const title = '各单位逾期未完成的承诺';
  const top = rows[0];
  return {
    id,
    title,
    reading: top
      ? `逾期承诺最多的是${name(d.units, top.id)}（${top.overdue} 项，共作出 ${top.total} 项承诺）。`
      : '没有逾期的承诺。',
    source: `来源：本站已公开答复中的承诺，截至 ${formatDateZh(d.buildDate)}；逾期指状态仍为进行中而期限已过。`,
    ...drawn({ id, title }, (o) =>
      barChart(
        rows.map((r) => ({
          label: name(d.units, r.id),
          count: r.overdue,
          // Short enough for a phone's chart; the statuses are in the lists below and the commitments table.
          valueLabel: `${r.overdue}／共 ${r.total}`,
        })),
        o,
      ),
    ),
    columns: [
      { key: 'label', label: '单位' },
      { key: 'overdue', label: '已逾期', numeric: true },
      { key: 'total', label: '承诺合计', numeric: true },
    ],
    rows: rows.map((r) => ({ label: name(d.units, r.id), overdue: r.overdue, total: r.total })),
  };
}

/** The share of each unit's published replies nearly identical to another of its replies. */
export function similarChart(rows: readonly SimilarShareRow[], d: ChartData): ChartSpec {
  const id = 'stats-similar-replies';
  const title = '各单位的相似答复';
  const shown = rows.filter((r) => r.replies > 0);
  const any = shown.filter((r) => r.similar > 0);
  return {
    id,
    title,
    reading: any.length
      ? `${any.length} 个单位有文字几乎相同的答复；占比最高的是${name(d.units, any[0].unit)}（${pct(any[0].share)}）。`
      : '没有文字几乎相同的答复。',
    source: `来源：本站已公开的答复，同一单位的答复两两比较（三字片段的 Jaccard 相似度估计值 ≥ ${NEAR_IDENTICAL.threshold}），截至 ${formatDateZh(d.buildDate)}。`,
    ...drawn({ id, title }, (o) =>
      barChart(
        shown.map((r) => ({
          label: name(d.units, r.unit),
          count: r.share,
          valueLabel: `${pct(r.share)}（${r.similar}/${r.replies}，${r.pairs} 对）`,
        })),
        o,
      ),
    ),
    columns: [
      { key: 'label', label: '单位' },
      { key: 'replies', label: '已公开答复', numeric: true },
      { key: 'similar', label: '相似答复', numeric: true },
      { key: 'share', label: '占比', numeric: true },
      { key: 'pairs', label: '相似对数', numeric: true },
    ],
    rows: shown.map((r) => ({
      label: name(d.units, r.unit),
      replies: r.replies,
      similar: r.similar,
      share: pct(r.share),
      pairs: r.pairs,
    })),
  };
}

/** Feedback (满意 / 基本满意 / 不满意) by unit or by session; one unit's or session's row alone when `only` is given. */
export function satisfactionChart(by: 'unit' | 'session', d: ChartData, only?: string): ChartSpec {
  const names = by === 'unit' ? d.units : d.sessions;
  const rows = satisfactionBy(d.replies, by).filter((r) => only === undefined || r.id === only);
  const id = only ? `${by}-${only}-satisfaction` : `stats-satisfaction-${by === 'unit' ? 'units' : 'sessions'}`;
  const title = only
    ? `${name(names, only)}答复的提案者意见`
    : by === 'unit'
      ? '各单位答复的提案者意见'
      : '各次会议答复的提案者意见';
  if (only !== undefined) return oneSatisfaction(id, title, rows[0], d);
  const withFeedback = rows.filter((r) => r.replies > r.none);
  const total = rows.reduce((s, r) => s + r.replies, 0);
  const none = rows.reduce((s, r) => s + r.none, 0);
  return {
    id,
    title,
    reading: withFeedback.length
      ? `${total} 份已公开答复中，${total - none} 份注明了提案者的意见，${none} 份没有；条形为满意的占比（占有意见的答复）。`
      : '已公开的答复都没有注明提案者的意见。',
    source: `来源：本站已公开答复的 feedback 字段，截至 ${formatDateZh(d.buildDate)}；占比以注明意见的答复为分母。`,
    ...drawn({ id, title }, (o) =>
      barChart(
        withFeedback.map((r) => ({
          label: name(names, r.id),
          count: r.satisfiedShare,
          valueLabel: `${pct(r.satisfiedShare)}（${r.satisfied}/${r.replies - r.none}${r.none ? `，未注明 ${r.none}` : ''}）`,
        })),
        o,
      ),
    ),
    // The numbers drawn (满意 of 有意见) and the other shares; per-unit counts of each answer are on the unit pages.
    columns: [
      { key: 'label', label: by === 'unit' ? '单位' : '会议' },
      { key: 'withFeedback', label: '注明意见的答复', numeric: true },
      { key: 'satisfied', label: '满意', numeric: true },
      { key: 'satisfiedShare', label: '满意占比', numeric: true },
      { key: 'basicallyShare', label: '基本满意占比', numeric: true },
      { key: 'unsatisfiedShare', label: '不满意占比', numeric: true },
      { key: 'none', label: '未注明意见', numeric: true },
    ],
    rows: withFeedback.map((r) => ({
      label: name(names, r.id),
      withFeedback: r.replies - r.none,
      satisfied: r.satisfied,
      satisfiedShare: pct(r.satisfiedShare),
      basicallyShare: pct(r.basicallyShare),
      unsatisfiedShare: pct(r.unsatisfiedShare),
      none: r.none,
    })),
  };
}

/** One unit's feedback as four bars: 满意, 基本满意, 不满意 (shares of replies with feedback) and 未注明意见. */
function oneSatisfaction(id: string, title: string, r: SatisfactionRow | undefined, d: ChartData): ChartSpec {
  const rows = r
    ? [
        { label: '满意', count: r.satisfied, share: r.satisfiedShare as number | null },
        { label: '基本满意', count: r.basically, share: r.basicallyShare as number | null },
        { label: '不满意', count: r.unsatisfied, share: r.unsatisfiedShare as number | null },
        { label: '未注明意见', count: r.none, share: null },
      ]
    : [];
  return {
    id,
    title,
    reading: r
      ? `${r.replies} 份已公开答复中，${r.replies - r.none} 份注明了提案者的意见，${r.none} 份没有。`
      : '还没有已公开的答复。',
    source: `来源：本站已公开答复的 feedback 字段，截至 ${formatDateZh(d.buildDate)}；占比以注明意见的答复为分母。`,
    ...drawn({ id, title }, (o) => barChart(rows, o)),
    columns: [
      { key: 'label', label: '意见' },
      { key: 'count', label: '答复', numeric: true },
      { key: 'share', label: '占注明意见的答复', numeric: true },
    ],
    rows: rows.map((x) => ({ label: x.label, count: x.count, share: x.share === null ? '' : pct(x.share) })),
  };
}

/** The accountability charts of /stats/. */
export function accountabilityStatsCharts(a: AccountabilityChartData, d: ChartData): ChartSpec[] {
  return [similarChart(a.similar, d), satisfactionChart('unit', d), satisfactionChart('session', d)];
}

/** Every accountability chart, for the CSV downloads (`/data/charts/<id>.csv`). */
export function accountabilityCharts(a: AccountabilityChartData, d: ChartData): ChartSpec[] {
  return [
    ...accountabilityStatsCharts(a, d),
    overdueChart(a.commitments, d),
    ...a.proposers.map((p) => proposerChart(p, d)),
    ...[...d.units.keys()].map((u) => satisfactionChart('unit', d, u)),
  ];
}
