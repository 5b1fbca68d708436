/** Vertical columns on a count axis. */
import { max, range } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { NEUTRAL } from '../palette.ts';
import * as svg from './primitives.ts';

export interface ColumnDatum {
  /** Full name of the column (tooltip, description), e.g. 2021年6月. */
  label: string;
  count: number;
  /** The axis tick, when shorter than `label`, e.g. 6月. */
  short?: string;
  /** Written under the tick where it changes from the column before, e.g. 2021年. */
  group?: string;
  valueLabel?: string;
}

/**
 * Vertical columns on a count axis, with the value above each column when it
 * fits and ticks thinned to fit. Feeds: `byMonth`, `replyTimes(...).bins`.
 */
export function columnChart(
  rows: readonly ColumnDatum[],
  o: svg.ChartOptions & { plotHeight?: number; fill?: string },
): string {
  if (rows.length === 0) return svg.emptyChart('column', o);
  const width = o.width ?? svg.CHART_WIDTH;
  const plotHeight = o.plotHeight ?? 200;
  const values = rows.map((r) => r.valueLabel ?? svg.formatCount(r.count));
  const top = svg.PAD + 16;
  const bottom = top + plotHeight;
  const hasGroups = rows.some((r) => r.group !== undefined);
  const height = bottom + (hasGroups ? 40 : 24);
  const y = scaleLinear()
    .domain([0, max(rows, (r) => r.count) || 1])
    .nice(4)
    .range([bottom, top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const tickLabels = ticks.map((t) => svg.formatCount(t));
  const left = svg.PAD + svg.widest(tickLabels, svg.TINY) + 6;
  const x = scaleBand<number>()
    .domain(range(rows.length))
    .range([left, width - svg.PAD])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const bw = x.bandwidth();
  const ticksText = rows.map((r) => r.short ?? r.label);
  const every = Math.max(1, Math.ceil((svg.widest(ticksText, svg.TINY) + 6) / x.step()));
  const body: string[] = [];
  ticks.forEach((t, i) => {
    const line = svg.el('line', {
      x1: left,
      x2: width - svg.PAD,
      y1: y(t),
      y2: y(t),
      stroke: 'currentColor',
      'stroke-opacity': t === 0 ? undefined : '0.2',
    });
    const label = svg.text(tickLabels[i], {
      x: left - 6,
      y: y(t),
      'font-size': svg.TINY,
      'text-anchor': 'end',
      'dominant-baseline': 'central',
    });
    body.push(svg.el('g', { class: 'grid' }, line + label));
  });
  rows.forEach((r, i) => {
    const x0 = x(i) ?? 0;
    const cx = x0 + bw / 2;
    const y0 = y(r.count);
    const parts = [
      svg.el(
        'rect',
        { x: x0, y: y0, width: bw, height: svg.span(y0, bottom), fill: o.fill ?? NEUTRAL },
        svg.tip(`${r.label}：${values[i]}`),
      ),
    ];
    if (svg.textWidth(values[i], svg.TINY) <= x.step()) {
      parts.push(
        svg.text(values[i], { x: cx, y: y0 - 4, 'font-size': svg.TINY, 'text-anchor': 'middle', class: 'value' }),
      );
    }
    if (i % every === 0) {
      parts.push(
        svg.text(ticksText[i], {
          x: cx,
          y: bottom + 15,
          'font-size': svg.TINY,
          'text-anchor': 'middle',
          class: 'tick',
        }),
      );
    }
    if (r.group !== undefined && r.group !== rows[i - 1]?.group) {
      parts.push(svg.text(r.group, { x: x0, y: bottom + 31, 'font-size': svg.TINY, class: 'tick-group' }));
    }
    body.push(svg.el('g', { class: 'column' }, parts.join('')));
  });
  const desc = svg.defaultDesc(rows.map((r, i) => ({ label: r.label, value: values[i] })));
  return svg.frame('column', o, height, desc, [], body);
}
