/** Horizontal bars: one per row, label on the left, value at the end. */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Category } from '../../lib/model/schemas/common.ts';
import { NEUTRAL } from '../palette.ts';
import { categoryFill, categoryPatterns } from './categories.ts';
import * as svg from './primitives.ts';

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
export function barChart(rows: readonly BarDatum[], o: svg.ChartOptions & { fill?: string }): string {
  if (rows.length === 0) return svg.emptyChart('bar', o);
  const width = o.width ?? svg.CHART_WIDTH;
  const labels = rows.map((r) => svg.fit(r.label, svg.FONT, width * 0.4));
  const values = rows.map((r) => r.valueLabel ?? svg.countLabel(r.count, r.share));
  const left = svg.PAD + svg.widest(labels, svg.FONT) + svg.GAP;
  // Bars keep at least a quarter of the width, however long the value labels.
  const right = Math.max(left + width / 4, width - svg.PAD - svg.widest(values, svg.SMALL) - svg.GAP);
  const height = 2 * svg.PAD + rows.length * svg.STEP;
  const y = svg.rowBands(rows.length, svg.PAD, height - svg.PAD);
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
    const label = svg.rowLabel(labels[i], left - svg.GAP, top + y.bandwidth() / 2, { anchor: 'end' });
    return svg.el('g', { class: r.category ? `bar bar-${r.category}` : 'bar' }, svg.hbarRow(label, bar, values[i]));
  });
  body.push(svg.axis(left, svg.PAD, height - svg.PAD));
  const desc = svg.defaultDesc(rows.map((r, i) => ({ label: r.label, value: values[i] })));
  return svg.frame('bar', o, height, desc, categoryPatterns(o.id, rows), body);
}
