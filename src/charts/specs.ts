/**
 * The charts the site shows, each as one spec: the SVG, a one-line reading,
 * its source, and the table of exactly the numbers drawn — which the page
 * prints beside the chart and `/data/charts/<id>.csv` offers for download.
 * Pure: built from the disclosure gate's output.
 */
import type { ProposalEntryData, ReplyEntryData } from '../lib/disclosure.ts';
import { formatDateZh } from '../lib/dates.ts';
import { categoryCounts, ledgerRow } from '../lib/ledger.ts';
import { categories } from '../lib/model/schemas/common.ts';
import type { Session } from '../lib/model/schemas/session.ts';
import { csvFormatRows } from 'd3-dsv';
import {
  barChart,
  columnChart,
  funnelChart,
  groupedBarChart,
  NARROW_WIDTH,
  stackedBarChart,
  type ChartOptions,
} from './svg.ts';
import {
  byMonth,
  bySession,
  byTopic,
  byUnit,
  categoryShares,
  disclosureComposition,
  officialVsDisclosed,
  officialVsDisclosedSeries,
  replyTimePairs,
  replyTimes,
  sessionFunnel,
  type CategoryStackRow,
  type OfficialVsDisclosedRow,
  type Named,
} from './transforms.ts';

export type Cell = string | number;

export interface ChartSpec {
  /** Unique across the site: the figure's id and the CSV's name. */
  id: string;
  title: string;
  /** One sentence saying what the chart shows. */
  reading: string;
  source: string;
  svg: string;
  /** The same chart re-laid out for a phone's column (NARROW_WIDTH), so its text stays at least 11 px at 360 px. */
  narrow: string;
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, Cell>[];
}

/** A chart drawn twice: for the page's column, and re-laid out (not scaled) for a phone. */
export function drawn<O extends ChartOptions>(o: O, draw: (o: O) => string): { svg: string; narrow: string } {
  return { svg: draw(o), narrow: draw({ ...o, id: `${o.id}-narrow`, width: NARROW_WIDTH }) };
}

export interface ChartData {
  buildDate: string;
  replies: ReplyEntryData[];
  proposals: ProposalEntryData[];
  units: ReadonlyMap<string, Named>;
  topics: ReadonlyMap<string, Named>;
  sessions: ReadonlyMap<string, Session>;
  repliesByProposal: ReadonlyMap<string, readonly ReplyEntryData[]>;
}

const pct = (share: number | null | undefined) => (share === null || share === undefined ? '' : `${share.toFixed(2)}%`);
const heldText = (d: ChartData) =>
  `本站收录的答复，截至 ${formatDateZh(d.buildDate)}；类别只计已公开和不予公开的答复。`;
const held = (d: ChartData) => `来源：${heldText(d)}`;

const stackColumns = (first: string) => [
  { key: 'label', label: first },
  ...categories.map((c) => ({ key: c, label: `${c} 类`, numeric: true })),
  { key: 'total', label: '合计', numeric: true },
];
const stackRows = (rows: CategoryStackRow[]) => rows.map((r) => ({ label: r.label, ...r.counts, total: r.total }));

/** Names joined the Chinese way: `甲`, `甲和乙`, `甲、乙和丙`; a space between 和 and a Latin start (`A 类和 B 类`). */
export function joinZh(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names[names.length - 1];
  return `${names.slice(0, -1).join('、')}和${/^[A-Za-z0-9]/.test(last) ? ' ' : ''}${last}`;
}

/** Every item that shares the highest value (ties are worded as ties, never one picked). */
export function leaders<T>(items: readonly T[], value: (t: T) => number): T[] {
  const max = Math.max(...items.map(value));
  return items.filter((t) => value(t) === max && max > 0);
}

/** Replies by category, as shares: one scope (a unit, a topic, the whole site). */
export function categoryChart(
  id: string,
  title: string,
  replies: readonly ReplyEntryData[],
  source: string,
): ChartSpec {
  const rows = categoryShares(categoryCounts([...replies]));
  const total = rows.reduce((s, r) => s + r.count, 0);
  const top = leaders(rows, (r) => r.count);
  return {
    id,
    title,
    reading: !total
      ? '还没有可以显示类别的答复。'
      : top.length === 1
        ? `${total} 份答复中，${top[0].label}（${top[0].meaning}）最多，占 ${pct(top[0].share)}。`
        : `${total} 份答复中，${joinZh(top.map((r) => r.label))}一样多，各 ${top[0].count} 份，各占 ${pct(top[0].share)}。`,
    source,
    ...drawn({ id, title }, (o) => barChart(rows, o)),
    columns: [
      { key: 'label', label: '类别' },
      { key: 'meaning', label: '含义' },
      { key: 'count', label: '答复', numeric: true },
      { key: 'share', label: '占比', numeric: true },
    ],
    rows: rows.map((r) => ({ label: r.label, meaning: r.meaning, count: r.count, share: pct(r.share) })),
  };
}

