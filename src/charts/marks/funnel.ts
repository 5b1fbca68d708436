/** The funnel: centred bars, one per stage. */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { NEUTRAL } from '../palette.ts';
import type { BarDatum } from './bar.ts';
import * as svg from './primitives.ts';

/** A stage: a bar's datum without a category (the stages are not graded). */
export interface FunnelDatum extends Omit<BarDatum, 'category'> {
  /** A part of the row above: drawn indented, `其中…`, lighter. */
  sub?: boolean;
}

/**
 * Centred horizontal bars, one per stage, labelled on the left and valued on
 * the right, as a funnel. Feeds: `sessionFunnel`.
 */
export function funnelChart(rows: readonly FunnelDatum[], o: svg.ChartOptions & { fill?: string }): string {
  if (rows.length === 0) return svg.emptyChart('funnel', o);
  const width = o.width ?? svg.CHART_WIDTH;
  const labels = rows.map((r) => svg.fit(r.sub ? `其中${r.label}` : r.label, svg.FONT, width * 0.35));
  const indents = rows.map((r) => (r.sub ? svg.FONT : 0));
  const values = rows.map((r) => r.valueLabel ?? svg.countLabel(r.count, r.share));
  const left = svg.PAD + (max(labels, (l, i) => svg.textWidth(l, svg.FONT) + indents[i]) ?? 0) + svg.GAP;
  const right = width - svg.PAD - svg.widest(values, svg.SMALL) - svg.GAP;
  const height = 2 * svg.PAD + rows.length * svg.STEP;
  const y = svg.rowBands(rows.length, svg.PAD, height - svg.PAD);
  const w = scaleLinear()
    .domain([0, max(rows, (r) => r.count) || 1])
    .range([0, right - left]);
  const centre = (left + right) / 2;
  const body = rows.map((r, i) => {
    const top = y(i) ?? 0;
    const half = w(r.count) / 2;
    const bar = {
      x0: centre - half,
      x1: centre + half,
      y: top,
      height: y.bandwidth(),
      fill: o.fill ?? NEUTRAL,
      opacity: r.sub ? '0.6' : undefined,
      tip: `${labels[i]}：${values[i]}`,
    };
    const label = svg.rowLabel(labels[i], svg.PAD + indents[i], top + y.bandwidth() / 2);
    return svg.el('g', { class: r.sub ? 'stage stage-sub' : 'stage' }, svg.hbarRow(label, bar, values[i]));
  });
  const desc = svg.defaultDesc(rows.map((_, i) => ({ label: labels[i], value: values[i] })));
  return svg.frame('funnel', o, height, desc, [], body);
}
