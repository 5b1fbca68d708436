/**
 * Stateless SVG views: rows in, an SVG string out, at build time. No DOM: the
 * markup is built as text (every text escaped), positions come from d3 scales
 * and are rounded to one decimal, so the same rows always give the same bytes.
 *
 * The site runs under a strict CSP, so there is no `style` attribute and no
 * `<style>` element: only presentation attributes and class names. Text is
 * drawn in `currentColor` (it follows light and dark mode) and inherits the
 * page's font. Categories use the Okabe–Ito palette, each with its own
 * pattern and its letter (in the segment when it fits, and in the legend), so
 * colour is never the only cue. Each chart is an `img` labelled by its
 * `<title>` and `<desc>`; the numbers themselves belong in the table beside it.
 */
import { max, range, sum } from 'd3-array';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { categoryZh } from '../lib/labels.ts';
import { categories, type Category } from '../lib/model/schemas/common.ts';

/** Width of every chart's viewBox unless asked otherwise. */
export const CHART_WIDTH = 640;
/**
 * Width of the phone variant: a 360 px screen's column (328 px) shows it at
 * full size, so no text is drawn below TINY (11 px).
 */
export const NARROW_WIDTH = 320;

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const categoryColors: Record<Category, string> = {
  A: '#009E73',
  B: '#0072B2',
  C: '#E69F00',
  D: '#999999',
};

/** Text on each category's colour: the one of black and white with more contrast. */
const categoryInk: Record<Category, string> = { A: '#000000', B: '#FFFFFF', C: '#000000', D: '#000000' };

/** Bars that stand for no category. */
const NEUTRAL = '#0072B2';

const PAD = 8;
const GAP = 8;
/** Row labels. */
const FONT = 13;
/** Value labels, legend. */
const SMALL = 12;
/** Axis ticks, labels inside bars. */
const TINY = 11;
/** Height of one horizontal bar's row. */
const STEP = 30;

export interface ChartOptions {
  /** Unique on the page: ids `${id}-title`, `${id}-desc` and `${id}-A`… (patterns) derive from it. */
  id: string;
  /** The chart's name, read first by screen readers (the `<title>`). */
  title: string;
  /** A sentence or two about what it shows (the `<desc>`); by default the values, listed. */
  desc?: string;
  /** Width of the viewBox; default 640. Heights follow from the data. */
  width?: number;
}

// ---------------------------------------------------------------------------
// Markup

/** Text or attribute value safe inside SVG markup. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate rounded to one decimal, without `-0`. */
function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
}

type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

/** An element; `children` is markup (already escaped), absent for an empty element. */
function el(tag: string, a: Attrs, children?: string): string {
  return children === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

function text(content: string, a: Attrs): string {
  return el('text', { fill: 'currentColor', ...a }, escapeXml(content));
}

/** A tooltip for a mark: its own `<title>` child. */
function tip(content: string): string {
  return el('title', {}, escapeXml(content));
}

// ---------------------------------------------------------------------------
// Text metrics (estimated: the build has no fonts)

/** Approximate advance of `s` at `size` px: CJK and full-width characters are one em, others about 0.6. */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x2e80) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (ch === '.' || ch === ',' || ch === '·') em += 0.35;
    else em += 0.6;
  }
  return em * size;
}

