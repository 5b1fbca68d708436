/** Horizontal bars stacked by category A→D. */
import { max, sum } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { categoryZh } from '../../lib/labels.ts';
import { categories, type Category } from '../../lib/model/schemas/common.ts';
import { categoryFill, categoryLegend, categoryLetter, categoryPatterns } from './categories.ts';
import * as svg from './primitives.ts';

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
export function stackedBarChart(rows: readonly StackDatum[], o: svg.ChartOptions & { legend?: boolean }): string {
  if (rows.length === 0) return svg.emptyChart('stacked', o);
  const width = o.width ?? svg.CHART_WIDTH;
  const totals = rows.map((r) => r.total ?? sum(categories, (c) => r.counts[c]));
  const labels = rows.map((r) => svg.fit(r.label, svg.FONT, width * 0.35));
  const values = totals.map((t) => svg.formatCount(t));
  const legend = o.legend === false ? { marks: [], height: 0 } : categoryLegend(o.id, svg.PAD, width);
  const top = svg.PAD + legend.height + (legend.height ? 4 : 0);
  const height = top + rows.length * svg.STEP + svg.PAD;
  const left = svg.PAD + svg.widest(labels, svg.FONT) + svg.GAP;
  const right = width - svg.PAD - svg.widest(values, svg.SMALL) - svg.GAP;
  const y = svg.rowBands(rows.length, top, height - svg.PAD);
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
    const parts: string[] = [svg.rowLabel(labels[i], left - svg.GAP, mid, { anchor: 'end' })];
    for (const s of series) {
      const c = s.key;
      const [v0, v1] = s[i];
      if (v1 <= v0) continue;
      const x0 = Number(svg.num(x(v0)));
      const x1 = Number(svg.num(x(v1)));
      const w = Number(svg.num(x1 - x0));
      parts.push(
        svg.el(
          'rect',
          { x: x0, y: by, width: w, height: y.bandwidth(), fill: categoryFill(o.id, c), class: `segment segment-${c}` },
          svg.tip(`${r.label} · ${c} 类（${categoryZh[c]}）：${svg.formatCount(r.counts[c])}`),
        ),
      );
      const full = `${c} ${svg.formatCount(r.counts[c])}`;
      const inside = w >= svg.textWidth(full, svg.TINY) + 8 ? full : w >= svg.textWidth(c, svg.TINY) + 4 ? c : '';
      if (inside) parts.push(categoryLetter(inside, c, x0 + w / 2, mid, true));
    }
    parts.push(svg.rowValue(values[i], x(totals[i]), mid));
    body.push(svg.el('g', { class: 'bar' }, parts.join('')));
  });
  body.push(svg.axis(left, top, height - svg.PAD));
  const desc = svg.defaultDesc(
    rows.map((r, i) => ({
      label: r.label,
      value: `${values[i]}（${categories.map((c) => `${c} 类 ${svg.formatCount(r.counts[c])}`).join('，')}）`,
    })),
  );
  return svg.frame('stacked', o, height, desc, categoryPatterns(o.id, 'all'), body);
}
