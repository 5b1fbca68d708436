/** The funnel: centred bars, one per stage. */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { NEUTRAL } from '../palette.ts';
import {
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
  textWidth,
  widest,
  type ChartOptions,
} from './primitives.ts';

export interface FunnelDatum {
  label: string;
  count: number;
  /** Shown after the count: `579（78.35%）`. */
  share?: number | null;
  /** A part of the row above: drawn indented, `其中…`, lighter. */
  sub?: boolean;
  valueLabel?: string;
}

/**
 * Centred horizontal bars, one per stage, labelled on the left and valued on
 * the right, as a funnel. Feeds: `sessionFunnel`.
 */
export function funnelChart(rows: readonly FunnelDatum[], o: ChartOptions & { fill?: string }): string {
  if (rows.length === 0) return emptyChart('funnel', o);
  const width = o.width ?? CHART_WIDTH;
  const labels = rows.map((r) => fit(r.sub ? `其中${r.label}` : r.label, FONT, width * 0.35));
  const indents = rows.map((r) => (r.sub ? FONT : 0));
  const values = rows.map((r) => r.valueLabel ?? countLabel(r.count, r.share));
  const left = PAD + (max(labels, (l, i) => textWidth(l, FONT) + indents[i]) ?? 0) + GAP;
  const right = width - PAD - widest(values, SMALL) - GAP;
  const height = 2 * PAD + rows.length * STEP;
  const y = rowBands(rows.length, PAD, height - PAD);
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
    const label = rowLabel(labels[i], PAD + indents[i], top + y.bandwidth() / 2);
    return el('g', { class: r.sub ? 'stage stage-sub' : 'stage' }, hbarRow(label, bar, values[i]));
  });
  const desc = defaultDesc(rows.map((_, i) => ({ label: labels[i], value: values[i] })));
  return frame('funnel', o, height, desc, [], body);
}