/** `s` shortened with `…` to fit `width` at `size`. */
function fit(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

function widest(items: readonly string[], size: number): number {
  return max(items, (s) => textWidth(s, size)) ?? 0;
}

// ---------------------------------------------------------------------------
// Values

const formatCount = format(',');

/** `461` or, with a share, `461（74.84%）`. */
export function countLabel(count: number, share?: number | null): string {
  return share === undefined || share === null ? formatCount(count) : `${formatCount(count)}（${share.toFixed(2)}%）`;
}

function defaultDesc(items: readonly { label: string; value: string }[]): string {
  return `${items.map((i) => `${i.label}：${i.value}`).join('；')}。`;
}

// ---------------------------------------------------------------------------
// Categories: patterns and legend

/** A 8×8 tile per category: A plain, B diagonal stripes, C dots, D a grid. */
function categoryPattern(id: string, c: Category): string {
  const base = el('rect', { width: 8, height: 8, fill: categoryColors[c] });
  const marks: Record<Category, string> = {
    A: '',
    B: el('path', {
      d: 'M-2 2L2 -2M0 8L8 0M6 10L10 6',
      stroke: '#FFFFFF',
      'stroke-opacity': '0.45',
      'stroke-width': 1.5,
    }),
    C: el('circle', { cx: 2, cy: 2, r: 1.3, fill: '#000000', 'fill-opacity': '0.3' }),
    D: el('path', { d: 'M0 4H8M4 0V8', stroke: '#000000', 'stroke-opacity': '0.3', 'stroke-width': 1 }),
  };
  return el(
    'pattern',
    { id: `${id}-${c}`, class: `pattern-${c}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
    base + marks[c],
  );
}

function categoryFill(id: string, c: Category): string {
  return `url(#${id}-${c})`;
}

/** The category legend: swatch with its letter, then `A 类 已解决或基本解决`; wraps to fit. */
function categoryLegend(id: string, y0: number, width: number): { marks: string[]; height: number } {
  const LINE = 22;
  const SW = 14;
  const marks: string[] = [];
  let x = PAD;
  let line = 0;
  for (const c of categories) {
    const label = `${c} 类 ${categoryZh[c]}`;
    const w = SW + 6 + textWidth(label, SMALL);
    if (x > PAD && x + w > width - PAD) {
      line += 1;
      x = PAD;
    }
    const y = y0 + line * LINE;
    marks.push(
      el(
        'g',
        { class: `legend-item legend-${c}` },
        el('rect', { x, y, width: SW, height: SW, fill: categoryFill(id, c) }) +
          el(
            'text',
            {
              x: x + SW / 2,
              y: y + SW / 2,
              fill: categoryInk[c],
              'font-size': TINY,
              'font-weight': 700,
              'text-anchor': 'middle',
              'dominant-baseline': 'central',
            },
            c,
          ) +
          text(label, { x: x + SW + 6, y: y + SW / 2, 'font-size': SMALL, 'dominant-baseline': 'central' }),
      ),
    );
    x += w + 18;
  }
  return { marks, height: (line + 1) * LINE };
}

// ---------------------------------------------------------------------------
// Frame

function frame(kind: string, o: ChartOptions, height: number, desc: string, defs: string[], body: string[]): string {
  const width = o.width ?? CHART_WIDTH;
  const titleId = `${o.id}-title`;
  const descId = `${o.id}-desc`;
  return [
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      class: `chart chart-${kind}`,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
    })}>`,
    el('title', { id: titleId }, escapeXml(o.title)),
    el('desc', { id: descId }, escapeXml(o.desc ?? desc)),
    ...(defs.length ? [`<defs>${defs.join('')}</defs>`] : []),
    ...body,
    '</svg>',
  ].join('\n');
}

/** A chart with nothing to draw says so. */
function emptyChart(kind: string, o: ChartOptions): string {
  const width = o.width ?? CHART_WIDTH;
  return frame(
    kind,
    o,
    40,
    '暂无数据。',
    [],
    [
      text('暂无数据', {
        x: width / 2,
        y: 20,
        'font-size': FONT,
        'text-anchor': 'middle',
        'dominant-baseline': 'central',
      }),
    ],
  );
}

/** Bands for `n` horizontal rows between `top` and `bottom`. */
function rowBands(n: number, top: number, bottom: number) {
  return scaleBand<number>().domain(range(n)).range([top, bottom]).paddingInner(0.25).paddingOuter(0.125);
}

// ---------------------------------------------------------------------------
// Horizontal bars

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
  const used = categories.filter((c) => rows.some((r) => r.category === c));
  const body = rows.map((r, i) => {
    const top = y(i) ?? 0;
    const mid = top + y.bandwidth() / 2;
    const end = x(r.count);
    return el(
      'g',
      { class: r.category ? `bar bar-${r.category}` : 'bar' },
      text(labels[i], {
        x: left - GAP,
        y: mid,
        'font-size': FONT,
        'text-anchor': 'end',
        'dominant-baseline': 'central',
      }) +
        el(
          'rect',
          {
            x: left,
            y: top,
            width: Number(num(end)) - Number(num(left)),
            height: y.bandwidth(),
            fill: r.category ? categoryFill(o.id, r.category) : (o.fill ?? NEUTRAL),
          },
          tip(`${r.label}：${values[i]}`),
        ) +
        text(values[i], { x: end + 6, y: mid, 'font-size': SMALL, 'dominant-baseline': 'central', class: 'value' }),
    );
  });
  body.push(el('line', { x1: left, x2: left, y1: PAD, y2: height - PAD, stroke: 'currentColor', class: 'axis' }));
  return frame(
    'bar',
    o,
    height,
    defaultDesc(rows.map((r, i) => ({ label: r.label, value: values[i] }))),
    used.map((c) => categoryPattern(o.id, c)),
    body,
  );
}

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
    const parts: string[] = [
      text(labels[i], {
        x: left - GAP,
        y: mid,
        'font-size': FONT,
        'text-anchor': 'end',
        'dominant-baseline': 'central',
      }),
    ];
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
      if (inside) {
        parts.push(
          el(
            'text',
            {
              x: x0 + w / 2,
              y: mid,
              fill: categoryInk[c],
              'font-size': TINY,
              'font-weight': 700,
              'text-anchor': 'middle',
              'dominant-baseline': 'central',
              'aria-hidden': 'true',
            },
            escapeXml(inside),
          ),
        );
      }
    }
    parts.push(
      text(values[i], {
        x: x(totals[i]) + 6,
        y: mid,
        'font-size': SMALL,
        'dominant-baseline': 'central',
        class: 'value',
      }),
    );
    body.push(el('g', { class: 'bar' }, parts.join('')));
  });
  body.push(el('line', { x1: left, x2: left, y1: top, y2: height - PAD, stroke: 'currentColor', class: 'axis' }));
  const desc = defaultDesc(
    rows.map((r, i) => ({
      label: r.label,
      value: `${values[i]}（${categories.map((c) => `${c} 类 ${formatCount(r.counts[c])}`).join('，')}）`,
    })),
  );
  return frame(
    'stacked',
    o,
    height,
    desc,
    categories.map((c) => categoryPattern(o.id, c)),
    body,
  );
}

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
    const mid = top + y.bandwidth() / 2;
    const half = w(r.count) / 2;
    return el(
      'g',
      { class: r.sub ? 'stage stage-sub' : 'stage' },
      text(labels[i], { x: PAD + indents[i], y: mid, 'font-size': FONT, 'dominant-baseline': 'central' }) +
        el(
          'rect',
          {
            x: centre - half,
            y: top,
            width: Number(num(centre + half)) - Number(num(centre - half)),
            height: y.bandwidth(),
            fill: o.fill ?? NEUTRAL,
            'fill-opacity': r.sub ? '0.6' : undefined,
          },
          tip(`${labels[i]}：${values[i]}`),
        ) +
        text(values[i], {
          x: centre + half + 6,
          y: mid,
          'font-size': SMALL,
          'dominant-baseline': 'central',
          class: 'value',
        }),
    );
  });
  return frame(
    'funnel',
    o,
    height,
    defaultDesc(rows.map((_, i) => ({ label: labels[i], value: values[i] }))),
    [],
    body,
  );
}

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
  o: ChartOptions & { series: readonly GroupedSeries<K>[]; measure?: 'share' | 'count' },
): string {
  if (rows.length === 0 || o.series.length === 0) return emptyChart('grouped', o);
  const width = o.width ?? CHART_WIDTH;
  const BAR = 18;
  const INNER = 4;
  const BETWEEN = 14;
  const byShare = (o.measure ?? 'share') === 'share';
  const valueOf = (cell: GroupedCell) => (byShare ? (cell.share ?? 0) : cell.count);
  // No share (a total of 0) is written as the bare count, never as 0.00%.
  const labelOf = (cell: GroupedCell) =>
    byShare && cell.share !== null && cell.share !== undefined
      ? `${cell.share.toFixed(2)}%（${formatCount(cell.count)}）`
      : countLabel(cell.count);
  const groupLabels = rows.map((r) => fit(r.label, FONT, width * 0.2));
  const seriesLabels = o.series.map((s) => fit(s.label, SMALL, width * 0.2));
  const values = rows.map((r) => o.series.map((s) => labelOf(r[s.key])));
  const groupW = widest(groupLabels, FONT);
  const left = PAD + groupW + GAP + widest(seriesLabels, SMALL) + GAP;
  const right = width - PAD - widest(values.flat(), SMALL) - GAP;
  const groupH = o.series.length * BAR + (o.series.length - 1) * INNER;
  const height = 2 * PAD + rows.length * groupH + (rows.length - 1) * BETWEEN;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => max(o.series, (s) => valueOf(r[s.key]))) || 1])
    .range([left, right]);
  const used = categories.filter((c) => rows.some((r) => r.category === c));
  const body: string[] = [];
  rows.forEach((r, i) => {
    const top = PAD + i * (groupH + BETWEEN);
    const parts = [
      text(groupLabels[i], { x: PAD, y: top + groupH / 2, 'font-size': FONT, 'dominant-baseline': 'central' }),
    ];
    o.series.forEach((s, j) => {
      const cell = r[s.key];
      const by = top + j * (BAR + INNER);
      const mid = by + BAR / 2;
      const end = x(valueOf(cell));
      parts.push(
        text(seriesLabels[j], {
          x: left - GAP,
          y: mid,
          'font-size': SMALL,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
          class: 'series',
        }),
        el(
          'rect',
          {
            x: left,
            y: by,
            width: Number(num(end)) - Number(num(left)),
            height: BAR,
            fill: r.category ? categoryFill(o.id, r.category) : NEUTRAL,
            'fill-opacity': j > 0 ? '0.6' : undefined,
            class: `series-${j}`,
          },
          tip(`${r.label} · ${s.label}：${values[i][j]}`),
        ),
        text(values[i][j], { x: end + 6, y: mid, 'font-size': SMALL, 'dominant-baseline': 'central', class: 'value' }),
      );
    });
    body.push(el('g', { class: r.category ? `group group-${r.category}` : 'group' }, parts.join('')));
  });
  body.push(el('line', { x1: left, x2: left, y1: PAD, y2: height - PAD, stroke: 'currentColor', class: 'axis' }));
  const desc = defaultDesc(
    rows.map((r, i) => ({
      label: r.label,
      value: o.series.map((s, j) => `${s.label} ${values[i][j]}`).join('，'),
    })),
  );
  return frame(
    'grouped',
    o,
    height,
    desc,
    used.map((c) => categoryPattern(o.id, c)),
    body,
  );
}

// ---------------------------------------------------------------------------
// Vertical columns

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
  o: ChartOptions & { plotHeight?: number; fill?: string },
): string {
  if (rows.length === 0) return emptyChart('column', o);
  const width = o.width ?? CHART_WIDTH;
  const plotHeight = o.plotHeight ?? 200;
  const values = rows.map((r) => r.valueLabel ?? formatCount(r.count));
  const top = PAD + 16;
  const bottom = top + plotHeight;
  const hasGroups = rows.some((r) => r.group !== undefined);
  const height = bottom + (hasGroups ? 40 : 24);
  const y = scaleLinear()
    .domain([0, max(rows, (r) => r.count) || 1])
    .nice(4)
    .range([bottom, top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const tickLabels = ticks.map((t) => formatCount(t));
  const left = PAD + widest(tickLabels, TINY) + 6;
  const x = scaleBand<number>()
    .domain(range(rows.length))
    .range([left, width - PAD])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const bw = x.bandwidth();
  const ticksText = rows.map((r) => r.short ?? r.label);
  const every = Math.max(1, Math.ceil((widest(ticksText, TINY) + 6) / x.step()));
  const body: string[] = [];
  ticks.forEach((t, i) => {
    body.push(
      el(
        'g',
        { class: 'grid' },
        el('line', {
          x1: left,
          x2: width - PAD,
          y1: y(t),
          y2: y(t),
          stroke: 'currentColor',
          'stroke-opacity': t === 0 ? undefined : '0.2',
        }) +
          text(tickLabels[i], {
            x: left - 6,
            y: y(t),
            'font-size': TINY,
            'text-anchor': 'end',
            'dominant-baseline': 'central',
          }),
      ),
    );
  });
  rows.forEach((r, i) => {
    const x0 = x(i) ?? 0;
    const cx = x0 + bw / 2;
    const y0 = y(r.count);
    const parts = [
      el(
        'rect',
        {
          x: x0,
          y: y0,
          width: bw,
          height: Number(num(bottom)) - Number(num(y0)),
          fill: o.fill ?? NEUTRAL,
        },
        tip(`${r.label}：${values[i]}`),
      ),
    ];
    if (textWidth(values[i], TINY) <= x.step()) {
      parts.push(text(values[i], { x: cx, y: y0 - 4, 'font-size': TINY, 'text-anchor': 'middle', class: 'value' }));
    }
    if (i % every === 0) {
      parts.push(
        text(ticksText[i], { x: cx, y: bottom + 15, 'font-size': TINY, 'text-anchor': 'middle', class: 'tick' }),
      );
    }
    if (r.group !== undefined && r.group !== rows[i - 1]?.group) {
      parts.push(text(r.group, { x: x0, y: bottom + 31, 'font-size': TINY, class: 'tick-group' }));
    }
    body.push(el('g', { class: 'column' }, parts.join('')));
  });
  return frame('column', o, height, defaultDesc(rows.map((r, i) => ({ label: r.label, value: values[i] }))), [], body);
}
