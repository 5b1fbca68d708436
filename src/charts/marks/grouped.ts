/** Groups of horizontal bars, one bar per series. */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Category } from '../../lib/model/schemas/common.ts';
import { NEUTRAL } from '../palette.ts';
import { categoryFill, categoryPatterns } from './categories.ts';
import * as svg from './primitives.ts';

/** One bar of a group: a count and, optionally, its share. */
export interface GroupedCell {
  count: number;
  share?: number | null;
}

export interface GroupedSeries<K extends string> {
  key: K;
  /** Written beside each of its bars, e.g. 政府公布. */
  label: string;
}

export type GroupedDatum<K extends string> = { label: string; category?: Category } & { [P in K]: GroupedCell };

/**
 * Groups of horizontal bars, one group per row and one bar per series, each
 * bar labelled with its series' name (so no colour needs decoding). With
 * `measure: 'share'` (the default) bars compare shares, for series whose
 * totals differ. Feeds: `officialVsDisclosed` with `officialVsDisclosedSeries`.
 */
export function groupedBarChart<K extends string>(
  rows: readonly GroupedDatum<K>[],
  o: svg.ChartOptions & { series: readonly GroupedSeries<K>[]; measure?: 'share' | 'count' },
): string {
  if (rows.length === 0 || o.series.length === 0) return svg.emptyChart('grouped', o);
  const width = o.width ?? svg.CHART_WIDTH;
  const BAR = 18;
  const INNER = 4;
  const BETWEEN = 14;
  const byShare = (o.measure ?? 'share') === 'share';
  const valueOf = (cell: GroupedCell) => (byShare ? (cell.share ?? 0) : cell.count);
  // No share (a total of 0) is written as the bare count, never as 0.00%.
  const labelOf = (cell: GroupedCell) =>
    byShare && cell.share !== null && cell.share !== undefined
      ? `${cell.share.toFixed(2)}%（${svg.formatCount(cell.count)}）`
      : svg.countLabel(cell.count);
  const groupLabels = rows.map((r) => svg.fit(r.label, svg.FONT, width * 0.2));
  const seriesLabels = o.series.map((s) => svg.fit(s.label, svg.SMALL, width * 0.2));
  const values = rows.map((r) => o.series.map((s) => labelOf(r[s.key])));
  const groupW = svg.widest(groupLabels, svg.FONT);
  const left = svg.PAD + groupW + svg.GAP + svg.widest(seriesLabels, svg.SMALL) + svg.GAP;
  const right = width - svg.PAD - svg.widest(values.flat(), svg.SMALL) - svg.GAP;
  const groupH = o.series.length * BAR + (o.series.length - 1) * INNER;
  const height = 2 * svg.PAD + rows.length * groupH + (rows.length - 1) * BETWEEN;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => max(o.series, (s) => valueOf(r[s.key]))) || 1])
    .range([left, right]);
  const body: string[] = [];
  rows.forEach((r, i) => {
    const top = svg.PAD + i * (groupH + BETWEEN);
    const parts = [svg.rowLabel(groupLabels[i], svg.PAD, top + groupH / 2)];
    o.series.forEach((s, j) => {
      const by = top + j * (BAR + INNER);
      const label = svg.rowLabel(seriesLabels[j], left - svg.GAP, by + BAR / 2, {
        size: svg.SMALL,
        anchor: 'end',
        class: 'series',
      });
      const bar = {
        x0: left,
        x1: x(valueOf(r[s.key])),
        y: by,
        height: BAR,
        fill: r.category ? categoryFill(o.id, r.category) : NEUTRAL,
        opacity: j > 0 ? '0.6' : undefined,
        class: `series-${j}`,
        tip: `${r.label} · ${s.label}：${values[i][j]}`,
      };
      parts.push(svg.hbarRow(label, bar, values[i][j]));
    });
    body.push(svg.el('g', { class: r.category ? `group group-${r.category}` : 'group' }, parts.join('')));
  });
  body.push(svg.axis(left, svg.PAD, height - svg.PAD));
  const desc = svg.defaultDesc(
    rows.map((r, i) => ({
      label: r.label,
      value: o.series.map((s, j) => `${s.label} ${values[i][j]}`).join('，'),
    })),
  );
  return svg.frame('grouped', o, height, desc, categoryPatterns(o.id, rows), body);
}
