/** Horizontal bars: one per row, label on the left, value at the end. */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Category } from '../../lib/schemas/common.ts';
import { NEUTRAL } from '../palette.ts';
import { categoryFill, categoryPatterns } from './categories.ts';
import {
  axis,
  CHART_WIDTH,
  countLabel,
  defaultDesc,
  el,
  emptyChart,
  fit,
  FONT,
  frame,
  GAP,
  hbarRow,
  PAD,
  rowBands,
  rowLabel,
  SMALL,
  STEP,
  widest,
  type ChartOptions,
} from './primitives.ts';

export interface BarDatum {
  label: string;
  count: number;
  /** Shown after the count: `461（74.84%）`. */
  share?: number | null;
  /** Draws the bar in the category's colour and pattern. */
  category?: Category;
  /** Replaces the value label. */
  valueLabel?: string;
}

/**
 * Horizontal bars, one per row in the given order, the label on the left and
 * the value at the bar's end. Feeds: `categoryShares`, `disclosureComposition`.
 */
export function barChart(rows: readonly BarDatum[], o: ChartOptions & { fill?: string }): string {
  if (rows.length === 0) return emptyChart('bar', o);
  const width = o.width ?? CHART_WIDTH;
  const labels = rows.map((r) => fit(r.label, FONT, width * 0.4));
  const values = rows.map((r) => r.valueLabel ?? countLabel(r.count, r.share));
  const left = PAD + widest(labels, FONT) + GAP;
  // Bars keep at least a quarter of the width, however long the value labels.
  const right = Math.max(left + width / 4, width - PAD - widest(values, SMALL) - GAP);
  const height = 2 * PAD + rows.length * STEP;
  const y = rowBands(rows.length, PAD, height - PAD);
  const x = scaleLinear()
    .domain([0, max(rows, (r) => r.count) || 1])
    .range([left, right]);
  const body = rows.map((r, i) => {
    const top = y(i) ?? 0;
    const bar = {
      x0: left,
      x1: x(r.count),
      y: top,
      height: y.bandwidth(),
      fill: r.category ? categoryFill(o.id, r.category) : (o.fill ?? NEUTRAL),
      tip: `${r.label}：${values[i]}`,
    };
    const label = rowLabel(labels[i], left - GAP, top + y.bandwidth() / 2, { anchor: 'end' });
    return el('g', { class: r.category ? `bar bar-${r.category}` : 'bar' }, hbarRow(label, bar, values[i]));
  });
  body.push(axis(left, PAD, height - PAD));
  const desc = defaultDesc(rows.map((r, i) => ({ label: r.label, value: values[i] })));
  return frame('bar', o, height, desc, categoryPatterns(o.id, rows), body);
}
