/**
 * The charts the site shows, each as one spec: the SVG, a one-line reading,
 * its source, and the table of exactly the numbers drawn — which the page
 * prints beside the chart and `/data/charts/<id>.csv` offers for download.
 * Pure: built from the disclosure gate's output. This module holds what the
 * page families share (the spec, wording helpers, the category, comparison
 * and disclosure charts); each family has its own module beside it.
 */
import type { ProposalEntryData, ReplyEntryData } from '../../lib/disclosure.ts';
import { formatDateZh } from '../../lib/dates.ts';
import { categoryCounts, ledgerRow } from '../../lib/ledger.ts';
import type { Session } from '../../lib/model/schemas/session.ts';
import { barChart, groupedBarChart, NARROW_WIDTH, type ChartOptions } from '../marks/index.ts';
import {
  categoryShares,
  disclosureComposition,
  officialVsDisclosedSeries,
  type Named,
  type OfficialVsDisclosedRow,
} from '../transforms/index.ts';

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

export const pct = (share: number | null | undefined) =>
  share === null || share === undefined ? '' : `${share.toFixed(2)}%`;
export const heldText = (d: ChartData) =>
  `本站收录的答复，截至 ${formatDateZh(d.buildDate)}；类别只计已公开和不予公开的答复。`;
export const held = (d: ChartData) => `来源：${heldText(d)}`;

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

/** Categories as the government published them beside what the site holds. */
export function comparisonChart(
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