/** A session's official figures as a funnel, and its categories beside what the site holds. */
export function sessionCharts(session: Session, d: ChartData): ChartSpec[] {
  const replies = d.replies.filter((r) => r.session === session.id);
  const specs: ChartSpec[] = [];
  const o = session.official;
  if (o && sessionFunnel(o).length > 0) {
    const source = `来源：${o.source.title}（${formatDateZh(o.source.publishedOn)}）`;
    const funnel = sessionFunnel(o);
    // Only what was published: a government that gave two figures gets a sentence of two.
    const said = funnel.filter((r) => !r.sub).map((r) => `${r.label} ${r.count} 件`);
    specs.push({
      id: `session-${session.id}-funnel`,
      title: `${session.name}：从收到提案到应有答复`,
      reading:
        `${said.join('，')}。` +
        (o.repliesDue !== undefined ? '有的提案由几个单位分别答复，所以答复件数可以多于提案件数。' : ''),
      source,
      ...drawn({ id: `session-${session.id}-funnel`, title: `${session.name}提案办理数字` }, (o) =>
        funnelChart(funnel, o),
      ),
      columns: [
        { key: 'label', label: '环节' },
        { key: 'count', label: '件数', numeric: true },
        { key: 'share', label: '占收到提案', numeric: true },
      ],
      rows: funnel.map((r) => ({ label: r.label, count: r.count, share: pct(r.share) })),
    });
  }
  if (o?.categories) {
    const source = `来源：${o.source.title}（${formatDateZh(o.source.publishedOn)}）`;
    const disclosed = categoryCounts(replies);
    const compared = officialVsDisclosed(o.categories, disclosed);
    specs.push(
      comparisonChart(
        `session-${session.id}-categories`,
        `${session.name}：办理结果，政府公布与本站收录`,
        `政府公布的答复中，A 类占 ${pct(compared[0].official.share)}；` +
          (compared[0].disclosed.share !== null
            ? `本站收录并可显示类别的答复中，A 类占 ${pct(compared[0].disclosed.share)}。`
            : '本站尚未收录可以显示类别的答复。'),
        `${source}；${heldText(d)}`,
        compared,
      ),
    );
  } else {
    specs.push(categoryChart(`session-${session.id}-categories`, `${session.name}：办理结果`, replies, held(d)));
  }
  specs.push(disclosureChart(`session-${session.id}-disclosure`, `${session.name}：公开情况`, replies, d));
  return specs;
}

/** Categories as the government published them beside what the site holds. */
function comparisonChart(
  id: string,
  title: string,
  reading: string,
  source: string,
  compared: OfficialVsDisclosedRow[],
): ChartSpec {
  return {
    id,
    title,
    reading,
    source,
    ...drawn({ id, title }, (o) => groupedBarChart(compared, { ...o, series: officialVsDisclosedSeries })),
    columns: [
      { key: 'label', label: '类别' },
      { key: 'meaning', label: '含义' },
      { key: 'official', label: '政府公布', numeric: true },
      { key: 'officialShare', label: '政府公布占比', numeric: true },
      { key: 'disclosed', label: '本站收录', numeric: true },
      { key: 'disclosedShare', label: '本站收录占比', numeric: true },
    ],
    rows: compared.map((r) => ({
      label: r.label,
      meaning: r.meaning,
      official: r.official.count,
      officialShare: pct(r.official.share),
      disclosed: r.disclosed.count,
      disclosedShare: pct(r.disclosed.share),
    })),
  };
}

/** How much of what the site holds is published in full, as summary, withheld or not yet published. */
export function disclosureChart(
  id: string,
  title: string,
  replies: readonly ReplyEntryData[],
  d: ChartData,
): ChartSpec {
  const rows = disclosureComposition(ledgerRow([...replies]));
  const total = replies.length;
  return {
    id,
    title,
    reading: total
      ? `本站收录的 ${total} 份答复中，全文公开 ${rows[0].count} 份（${pct(rows[0].share)}），不予公开 ${rows[2].count} 份，暂未公开 ${rows[3].count} 份。`
      : '还没有收录答复。',
    source: `来源：本站收录的答复，截至 ${formatDateZh(d.buildDate)}。`,
    ...drawn({ id, title }, (o) => barChart(rows, o)),
    columns: [
      { key: 'label', label: '公开方式' },
      { key: 'count', label: '答复', numeric: true },
      { key: 'share', label: '占比', numeric: true },
    ],
    rows: rows.map((r) => ({ label: r.label, count: r.count, share: pct(r.share) })),
  };
}

/** `答复最多的是市公安局（5 份）`, or on a tie `…是市公安局和市交通运输局（各 5 份）`. */
function mostOf(rows: readonly { label: string; total: number }[], lead: string): string {
  const top = leaders(rows, (r) => r.total);
  return top.length === 1
    ? `${lead}${top[0].label}（${top[0].total} 份）`
    : `${lead}${joinZh(top.map((r) => r.label))}（并列，各 ${top[0].total} 份）`;
}

