/**
 * Shared SVG primitives of every chart: markup (and the XML escaper), text
 * metrics, value labels, the frame, and the one
 * horizontal row (label, bar, value) that bar, funnel and grouped charts draw.
 *
 * Stateless SVG views: rows in, an SVG string out, at build time. No DOM: the
 * markup is built as text (every text escaped), positions come from d3 scales
 * and are rounded to one decimal, so the same rows always give the same bytes.
 *
 * The site runs under a strict CSP, so there is no `style` attribute and no
 * `<style>` element: only presentation attributes and class names. Text is
 * drawn in `currentColor` (it follows light and dark mode) and inherits the
 * page's font. Categories use the Okabe–Ito palette (../palette.ts), each with
 * its own pattern and its letter (in the segment when it fits, and in the
 * legend: ./categories.ts), so colour is never the only cue. Each chart is an
 * `img` labelled by its `<title>` and `<desc>`; the numbers themselves belong
 * in the table beside it.
 */
import { max, range } from 'd3-array';
import { format } from 'd3-format';
import { scaleBand } from 'd3-scale';

/** Width of every chart's viewBox unless asked otherwise. */
export const CHART_WIDTH = 640;
/**
 * Width of the phone variant: a 360 px screen's column (328 px) shows it at
 * full size, so no text is drawn below TINY (11 px).
 */
export const NARROW_WIDTH = 320;

export const PAD = 8;
export const GAP = 8;
/** Row labels. */
export const FONT = 13;
/** Value labels, legend. */
export const SMALL = 12;
/** Axis ticks, labels inside bars. */
export const TINY = 11;
/** Height of one horizontal bar's row. */
export const STEP = 30;

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

/** Text or attribute value safe inside SVG (or any XML) markup. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate rounded to one decimal, without `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
}

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

/** An element; `children` is markup (already escaped), absent for an empty element. */
export function el(tag: string, a: Attrs, children?: string): string {
  return children === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

export function text(content: string, a: Attrs): string {
  return el('text', { fill: 'currentColor', ...a }, escapeXml(content));
}

/** A tooltip for a mark: its own `<title>` child. */
export function tip(content: string): string {
  return el('title', {}, escapeXml(content));
}

/** The width between two coordinates as drawn: both rounded first, so bars end where their neighbours start. */
export function span(x0: number, x1: number): number {
  return Number(num(x1)) - Number(num(x0));
}

/** The vertical axis line at `x`. */
export function axis(x: number, y1: number, y2: number): string {
  return el('line', { x1: x, x2: x, y1, y2, stroke: 'currentColor', class: 'axis' });
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
export function fit(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

export function widest(items: readonly string[], size: number): number {
  return max(items, (s) => textWidth(s, size)) ?? 0;
}

// ---------------------------------------------------------------------------
// Values

export const formatCount = format(',');

/** `461` or, with a share, `461（74.84%）`. */
export function countLabel(count: number, share?: number | null): string {
  return share === undefined || share === null ? formatCount(count) : `${formatCount(count)}（${share.toFixed(2)}%）`;
}

export function defaultDesc(items: readonly { label: string; value: string }[]): string {
  return `${items.map((i) => `${i.label}：${i.value}`).join('；')}。`;
}

// ---------------------------------------------------------------------------
// Frame

export function frame(
  kind: string,
  o: ChartOptions,
  height: number,
  desc: string,
  defs: string[],
  body: string[],
): string {
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
export function emptyChart(kind: string, o: ChartOptions): string {
  const width = o.width ?? CHART_WIDTH;
  const message = text('暂无数据', {
    x: width / 2,
    y: 20,
    'font-size': FONT,
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
  });
  return frame(kind, o, 40, '暂无数据。', [], [message]);
}

/** Bands for `n` horizontal rows between `top` and `bottom`. */
export function rowBands(n: number, top: number, bottom: number) {
  return scaleBand<number>().domain(range(n)).range([top, bottom]).paddingInner(0.25).paddingOuter(0.125);
}

// ---------------------------------------------------------------------------
// The horizontal row: label, bar, value

/** A row's label, vertically centred on `mid`: right-aligned at `x` with `anchor: 'end'`. */
export function rowLabel(
  content: string,
  x: number,
  mid: number,
  o: { size?: number; anchor?: 'end'; class?: string } = {},
): string {
  return text(content, {
    x,
    y: mid,
    'font-size': o.size ?? FONT,
    'text-anchor': o.anchor,
    'dominant-baseline': 'central',
    class: o.class,
  });
}

/** The value written just after a bar that ends at `x`. */
export function rowValue(content: string, x: number, mid: number): string {
  return text(content, { x: x + 6, y: mid, 'font-size': SMALL, 'dominant-baseline': 'central', class: 'value' });
}

export interface RowBar {
  x0: number;
  x1: number;
  y: number;
  height: number;
  fill: string;
  opacity?: string;
  class?: string;
  /** The bar's tooltip. */
  tip: string;
}

/** One horizontal row of a bar, funnel or grouped chart: the label, the bar from x0 to x1 and its value. */
export function hbarRow(label: string, bar: RowBar, value: string): string {
  const rect = el(
    'rect',
    {
      x: bar.x0,
      y: bar.y,
      width: span(bar.x0, bar.x1),
      height: bar.height,
      fill: bar.fill,
      'fill-opacity': bar.opacity,
      class: bar.class,
    },
    tip(bar.tip),
  );
  return label + rect + rowValue(value, bar.x1, bar.y + bar.height / 2);
}
