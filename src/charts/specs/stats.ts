/** The charts of /stats/. */
import { formatDateZh } from '../../lib/dates.ts';
import { categoryShortZh } from '../../lib/labels.ts';
import { categoryCounts } from '../../lib/ledger.ts';
import { categories } from '../../lib/model/schemas/common.ts';
import { columnChart, stackedBarChart } from '../marks/index.ts';
import {
  byMonth,
  bySession,
  byTopic,
  byUnit,
  officialVsDisclosed,
  replyTimePairs,
  replyTimes,
  type CategoryStackRow,
} from '../transforms/index.ts';
import * as spec from './common.ts';

/** `答复最多的是市公安局（5 份）`, or on a tie `…是市公安局和市交通运输局（各 5 份）`. */
function mostOf(rows: readonly { label: string; total: number }[], lead: string): string {
  const top = spec.leaders(rows, (r) => r.total);
  return top.length === 1
    ? `${lead}${top[0].label}（${top[0].total} 份）`
    : `${lead}${spec.joinZh(top.map((r) => r.label))}（并列，各 ${top[0].total} 份）`;
}

/** Replies stacked by category, one row per unit, topic or session. */
function stackChart(
  id: string,
  title: string,
  first: string,
  reading: string,
  rows: CategoryStackRow[],
  d: spec.ChartData,
): spec.ChartSpec {
  return {
    id,
    title,
    reading,
    source: spec.held(d),
    ...spec.drawn({ id, title }, (o) => stackedBarChart(rows, o)),
    columns: [
      { key: 'label', label: first },
      ...categories.map((c) => ({ key: c, label: categoryShortZh(c), numeric: true })),
      { key: 'total', label: '合计', numeric: true },
    ],
    rows: rows.map((r) => ({ label: r.label, ...r.counts, total: r.total })),
  };
}

/** Every chart of /stats/. */
export function statsCharts(d: spec.ChartData): spec.ChartSpec[] {
  const withFigures = [...d.sessions.values()].filter((s) => s.official?.categories);
  const officialTotals = Object.fromEntries(
    categories.map((c) => [c, withFigures.reduce((s, x) => s + x.official!.categories![c], 0)]),
  ) as Record<(typeof categories)[number], number>;
  const disclosedInThose = categoryCounts(d.replies.filter((r) => withFigures.some((s) => s.id === r.session)));
  const compared = officialVsDisclosed(officialTotals, disclosedInThose);
  const units = byUnit(d.replies, d.units);
  const topics = byTopic(
    d.proposals.map((p) => ({ id: p.id, topics: p.data.topics })),
    d.repliesByProposal,
    d.topics,
  );
  const sessions = bySession(d.replies, d.sessions);
  const months = byMonth(d.replies);
  const times = replyTimes(replyTimePairs(d.proposals, d.replies));
  const peaks = spec.leaders(months, (m) => m.count);
  const specs: spec.ChartSpec[] = [];
  if (withFigures.length) {
    specs.push(
      spec.comparisonChart(
        'stats-categories',
        '办理结果：政府公布与本站收录',
        `政府公布的答复中 A 类（已解决或基本解决）占 ${spec.pct(compared[0].official.share)}，` +
          (compared[0].disclosed.share === null
            ? '本站尚未收录可以显示类别的答复。'
            : `本站收录并可显示类别的答复中占 ${spec.pct(compared[0].disclosed.share)}。`),
        `来源：${withFigures.map((s) => s.official!.source.title).join('；')}；${spec.heldText(d)}`,
        compared,
      ),
    );
  } else {
    specs.push(spec.categoryChart('stats-categories', '办理结果', d.replies, spec.held(d)));
  }
  specs.push(
    stackChart(
      'stats-units',
      '各单位答复的办理结果',
      '单位',
      units.length ? `${mostOf(units, '答复最多的是')}；条形按类别分段。` : '还没有可以显示类别的答复。',
      units,
      d,
    ),
  );
  const quoted = topics.map((t) => ({ ...t, label: `“${t.label}”` }));
  specs.push(
    stackChart(
      'stats-topics',
      '各主题答复的办理结果',
      '主题',
      topics.length ? `${mostOf(quoted, '答复最多的主题是')}。一件提案可属于几个主题。` : '还没有可以显示类别的答复。',
      topics,
      d,
    ),
  );
  if (sessions.length > 1) {
    const reading = `本站收录了 ${sessions.length} 次会议的答复。`;
    specs.push(stackChart('stats-sessions', '各次会议答复的办理结果', '会议', reading, sessions, d));
  }
  specs.push({
    id: 'stats-months',
    title: '每月答复数',
    reading:
      peaks.length === 0
        ? '还没有已公开的答复。'
        : peaks.length === 1
          ? `已公开的答复按答复日期计，${peaks[0].label}最多，共 ${peaks[0].count} 份。`
          : `已公开的答复按答复日期计，${spec.joinZh(peaks.map((m) => m.label))}并列最多，各 ${peaks[0].count} 份。`,
    source: `来源：本站已公开的答复，按答复日期统计，截至 ${formatDateZh(d.buildDate)}。`,
    ...spec.drawn({ id: 'stats-months', title: '每月答复数' }, (o) => columnChart(months, o)),
    columns: [
      { key: 'label', label: '月份' },
      { key: 'count', label: '答复', numeric: true },
    ],
    rows: months.map((m) => ({ label: m.label, count: m.count })),
  });
  specs.push({
    id: 'stats-reply-times',
    title: '从提交提案到答复用了多少天',
    reading:
      times.median === null
        ? '还没有可以计算办理天数的答复。'
        : `办理天数从提案提交日期算到答复日期（落款日期）；${times.count} 份已公开答复的中位数为 ${times.median} 天。`,
    source: `来源：本站已公开的答复中提案写明了提交日期的，办理天数 = 答复日期 − 提案提交日期，截至 ${formatDateZh(d.buildDate)}。`,
    ...spec.drawn({ id: 'stats-reply-times', title: '从提交提案到答复用了多少天' }, (o) => columnChart(times.bins, o)),
    columns: [
      { key: 'label', label: '天数' },
      { key: 'count', label: '答复', numeric: true },
      { key: 'share', label: '占比', numeric: true },
    ],
    rows: times.bins.map((b) => ({ label: b.label, count: b.count, share: spec.pct(b.share) })),
  });
  specs.push(spec.disclosureChart('stats-disclosure', '公开情况', d.replies, d));
  return specs;
}
