/** Horizontal bars stacked by category A→D. */
import { max, sum } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { categoryZh } from '../../lib/labels.ts';
import { categories, type Category } from '../../lib/schemas/common.ts';
import { categoryFill, categoryLegend, categoryLetter, categoryPatterns } from './categories.ts';
import {
  axis,
  CHART_WIDTH,
  defaultDesc,
  el,
  emptyChart,
  fit,
  FONT,
  formatCount,
  frame,
  GAP,
  num,
  PAD,
  rowBands,
  rowLabel,
  rowValue,
  SMALL,
  STEP,
  textWidth,
  tip,
  TINY,
  widest,
  type ChartOptions,
} from './primitives.ts';

export interface StackDatum {
  label: string;
  counts: Record<Category, number>;
  /** A+B+C+D, computed when absent. */
  total?: number;
}

/**
 * Horizontal bars stacked by category A→D, with a legend on top, the category
 * letter (and count, when it fits) inside each segment and the total at the
 * end. Feeds: `byUnit`, `byTopic`, `bySession`.
 */
export function stackedBarChart(rows: readonly StackDatum[], o: ChartOptions & { legend?: boolean }): string {
  if (rows.length === 0) return emptyChart('stacked', o);
  const width = o.width ?? CHART_WIDTH;
  const totals = rows.map((r) => r.total ?? sum(categories, (c) => r.counts[c]));
  const labels = rows.map((r) => fit(r.label, FONT, width * 0.35));
  const values = totals.map((t) => formatCount(t));
  const legend = o.legend === false ? { marks: [], height: 0 } : categoryLegend(o.id, PAD, width);
  const top = PAD + legend.height + (legend.height ? 4 : 0);
  const height = top + rows.length * STEP + PAD;
  const left = PAD + widest(labels, FONT) + GAP;
  const right = width - PAD - widest(values, SMALL) - GAP;
  const y = rowBands(rows.length, top, height - PAD);
  const x = scaleLinear()
    .domain([0, max(totals) || 1])
    .range([left, right]);
  const series = stack<StackDatum, Category>()
    .keys(categories)
    .value((d, k) => d.counts[k])([...rows]);
  const body = [...legend.marks];
  rows.forEach((r, i) => {
    const by = y(i) ?? 0;
    const mid = by + y.bandwidth() / 2;
    const parts: string[] = [rowLabel(labels[i], left - GAP, mid, { anchor: 'end' })];
    for (const s of series) {
      const c = s.key;
      const [v0, v1] = s[i];
      if (v1 <= v0) continue;
      const x0 = Number(num(x(v0)));
      const x1 = Number(num(x(v1)));
      const w = Number(num(x1 - x0));
      parts.push(
        el(
          'rect',
          { x: x0, y: by, width: w, height: y.bandwidth(), fill: categoryFill(o.id, c), class: `segment segment-${c}` },
          tip(`${r.label} · ${c} 类（${categoryZh[c]}）：${formatCount(r.counts[c])}`),
        ),
      );
      const full = `${c} ${formatCount(r.counts[c])}`;
      const inside = w >= textWidth(full, TINY) + 8 ? full : w >= textWidth(c, TINY) + 4 ? c : '';
      if (inside) parts.push(categoryLetter(inside, c, x0 + w / 2, mid, true));
    }
    parts.push(rowValue(values[i], x(totals[i]), mid));
    body.push(el('g', { class: 'bar' }, parts.join('')));
  });
  body.push(axis(left, top, height - PAD));
  const desc = defaultDesc(
    rows.map((r, i) => ({
      label: r.label,
      value: `${values[i]}（${categories.map((c) => `${c} 类 ${formatCount(r.counts[c])}`).join('，')}）`,
    })),
  );
  return frame('stacked', o, height, desc, categoryPatterns(o.id, 'all'), body);
}