/** Every chart of /stats/. */
export function statsCharts(d: ChartData): ChartSpec[] {
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
  const peaks = leaders(months, (m) => m.count);
  const specs: ChartSpec[] = [];
  if (withFigures.length) {
    specs.push(
      comparisonChart(
        'stats-categories',
        '办理结果：政府公布与本站收录',
        `政府公布的答复中 A 类（已解决或基本解决）占 ${pct(compared[0].official.share)}，` +
          (compared[0].disclosed.share === null
            ? '本站尚未收录可以显示类别的答复。'
            : `本站收录并可显示类别的答复中占 ${pct(compared[0].disclosed.share)}。`),
        `来源：${withFigures.map((s) => s.official!.source.title).join('；')}；${heldText(d)}`,
        compared,
      ),
    );
  } else {
    specs.push(categoryChart('stats-categories', '办理结果', d.replies, held(d)));
  }
  specs.push({
    id: 'stats-units',
    title: '各单位答复的办理结果',
    reading: units.length ? `${mostOf(units, '答复最多的是')}；条形按类别分段。` : '还没有可以显示类别的答复。',
    source: held(d),
    ...drawn({ id: 'stats-units', title: '各单位答复的办理结果' }, (o) => stackedBarChart(units, o)),
    columns: stackColumns('单位'),
    rows: stackRows(units),
  });
  specs.push({
    id: 'stats-topics',
    title: '各主题答复的办理结果',
    reading: topics.length
      ? `${mostOf(
          topics.map((t) => ({ ...t, label: `“${t.label}”` })),
          '答复最多的主题是',
        )}。一件提案可属于几个主题。`
      : '还没有可以显示类别的答复。',
    source: held(d),
    ...drawn({ id: 'stats-topics', title: '各主题答复的办理结果' }, (o) => stackedBarChart(topics, o)),
    columns: stackColumns('主题'),
    rows: stackRows(topics),
  });
  if (sessions.length > 1) {
    specs.push({
      id: 'stats-sessions',
      title: '各次会议答复的办理结果',
      reading: `本站收录了 ${sessions.length} 次会议的答复。`,
      source: held(d),
      ...drawn({ id: 'stats-sessions', title: '各次会议答复的办理结果' }, (o) => stackedBarChart(sessions, o)),
      columns: stackColumns('会议'),
      rows: stackRows(sessions),
    });
  }
  specs.push({
    id: 'stats-months',
    title: '每月答复数',
    reading:
      peaks.length === 0
        ? '还没有已公开的答复。'
        : peaks.length === 1
          ? `已公开的答复按答复日期计，${peaks[0].label}最多，共 ${peaks[0].count} 份。`
          : `已公开的答复按答复日期计，${joinZh(peaks.map((m) => m.label))}并列最多，各 ${peaks[0].count} 份。`,
    source: `来源：本站已公开的答复，按答复日期统计，截至 ${formatDateZh(d.buildDate)}。`,
    ...drawn({ id: 'stats-months', title: '每月答复数' }, (o) => columnChart(months, o)),
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
    ...drawn({ id: 'stats-reply-times', title: '从提交提案到答复用了多少天' }, (o) => columnChart(times.bins, o)),
    columns: [
      { key: 'label', label: '天数' },
      { key: 'count', label: '答复', numeric: true },
      { key: 'share', label: '占比', numeric: true },
    ],
    rows: times.bins.map((b) => ({ label: b.label, count: b.count, share: pct(b.share) })),
  });
  specs.push(disclosureChart('stats-disclosure', '公开情况', d.replies, d));
  return specs;
}

/** Every chart of the site, for the CSV downloads: stats, sessions, units and topics. */
export function allCharts(d: ChartData): ChartSpec[] {
  return [
    ...statsCharts(d),
    ...[...d.sessions.values()].flatMap((s) => sessionCharts(s, d)),
    ...[...d.units.entries()].map(([id, u]) => unitChart(id, u.name, d)),
    ...[...d.topics.entries()].map(([id, t]) => topicChart(id, t.name, d)),
  ];
}

export function unitChart(id: string, name: string, d: ChartData): ChartSpec {
  return categoryChart(
    `unit-${id}-categories`,
    `${name}答复的办理结果`,
    d.replies.filter((r) => r.unit === id),
    held(d),
  );
}

export function topicChart(id: string, name: string, d: ChartData): ChartSpec {
  const proposals = new Set(d.proposals.filter((p) => p.data.topics.includes(id)).map((p) => p.id));
  return categoryChart(
    `topic-${id}-categories`,
    `“${name}”主题答复的办理结果`,
    d.replies.filter((r) => proposals.has(r.proposal)),
    held(d),
  );
}

/** A chart's table as CSV (UTF-8 with a BOM for Excel), headed by the column labels. */
export function chartCsv(spec: ChartSpec): string {
  return `\uFEFF${csvFormatRows([spec.columns.map((c) => c.label), ...spec.rows.map((r) => spec.columns.map((c) => String(r[c.key] ?? '')))])}\n`;
}
